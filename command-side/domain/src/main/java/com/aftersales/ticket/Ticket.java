package com.aftersales.ticket;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;
import com.aftersales.access.Caller;
import com.aftersales.infra.privacy.SubjectKeys;
import com.aftersales.infra.tenancy.Role;
import com.aftersales.infra.tenancy.Tenant;
import com.aftersales.infra.tenancy.TenantDirectory;
import com.aftersales.refusal.Refusal;
import com.aftersales.refusal.RefusalCode;
import com.aftersales.refusal.RefusedException;
import com.aftersales.sla.SlaCommands.PauseSlaClocks;
import com.aftersales.sla.SlaCommands.RecordSlaDeadlines;
import com.aftersales.sla.SlaCommands.ResumeSlaClocks;
import com.aftersales.sla.SlaSettings;
import com.aftersales.ticket.ComplaintCommands.RecordPlanChange;
import com.aftersales.ticket.ComplaintCommands.RecordWarranty;
import com.aftersales.ticket.ComplaintCommands.ReviewComplaintFeedback;
import com.aftersales.ticket.ComplaintCommands.SubmitComplaintFeedback;
import com.aftersales.ticket.ComplaintEvents.ComplaintFeedbackApproved;
import com.aftersales.ticket.ComplaintEvents.ComplaintFeedbackSentBack;
import com.aftersales.ticket.ComplaintEvents.ComplaintFeedbackSubmitted;
import com.aftersales.ticket.ComplaintEvents.PlanChangeConfirmed;
import com.aftersales.ticket.ComplaintEvents.WarrantyRecorded;
import com.aftersales.ticket.HandlingCommands.AcceptResolution;
import com.aftersales.ticket.HandlingCommands.ApprovePlan;
import com.aftersales.ticket.HandlingCommands.ArchiveTicket;
import com.aftersales.ticket.HandlingCommands.EscalateTicket;
import com.aftersales.ticket.HandlingCommands.LogContact;
import com.aftersales.ticket.HandlingCommands.ProposePlan;
import com.aftersales.ticket.HandlingCommands.RecordCustomerUpdate;
import com.aftersales.ticket.HandlingCommands.RecordDiagnosis;
import com.aftersales.ticket.HandlingCommands.RecordFollowUpCall;
import com.aftersales.ticket.HandlingCommands.RecordSurvey;
import com.aftersales.ticket.HandlingCommands.RejectPlan;
import com.aftersales.ticket.HandlingCommands.RejectResolution;
import com.aftersales.ticket.HandlingCommands.ResolveTicket;
import com.aftersales.ticket.HandlingCommands.SetProgress;
import com.aftersales.ticket.HandlingEvents.ContactLogged;
import com.aftersales.ticket.HandlingEvents.CustomerUpdated;
import com.aftersales.ticket.HandlingEvents.DiagnosisRecorded;
import com.aftersales.ticket.HandlingEvents.FollowUpCallRecorded;
import com.aftersales.ticket.HandlingEvents.PlanApprovalRequired;
import com.aftersales.ticket.HandlingEvents.PlanApproved;
import com.aftersales.ticket.HandlingEvents.PlanProposed;
import com.aftersales.ticket.HandlingEvents.PlanRejected;
import com.aftersales.ticket.HandlingEvents.ProgressSet;
import com.aftersales.ticket.HandlingEvents.ResolutionAccepted;
import com.aftersales.ticket.HandlingEvents.ResolutionRejected;
import com.aftersales.ticket.HandlingEvents.SupervisorFollowUpOpened;
import com.aftersales.ticket.HandlingEvents.SurveyRecorded;
import com.aftersales.ticket.HandlingEvents.ThankYouDue;
import com.aftersales.ticket.HandlingEvents.TicketArchived;
import com.aftersales.ticket.HandlingEvents.TicketEscalated;
import com.aftersales.ticket.HandlingEvents.TicketResolved;
import com.aftersales.ticket.LifecycleCommands.AcceptAssignment;
import com.aftersales.ticket.LifecycleCommands.AddCoHandler;
import com.aftersales.ticket.LifecycleCommands.AssignTicket;
import com.aftersales.ticket.LifecycleCommands.ClassifyTicket;
import com.aftersales.ticket.LifecycleCommands.LinkToBatch;
import com.aftersales.ticket.LifecycleCommands.MarkTicket;
import com.aftersales.ticket.LifecycleCommands.ReassignTicket;
import com.aftersales.ticket.LifecycleCommands.SendBackForInformation;
import com.aftersales.ticket.LifecycleCommands.SupplyInformation;
import com.aftersales.ticket.LifecycleEvents.AssignmentAccepted;
import com.aftersales.ticket.LifecycleEvents.CoHandlerAdded;
import com.aftersales.ticket.LifecycleEvents.InformationSupplied;
import com.aftersales.ticket.LifecycleEvents.TicketAssigned;
import com.aftersales.ticket.LifecycleEvents.TicketClassified;
import com.aftersales.ticket.LifecycleEvents.TicketMarked;
import com.aftersales.ticket.LifecycleEvents.TicketReassigned;
import com.aftersales.ticket.LifecycleEvents.TicketSentBack;
import com.aftersales.privacy.PrivacyCommands.DisposeTicketPersonalData;
import com.aftersales.privacy.PrivacyCommands.PlaceTicketHold;
import com.aftersales.privacy.PrivacyCommands.ReleaseTicketHold;
import com.aftersales.privacy.PrivacyEvents.TicketHoldPlaced;
import com.aftersales.privacy.PrivacyEvents.TicketHoldReleased;
import com.aftersales.privacy.PrivacyEvents.TicketPersonalDataDisposed;
import com.aftersales.privacy.Retention;
import com.aftersales.privacy.SubjectKeyring;
import com.aftersales.privacy.TicketRecords;
import com.aftersales.sla.SlaCommands;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A customer's after-sales request 工单, from registration on. Validates, then applies events;
 * state changes only in the event-sourcing handlers of {@link TicketState}.
 */
