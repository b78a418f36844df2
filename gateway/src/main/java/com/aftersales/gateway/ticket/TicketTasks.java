package com.aftersales.gateway.ticket;

import com.aftersales.gateway.ticket.TicketActionRequests.Acknowledgement;
import com.aftersales.gateway.ticket.TicketActionRequests.Assignment;
import com.aftersales.gateway.ticket.TicketActionRequests.Classification;
import com.aftersales.gateway.ticket.TicketActionRequests.CoHandler;
import com.aftersales.gateway.ticket.TicketActionRequests.ComplaintFeedback;
import com.aftersales.gateway.ticket.TicketActionRequests.Contact;
import com.aftersales.gateway.ticket.TicketActionRequests.CustomerUpdate;
import com.aftersales.gateway.ticket.TicketActionRequests.Decision;
import com.aftersales.gateway.ticket.TicketActionRequests.Diagnosis;
import com.aftersales.gateway.ticket.TicketActionRequests.Escalation;
import com.aftersales.gateway.ticket.TicketActionRequests.FollowUpCall;
import com.aftersales.gateway.ticket.TicketActionRequests.Marks;
import com.aftersales.gateway.ticket.TicketActionRequests.Plan;
import com.aftersales.gateway.ticket.TicketActionRequests.PlanChange;
import com.aftersales.gateway.ticket.TicketActionRequests.PlanCompensation;
import com.aftersales.gateway.ticket.TicketActionRequests.Progress;
import com.aftersales.gateway.ticket.TicketActionRequests.Reassignment;
import com.aftersales.gateway.ticket.TicketActionRequests.Resolution;
import com.aftersales.gateway.ticket.TicketActionRequests.Review;
import com.aftersales.gateway.ticket.TicketActionRequests.SendBack;
import com.aftersales.gateway.ticket.TicketActionRequests.Supplement;
import com.aftersales.gateway.ticket.TicketActionRequests.Survey;
import com.aftersales.gateway.ticket.TicketActionRequests.Verdict;
import com.aftersales.gateway.ticket.TicketActionRequests.Warranty;
import com.aftersales.gateway.ticket.TicketTask.NoBody;
import com.aftersales.infra.tenancy.Role;
import com.aftersales.ticket.AcknowledgeTicket;
import com.aftersales.ticket.ComplaintCommands;
import com.aftersales.ticket.HandlingCommands;
import com.aftersales.ticket.LifecycleCommands.AcceptAssignment;
import com.aftersales.ticket.LifecycleCommands.AddCoHandler;
import com.aftersales.ticket.LifecycleCommands.AssignTicket;
import com.aftersales.ticket.LifecycleCommands.ClassifyTicket;
import com.aftersales.ticket.LifecycleCommands.MarkTicket;
import com.aftersales.ticket.LifecycleCommands.ReassignTicket;
import com.aftersales.ticket.LifecycleCommands.SendBackForInformation;
import com.aftersales.ticket.LifecycleCommands.SupplyInformation;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The catalogue of ticket tasks (docs/lifecycle.md says who may do what when): each described
 * once, run by {@link TicketActions}, exposed by the REST task controllers and by GraphQL
 * mutations of the same names.
 */
public final class TicketTasks {

    /** Who may ask for a task at all; each command narrows this (TicketLifecycle). */
    private static final Set<Role> WORKERS = Role.TICKET_WORKERS;

    public static final TicketTask<Acknowledgement> ACKNOWLEDGE = task("acknowledgeTicket", Acknowledgement.class,
            (id, v, b) -> new AcknowledgeTicket(id, v, b.promisedResponseBy(), b.channel()));
    public static final TicketTask<Classification> CLASSIFY = task("classifyTicket", Classification.class,
            (id, v, b) -> new ClassifyTicket(id, v, b.type(), b.priority(), b.responsibility()));
    public static final TicketTask<Marks> MARK = task("markTicket", Marks.class,
            (id, v, b) -> new MarkTicket(id, v, b.marks()));
    public static final TicketTask<Assignment> ASSIGN = task("assignTicket", Assignment.class,
            (id, v, b) -> new AssignTicket(id, v, b.department(), b.assigneeId()));
    public static final TicketTask<Reassignment> REASSIGN = task("reassignTicket", Reassignment.class,
            (id, v, b) -> new ReassignTicket(id, v, b.department(), b.assigneeId(), b.reason()));
    public static final TicketTask<CoHandler> ADD_CO_HANDLER = task("addCoHandler", CoHandler.class,
            (id, v, b) -> new AddCoHandler(id, v, b.handlerId()));
    public static final TicketTask<NoBody> ACCEPT = task("acceptAssignment", NoBody.class,
            (id, v, b) -> new AcceptAssignment(id, v));
    public static final TicketTask<SendBack> SEND_BACK = task("sendBackForInformation", SendBack.class,
            (id, v, b) -> new SendBackForInformation(id, v, b.missing()));
    public static final TicketTask<Supplement> SUPPLY = task("supplyInformation", Supplement.class,
            (id, v, b) -> new SupplyInformation(id, v, b.information()));