@Aggregate(snapshotTriggerDefinition = "ticketSnapshotTrigger", snapshotFilter = "ticketSnapshotFilter", cache = "ticketCache")
public class Ticket extends TicketState {

    /**
     * Registration answers the new ticket's version, as every other accepted command answers its version: 0,
     * or more when it started SLA clocks.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    public Long handle(OpenTicket command, MetaData metaData, TenantDirectory tenants, TicketNumbers numbers, Clock clock,
                       Marking marking, SlaSettings sla, SubjectKeys subjects) {
        Caller caller = Caller.from(metaData);
        Tenant tenant = RegistrationRules.check(caller, command.registration(), tenants);
        linkToSubject(subjects, tenant.id(), command);
        Instant now = clock.instant();
        String number = numbers.next(tenant.id(), now);
        CurrentUnitOfWork.ifStarted(unitOfWork -> unitOfWork.onRollback(
                rolledBack -> numbers.release(tenant.id(), number, "registration of " + command.ticketId() + " failed")));
        apply(new TicketOpened(command.ticketId(), tenant.id(), number, command.registration(), caller.actorId(), now));
        clocks.registered(command.registration().priority(), sla, now);
        marking.atRegistration(tenant, command.ticketId(), command.registration(), now).forEach(event -> applyRetargeting(event, sla, now));
        return getVersion();
    }

    /**
     * The ticket's personal data goes under the keys of its customer (a data subject within the
     * tenant, docs/privacy.md): an erasure request for the customer then shreds it too. A link left
     * by a registration that fails later shreds nothing that exists.
     */
    private static void linkToSubject(SubjectKeys subjects, String tenantId, OpenTicket command) {
        Registration.Customer customer = command.registration().customer();
        SubjectKeys.SubjectIdentity identity = customer == null ? new SubjectKeys.SubjectIdentity(null, null, null)
                : new SubjectKeys.SubjectIdentity(customer.customerId(), customer.phone(), customer.email());
        subjects.linkTicket(tenantId, command.ticketId(), subjects.subjectOf(tenantId, identity));
    }

    @CommandHandler
    public void handle(AcknowledgeTicket command, MetaData metaData, Clock clock) {
        Caller caller = callerFor(command, metaData);
        if (acknowledged) {
            throw new RefusedException(RefusalCode.TICKET_ALREADY_ACKNOWLEDGED);
        }
        if (command.promisedResponseBy() == null || command.channel() == null) {
            throw new RefusedException(RefusalCode.ACKNOWLEDGEMENT_INCOMPLETE);
        }
        apply(new TicketAcknowledged(ticketId, number, command.promisedResponseBy(), command.channel(),
                caller.actorId(), clock.instant()));
    }

    @CommandHandler
    public void handle(ClassifyTicket command, MetaData metaData, TenantDirectory tenants, Clock clock, Routing routing,
                       SlaSettings sla) {
        Caller caller = callerFor(command, metaData);
        Tenant tenant = tenant(tenants);
        ReclassificationRules.checkTenantScheme(tenant, command.type(), command.priority());
        ReclassificationRules.check(this.type, command.type(), status, qualifiedLead, tenant, command.priority());
        Instant now = clock.instant();
        apply(new TicketClassified(ticketId, command.type(), command.priority(), command.responsibility(),
                caller.actorId(), now, tenant.configurationVersion()));
        Role needed = obligations.planProposer == null ? null
                : PlanRules.requiredApprover(tenant, command.priority(), obligations.planCompensation, orderAmount);
        if (!obligations.planRejected && PlanRules.rank(needed) > PlanRules.rank(obligations.planApprovalBy)) {
            apply(new PlanApprovalRequired(ticketId, needed.name(), now));
        }
        clocks.classified(command.priority(), sla, now);
        routeIfUnrouted(tenant, command, routing, now);
    }

    @CommandHandler
    public void handle(MarkTicket command, MetaData metaData, Clock clock) {
        Caller caller = callerFor(command, metaData);
        EnumSet<Mark> requested = EnumSet.noneOf(Mark.class);
        if (command.marks() != null) {
            command.marks().stream().filter(java.util.Objects::nonNull).forEach(requested::add);
        }
        apply(new TicketMarked(ticketId, requested, caller.actorId(), clock.instant()));
    }

    @CommandHandler
    public void handle(LinkToBatch command, MetaData metaData, TenantDirectory tenants, Clock clock, SlaSettings sla) {
        Caller caller = callerFor(command, metaData);
        Instant now = clock.instant();
        BatchLinks.link(this, command, tenant(tenants), caller.actorId(), now).forEach(event -> applyRetargeting(event, sla, now));
    }

    /** A batch's raised priority re-targets the running SLA clocks like any reclassification. */
    private void applyRetargeting(Object event, SlaSettings sla, Instant now) {
        apply(event);
        if (event instanceof TicketClassified raised) {
            clocks.classified(raised.priority(), sla, now);
        }
    }

    @CommandHandler
    public void handle(AssignTicket command, MetaData metaData, Clock clock) {
        Caller caller = callerFor(command, metaData);
        requireText(command.department(), RefusalCode.ASSIGNMENT_INCOMPLETE);
        requireText(command.assigneeId(), RefusalCode.ASSIGNMENT_INCOMPLETE);
        apply(new TicketAssigned(ticketId, command.department(), command.assigneeId(), caller.actorId(), clock.instant()));
    }

    @CommandHandler
    public void handle(ReassignTicket command, MetaData metaData, Clock clock) {
        Caller caller = callerFor(command, metaData);
        requireText(command.department(), RefusalCode.ASSIGNMENT_INCOMPLETE);
        requireText(command.assigneeId(), RefusalCode.ASSIGNMENT_INCOMPLETE);
        requireText(command.reason(), RefusalCode.REASON_REQUIRED);
        apply(new TicketReassigned(ticketId, command.department(), command.assigneeId(), command.reason(),
                caller.actorId(), clock.instant()));
    }

    @CommandHandler
    public void handle(AddCoHandler command, MetaData metaData, Clock clock) {
        Caller caller = callerFor(command, metaData);
        requireText(command.handlerId(), RefusalCode.ASSIGNMENT_INCOMPLETE);
        if (command.handlerId().equals(assigneeId) || coHandlers.contains(command.handlerId())) {
            throw new RefusedException(RefusalCode.ALREADY_A_HANDLER);
        }
        apply(new CoHandlerAdded(ticketId, command.handlerId(), caller.actorId(), clock.instant()));
    }