    public static final TicketTask<Diagnosis> DIAGNOSE = task("recordDiagnosis", Diagnosis.class,
            (id, v, b) -> new HandlingCommands.RecordDiagnosis(id, v, b.method(), b.findings(), b.appointmentAt()));
    public static final TicketTask<Plan> PROPOSE_PLAN = task("proposePlan", Plan.class,
            (id, v, b) -> new HandlingCommands.ProposePlan(id, v, b.temporaryMeasure(), b.permanentFix(), b.measures(),
                    b.cost(), compensation(b.compensation()), b.deadline()));
    public static final TicketTask<NoBody> APPROVE_PLAN = decision("approvePlan", NoBody.class,
            (id, v, b) -> new HandlingCommands.ApprovePlan(id, v));
    public static final TicketTask<Decision> REJECT_PLAN = decision("rejectPlan", Decision.class,
            (id, v, b) -> new HandlingCommands.RejectPlan(id, v, b.reason()));
    public static final TicketTask<Progress> SET_PROGRESS = task("setProgress", Progress.class,
            (id, v, b) -> new HandlingCommands.SetProgress(id, v, b.progress()));
    public static final TicketTask<Contact> LOG_CONTACT = task("logContact", Contact.class,
            (id, v, b) -> new HandlingCommands.LogContact(id, v, b.channel(), b.direction(), b.summary()));
    public static final TicketTask<CustomerUpdate> CUSTOMER_UPDATE = task("recordCustomerUpdate", CustomerUpdate.class,
            (id, v, b) -> new HandlingCommands.RecordCustomerUpdate(id, v, b.channel(), b.summary()));
    public static final TicketTask<Escalation> ESCALATE = task("escalateTicket", Escalation.class,
            (id, v, b) -> new HandlingCommands.EscalateTicket(id, v, b.to(), b.reason()));
    public static final TicketTask<Resolution> RESOLVE = task("resolveTicket", Resolution.class,
            (id, v, b) -> new HandlingCommands.ResolveTicket(id, v, b.resolution()));
    public static final TicketTask<Verdict> VERDICT = task("recordVerdict", Verdict.class,
            (id, v, b) -> b.accepted()
                    ? new HandlingCommands.AcceptResolution(id, v, b.note())
                    : new HandlingCommands.RejectResolution(id, v, b.note()));
    public static final TicketTask<Survey> SURVEY = task("recordSurvey", Survey.class,
            (id, v, b) -> new HandlingCommands.RecordSurvey(id, v, b.satisfaction(), b.responseSpeed(),
                    b.resolutionEffect(), b.serviceAttitude(), b.overall(), b.nps(), b.comment()));
    public static final TicketTask<FollowUpCall> FOLLOW_UP_CALL = task("recordFollowUpCall", FollowUpCall.class,
            (id, v, b) -> new HandlingCommands.RecordFollowUpCall(id, v, b.summary(), b.cause(), b.improvementPlan()));
    public static final TicketTask<NoBody> ARCHIVE = decision("archiveTicket", NoBody.class,
            (id, v, b) -> new HandlingCommands.ArchiveTicket(id, v));

    public static final TicketTask<ComplaintFeedback> COMPLAINT_FEEDBACK = task("submitComplaintFeedback",
            ComplaintFeedback.class, (id, v, b) -> new ComplaintCommands.SubmitComplaintFeedback(id, v, b.outcome(),
                    b.outcomeReason(), b.initialDemandMet(), b.demandReason(), compensation(b.compensation()),
                    b.measures(), b.keyTimePoints(), b.customerOpinion(), b.customerSatisfaction(), b.rootCause(),
                    b.improvements()));
    public static final TicketTask<Review> REVIEW_COMPLAINT = decision("reviewComplaintFeedback", Review.class,
            (id, v, b) -> new ComplaintCommands.ReviewComplaintFeedback(id, v, b.approve(), b.note()));
    public static final TicketTask<Warranty> WARRANTY = task("recordWarranty", Warranty.class,
            (id, v, b) -> new ComplaintCommands.RecordWarranty(id, v, b.part(), b.warrantyUntil()));
    public static final TicketTask<PlanChange> PLAN_CHANGE = task("recordPlanChange", PlanChange.class,
            (id, v, b) -> new ComplaintCommands.RecordPlanChange(id, v, b.change(), b.customerConfirmation()));

    public static final List<TicketTask<?>> ALL = List.of(ACKNOWLEDGE, CLASSIFY, MARK, ASSIGN, REASSIGN, ADD_CO_HANDLER,
            ACCEPT, SEND_BACK, SUPPLY, DIAGNOSE, PROPOSE_PLAN, APPROVE_PLAN, REJECT_PLAN, SET_PROGRESS, LOG_CONTACT,
            CUSTOMER_UPDATE, ESCALATE, RESOLVE, VERDICT, SURVEY, FOLLOW_UP_CALL, ARCHIVE, COMPLAINT_FEEDBACK,
            REVIEW_COMPLAINT, WARRANTY, PLAN_CHANGE);

    private static final Map<String, TicketTask<?>> BY_NAME = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(TicketTask::name, Function.identity()));

    private TicketTasks() {
    }

    public static Optional<TicketTask<?>> named(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    private static <B> TicketTask<B> task(String name, Class<B> body, TicketTask.Command<B> command) {
        return new TicketTask<>(name, body, false, WORKERS, command);
    }

    private static <B> TicketTask<B> decision(String name, Class<B> body, TicketTask.Command<B> command) {
        return new TicketTask<>(name, body, true, WORKERS, command);
    }

    private static HandlingCommands.Compensation compensation(PlanCompensation compensation) {
        return compensation == null ? null : new HandlingCommands.Compensation(compensation.amount(), compensation.form());
    }
}