    /** SPEC §4: the two highest priority levels need a senior engineer or a supervisor as lead. */
    @CommandHandler
    public void handle(AcceptAssignment command, MetaData metaData, TenantDirectory tenants, Clock clock,
                       SlaSettings sla) {
        Caller caller = callerFor(command, metaData);
        requireAssignee(caller);
        requirePriority();
        Tenant tenant = tenant(tenants);
        boolean qualified = caller.has(Role.SENIOR) || caller.has(Role.SUPERVISOR);
        if (ReclassificationRules.needsQualifiedLead(tenant, priority) && !qualified) {
            throw new RefusedException(Refusal.of(RefusalCode.LEAD_NOT_QUALIFIED, "priority", priority));
        }
        apply(new AssignmentAccepted(ticketId, caller.actorId(), qualified, clock.instant()));
        clocks.accepted(priority, sla, clock.instant());
    }

    @CommandHandler
    public void handle(SendBackForInformation command, MetaData metaData, Clock clock) {
        Caller caller = callerFor(command, metaData);
        requireAssignee(caller);
        requireText(command.missing(), RefusalCode.REASON_REQUIRED);
        apply(new TicketSentBack(ticketId, command.missing(), caller.actorId(), clock.instant()));
    }

    @CommandHandler
    public void handle(SupplyInformation command, MetaData metaData, Clock clock) {
        Caller caller = callerFor(command, metaData);
        requireText(command.information(), RefusalCode.REASON_REQUIRED);
        apply(new InformationSupplied(ticketId, command.information(), caller.actorId(), clock.instant()));
    }

    @CommandHandler
    public void handle(RecordDiagnosis command, MetaData metaData, Clock clock, SlaSettings sla) {
        Caller caller = handlerFor(command, metaData);
        if (command.method() == null) {
            throw new RefusedException(RefusalCode.REASON_REQUIRED);
        }
        requireText(command.findings(), RefusalCode.REASON_REQUIRED);
        apply(new DiagnosisRecorded(ticketId, command.method(), command.findings(), command.appointmentAt(),
                caller.actorId(), clock.instant()));
        clocks.responded(sla, clock.instant());
    }

    @CommandHandler
    public void handle(ProposePlan command, MetaData metaData, TenantDirectory tenants, Clock clock) {
        Caller caller = handlerFor(command, metaData);
        if (isBlank(command.temporaryMeasure()) && isBlank(command.permanentFix())) {
            throw new RefusedException(RefusalCode.PLAN_INCOMPLETE);
        }
        requirePriority();
        Tenant tenant = tenant(tenants);
        Role approver = PlanRules.requiredApprover(tenant, priority, command.compensation(), orderAmount);
        apply(new PlanProposed(ticketId, command.temporaryMeasure(), command.permanentFix(),
                command.measures() == null ? List.of() : List.copyOf(command.measures()), command.cost(),
                command.compensation(), command.deadline(), approver == null ? null : approver.name(),
                caller.actorId(), clock.instant()));
    }

    @CommandHandler
    public void handle(ApprovePlan command, MetaData metaData, Clock clock) {
        Caller caller = approverFor(command, metaData);
        apply(new PlanApproved(ticketId, caller.actorId(), clock.instant()));
    }

    @CommandHandler
    public void handle(RejectPlan command, MetaData metaData, Clock clock) {
        Caller caller = approverFor(command, metaData);
        requireText(command.reason(), RefusalCode.REASON_REQUIRED);
        apply(new PlanRejected(ticketId, command.reason(), caller.actorId(), clock.instant()));
    }

    @CommandHandler
    public void handle(SetProgress command, MetaData metaData, Clock clock, SlaSettings sla) {
        Caller caller = handlerFor(command, metaData);
        requireText(command.progress(), RefusalCode.REASON_REQUIRED);
        apply(new ProgressSet(ticketId, command.progress(), caller.actorId(), clock.instant()));
        clocks.progressSet(command.progress(), sla, clock.instant());
    }

    @CommandHandler
    public void handle(LogContact command, MetaData metaData, Clock clock, SlaSettings sla) {
        Caller caller = callerFor(command, metaData);
        requireText(command.summary(), RefusalCode.REASON_REQUIRED);
        apply(new ContactLogged(ticketId, command.channel(), command.direction(), command.summary(),
                caller.actorId(), clock.instant()));
        if (command.direction() == HandlingCommands.Direction.OUTBOUND) {
            clocks.responded(sla, clock.instant());
        }
    }

    @CommandHandler
    public void handle(RecordCustomerUpdate command, MetaData metaData, Clock clock, SlaSettings sla) {
        Caller caller = callerFor(command, metaData);
        requireText(command.summary(), RefusalCode.REASON_REQUIRED);
        apply(new CustomerUpdated(ticketId, command.channel(), command.summary(), caller.actorId(), clock.instant()));
        clocks.customerUpdated(priority, status != TicketStatus.CLOSED, sla, clock.instant());
    }

    @CommandHandler
    public void handle(EscalateTicket command, MetaData metaData, Clock clock) {
        Caller caller = callerFor(command, metaData);
        requireText(command.reason(), RefusalCode.REASON_REQUIRED);
        if (command.to() == null) {
            throw new RefusedException(RefusalCode.REASON_REQUIRED);
        }
        apply(new TicketEscalated(ticketId, command.to(), command.reason(), caller.actorId(), clock.instant()));
    }

    @CommandHandler
    public void handle(ResolveTicket command, MetaData metaData, TenantDirectory tenants, Clock clock, SlaSettings sla) {
        Caller caller = handlerFor(command, metaData);
        if (obligations.planPending || obligations.planRejected) {
            throw new RefusedException(Refusal.of(RefusalCode.PLAN_NOT_APPROVED, "approvalBy",
                    obligations.planRejected ? "a new plan" : obligations.planApprovalBy));
        }
        if (PlanRules.planRequired(tenant(tenants), priority) && !obligations.planInEffect()) {
            throw new RefusedException(Refusal.of(RefusalCode.PLAN_REQUIRED, "priority", priority));
        }
        requireText(command.resolution(), RefusalCode.REASON_REQUIRED);
        apply(new TicketResolved(ticketId, command.resolution(), caller.actorId(), clock.instant()));
        clocks.resolved(priority, tenant(tenants).isComplaint(type), sla, clock.instant());
    }

    @CommandHandler
    public void handle(AcceptResolution command, MetaData metaData, Clock clock, SlaSettings sla) {
        Caller caller = callerFor(command, metaData);
        apply(new ResolutionAccepted(ticketId, command.note(), caller.actorId(), clock.instant()));
        clocks.closed(sla, clock.instant());
    }

    /** Second handling's result is due when its SLA clock is (SPEC §6: 3 working days on the tenant's calendar). */
    @CommandHandler
    public void handle(RejectResolution command, MetaData metaData, Clock clock, SlaSettings sla) {
        Caller caller = callerFor(command, metaData);
        requireText(command.note(), RefusalCode.REASON_REQUIRED);
        Instant now = clock.instant();
        apply(new ResolutionRejected(ticketId, command.note(), clocks.secondHandlingDue(priority, sla, now),
                caller.actorId(), now));
        clocks.resolutionRejected(priority, sla, now);
    }

    @CommandHandler
    public void handle(RecordSurvey command, MetaData metaData, Clock clock) {
        Caller caller = callerFor(command, metaData);
        if (obligations.surveyRecorded) {
            throw new RefusedException(RefusalCode.SURVEY_ALREADY_RECORDED);
        }
        SurveyRules.check(command);
        Instant now = clock.instant();
        apply(new SurveyRecorded(ticketId, command.satisfaction(), command.responseSpeed(), command.resolutionEffect(),
                command.serviceAttitude(), command.overall(), command.nps(), command.comment(), caller.actorId(), now));
        if (SurveyRules.needsSupervisorFollowUp(command)) {
            apply(new SupervisorFollowUpOpened(ticketId, command.overall(), now));
        } else {
            apply(new ThankYouDue(ticketId, command.overall(), now));
        }
    }

    @CommandHandler
    public void handle(RecordFollowUpCall command, MetaData metaData, Clock clock) {
        Caller caller = callerFor(command, metaData);
        requireText(command.summary(), RefusalCode.REASON_REQUIRED);
        if (obligations.supervisorFollowUp) {
            if (!caller.has(Role.SUPERVISOR)) {
                throw new RefusedException(RefusalCode.FOLLOW_UP_NEEDS_SUPERVISOR);
            }
            requireText(command.cause(), RefusalCode.REASON_REQUIRED);
            requireText(command.improvementPlan(), RefusalCode.REASON_REQUIRED);
        }
        apply(new FollowUpCallRecorded(ticketId, command.summary(), command.cause(), command.improvementPlan(),
                caller.actorId(), clock.instant()));
    }

    @CommandHandler
    public void handle(RecordWarranty command, MetaData metaData, Clock clock) {
        Caller caller = handlerFor(command, metaData);
        requireText(command.part(), RefusalCode.REASON_REQUIRED);
        if (command.warrantyUntil() == null) {
            throw new RefusedException(RefusalCode.REASON_REQUIRED);
        }
        apply(new WarrantyRecorded(ticketId, command.part(), command.warrantyUntil(), caller.actorId(), clock.instant()));
    }

    @CommandHandler
    public void handle(RecordPlanChange command, MetaData metaData, Clock clock) {
        Caller caller = handlerFor(command, metaData);
        requireText(command.change(), RefusalCode.REASON_REQUIRED);
        requireText(command.customerConfirmation(), RefusalCode.REASON_REQUIRED);
        apply(new PlanChangeConfirmed(ticketId, command.change(), command.customerConfirmation(), caller.actorId(),
                clock.instant()));
    }

    @CommandHandler
    public void handle(SubmitComplaintFeedback command, MetaData metaData, TenantDirectory tenants, Clock clock,
                       SlaSettings sla) {
        Caller caller = handlerFor(command, metaData);
        requireComplaint(tenants);
        ComplaintRules.check(command);
        requireApprovedCompensation(tenant(tenants), command.compensation());
        Instant now = clock.instant();
        Instant secondResultDue = ComplaintRules.settled(command) ? null : clocks.complaintSecondResultDue(priority, sla, now);
        apply(new ComplaintFeedbackSubmitted(ticketId, command.outcome(), command.outcomeReason(),
                command.initialDemandMet(), command.demandReason(), command.compensation(),
                command.measures() == null ? Set.of() : Set.copyOf(command.measures()), command.keyTimePoints(),
                command.customerOpinion(), command.customerSatisfaction(), command.rootCause(), command.improvements(),
                secondResultDue, caller.actorId(), now));
        clocks.feedbackSubmitted(priority, secondResultDue != null, sla, now);
    }

    @CommandHandler
    public void handle(ReviewComplaintFeedback command, MetaData metaData, TenantDirectory tenants, Clock clock) {
        Caller caller = callerFor(command, metaData);
        requireComplaint(tenants);
        if (!obligations.feedbackSubmitted || obligations.feedbackApproved) {
            throw new RefusedException(RefusalCode.NO_FEEDBACK_TO_REVIEW);
        }
        if (caller.actorId().equals(obligations.feedbackSubmitter)) {
            throw new RefusedException(RefusalCode.SELF_APPROVAL);
        }
        if (command.approve() && !obligations.feedbackSettled) {
            throw new RefusedException(RefusalCode.COMPLAINT_NOT_SETTLED);
        }
        if (command.approve()) {
            apply(new ComplaintFeedbackApproved(ticketId, command.note(), caller.actorId(), clock.instant()));
        } else {
            requireText(command.note(), RefusalCode.REASON_REQUIRED);
            apply(new ComplaintFeedbackSentBack(ticketId, command.note(), caller.actorId(), clock.instant()));
        }
    }

    @CommandHandler
    public void handle(ArchiveTicket command, MetaData metaData, TenantDirectory tenants, Clock clock, SlaSettings sla) {
        Caller caller = callerFor(command, metaData);
        if (tenant(tenants).isComplaint(type) && !obligations.feedbackApproved) {
            throw new RefusedException(RefusalCode.COMPLAINT_REVIEW_PENDING);
        }
        if (!obligations.surveyRecorded) {
            throw new RefusedException(RefusalCode.SURVEY_MISSING);
        }
        if (obligations.supervisorFollowUp && !obligations.followUpDone) {
            throw new RefusedException(RefusalCode.FOLLOW_UP_OPEN);
        }
        apply(new TicketArchived(ticketId, caller.actorId(), clock.instant()));
        clocks.archived(sla, clock.instant());
    }

    /** Sent by the durable timer: the warnings and breaches due now, none twice. */
    @CommandHandler
    public void handle(RecordSlaDeadlines command, MetaData metaData, SlaSettings sla, Clock clock) {
        Caller caller = Caller.from(metaData);
        assertSameTenant(caller);
        clocks.recordDeadlines(caller, sla, clock.instant());
    }

    @CommandHandler
    public void handle(PauseSlaClocks command, MetaData metaData, SlaSettings sla, Clock clock) {
        callerFor(command, metaData);
        if (command.reason() == null) {
            throw new RefusedException(RefusalCode.REASON_REQUIRED);
        }
        clocks.waitFor(command.reason(), sla, clock.instant());
    }

    @CommandHandler
    public void handle(ResumeSlaClocks command, MetaData metaData, SlaSettings sla, Clock clock) {
        callerFor(command, metaData);
        clocks.resume(sla, clock.instant());
    }

    @CommandHandler
    public void handle(PlaceTicketHold command, MetaData metaData, Clock clock) {
        Caller caller = callerFor(command, metaData);
        requireText(command.reason(), RefusalCode.REASON_REQUIRED);
        if (onHold) {
            throw new RefusedException(RefusalCode.ALREADY_ON_HOLD);
        }
        apply(new TicketHoldPlaced(ticketId, command.reason(), caller.actorId(), clock.instant()));
    }

    @CommandHandler
    public void handle(ReleaseTicketHold command, MetaData metaData, Clock clock) {
        Caller caller = callerFor(command, metaData);
        requireText(command.reason(), RefusalCode.REASON_REQUIRED);
        if (!onHold) {
            throw new RefusedException(RefusalCode.NOT_ON_HOLD);
        }
        apply(new TicketHoldReleased(ticketId, command.reason(), caller.actorId(), clock.instant()));
    }

    /**
     * Sent by the disposal timer. Records the disposal, then shreds the ticket's key once it is stored, once: a ticket
     * disposed of, not archived, on hold (itself or its subject: a release schedules again) or inside
     * its retention under the tenant's policy now (the timer is set again) is left alone.
     */
    @CommandHandler
    public void handle(DisposeTicketPersonalData command, MetaData metaData, TenantDirectory tenants, Clock clock,
                          Retention retention, TicketRecords records, SubjectKeyring keyring) {
        Caller caller = Caller.from(metaData);
        assertSameTenant(caller);
        if (!SlaCommands.TIMER_ACTOR_KIND.equals(caller.actorKind())) {
            throw new RefusedException(RefusalCode.ROLE_NOT_ALLOWED);
        }
        if (personalDataDisposed || archivedAt == null || onHold) {
            return;
        }
        // thrown, not skipped: the ticker keeps the timer and fires it again once the tenant is known
        Tenant tenant = tenants.find(tenantId).orElseThrow(() -> new RefusedException(RefusalCode.TENANT_UNKNOWN));
        Instant end = retention.retentionEnd(tenant, tenant.isComplaint(type), archivedAt);
        Instant now = clock.instant();
        if (end.isAfter(now)
                || keyring.keys().subjectOfTicket(tenantId, ticketId).filter(records::subjectOnHold).isPresent()) {
            return;
        }
        apply(new TicketPersonalDataDisposed(ticketId, end, caller.actorId(), now));
        // once stored (KeyShredder does it again from the event, should this node stop in between)
        String owner = tenantId;
        String ticket = ticketId;
        CurrentUnitOfWork.get().afterCommit(unitOfWork -> keyring.keys().shredTicket(owner, ticket));
    }
}
