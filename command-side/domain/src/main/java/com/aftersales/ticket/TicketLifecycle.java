package com.aftersales.ticket;

import static com.aftersales.infra.tenancy.Role.AGENT;
import static com.aftersales.infra.tenancy.Role.HANDLER;
import static com.aftersales.infra.tenancy.Role.MANAGER;
import static com.aftersales.infra.tenancy.Role.SUPERVISOR;
import static com.aftersales.ticket.TicketStatus.ARCHIVED;
import static com.aftersales.ticket.TicketStatus.ASSIGNED;
import static com.aftersales.ticket.TicketStatus.CLOSED;
import static com.aftersales.ticket.TicketStatus.IN_PROGRESS;
import static com.aftersales.ticket.TicketStatus.REGISTERED;
import static com.aftersales.ticket.TicketStatus.RESOLVED;
import static com.aftersales.ticket.TicketStatus.RETURNED_FOR_INFORMATION;

import com.aftersales.access.Caller;
import com.aftersales.infra.tenancy.Role;
import com.aftersales.privacy.PrivacyCommands.DisposeTicketPersonalData;
import com.aftersales.privacy.PrivacyCommands.PlaceTicketHold;
import com.aftersales.privacy.PrivacyCommands.ReleaseTicketHold;
import com.aftersales.refusal.Refusal;
import com.aftersales.refusal.RefusalCode;
import com.aftersales.refusal.RefusedException;
import com.aftersales.sla.SlaCommands.PauseSlaClocks;
import com.aftersales.sla.SlaCommands.RecordSlaDeadlines;
import com.aftersales.sla.SlaCommands.ResumeSlaClocks;
import com.aftersales.ticket.ComplaintCommands.RecordPlanChange;
import com.aftersales.ticket.ComplaintCommands.RecordWarranty;
import com.aftersales.ticket.ComplaintCommands.ReviewComplaintFeedback;
import com.aftersales.ticket.ComplaintCommands.SubmitComplaintFeedback;
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
import com.aftersales.ticket.LifecycleCommands.AcceptAssignment;
import com.aftersales.ticket.LifecycleCommands.AddCoHandler;
import com.aftersales.ticket.LifecycleCommands.AssignTicket;
import com.aftersales.ticket.LifecycleCommands.ClassifyTicket;
import com.aftersales.ticket.LifecycleCommands.LinkToBatch;
import com.aftersales.ticket.LifecycleCommands.MarkTicket;
import com.aftersales.ticket.LifecycleCommands.ReassignTicket;
import com.aftersales.ticket.LifecycleCommands.SendBackForInformation;
import com.aftersales.ticket.LifecycleCommands.SupplyInformation;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The ticket's state machine as data: for each command, the states it may act in, the roles that
 * may send it, and the state it leads to. The aggregate checks every command against it, and
 * docs/lifecycle.md is generated from it (a test fails when the two differ).
 */
public final class TicketLifecycle {

    /** One command's rule; {@code to} is null when the command leaves the state as it is. */
    public record Transition(Class<?> command, Set<TicketStatus> from, Set<Role> roles, TicketStatus to,
                             String meaning) {
    }

    private static final Set<TicketStatus> OPEN = EnumSet.of(REGISTERED, ASSIGNED, IN_PROGRESS, RETURNED_FOR_INFORMATION);
    private static final Set<TicketStatus> NOT_ARCHIVED = EnumSet.complementOf(EnumSet.of(ARCHIVED));
    private static final Set<TicketStatus> BEFORE_CLOSURE = EnumSet.of(REGISTERED, ASSIGNED, IN_PROGRESS,
            RETURNED_FOR_INFORMATION, RESOLVED);
    private static final Set<Role> STAFF = EnumSet.of(AGENT, HANDLER, SUPERVISOR, MANAGER);
    private static final Set<Role> HANDLERS = EnumSet.of(HANDLER, SUPERVISOR);

    public static final List<Transition> TRANSITIONS = List.of(
            new Transition(OpenTicket.class, EnumSet.noneOf(TicketStatus.class), Role.TICKET_OPENERS, REGISTERED,
                    "register a request 需求登记"),
            new Transition(AcknowledgeTicket.class, OPEN, Role.TICKET_OPENERS, null,
                    "tell the customer the number and promised response time 受理确认 (once)"),
            new Transition(ClassifyTicket.class, OPEN, EnumSet.of(AGENT, SUPERVISOR, MANAGER), null,
                    "set type, priority and responsibility 分类与优先级"),
            new Transition(MarkTicket.class, OPEN, EnumSet.of(AGENT, SUPERVISOR, MANAGER), null,
                    "set VIP / REPEAT / BATCH marks 特殊标记"),
            new Transition(LinkToBatch.class, NOT_ARCHIVED, EnumSet.of(SUPERVISOR, MANAGER), null,
                    "link to a batch 批量 the tenant's rule formed: mark BATCH, raise an open ticket's priority (sent by the rule)"),
            new Transition(AssignTicket.class, EnumSet.of(REGISTERED), EnumSet.of(AGENT, SUPERVISOR, MANAGER), ASSIGNED,
                    "route to a department and a person 责任分配"),
            new Transition(ReassignTicket.class, EnumSet.of(ASSIGNED, IN_PROGRESS, RETURNED_FOR_INFORMATION),
                    EnumSet.of(SUPERVISOR, MANAGER), ASSIGNED, "move to another department or person, with a reason"),
            new Transition(AddCoHandler.class, EnumSet.of(ASSIGNED, IN_PROGRESS), EnumSet.of(SUPERVISOR, MANAGER), null,
                    "add a handler to a task force 专项小组"),
            new Transition(AcceptAssignment.class, EnumSet.of(ASSIGNED), EnumSet.of(HANDLER, SUPERVISOR), IN_PROGRESS,
                    "the assignee confirms receipt; the two highest levels need a SENIOR or SUPERVISOR"),
            new Transition(SendBackForInformation.class, EnumSet.of(ASSIGNED, IN_PROGRESS), EnumSet.of(HANDLER, SUPERVISOR),
                    RETURNED_FOR_INFORMATION, "the assignee asks intake for missing details"),
            new Transition(SupplyInformation.class, EnumSet.of(RETURNED_FOR_INFORMATION), EnumSet.of(AGENT, SUPERVISOR, MANAGER),
                    ASSIGNED, "intake supplies the details; back to the assignee"),
            new Transition(RecordDiagnosis.class, EnumSet.of(IN_PROGRESS), HANDLERS, null,
                    "record how it was diagnosed and what was found 诊断 (handlers of the ticket)"),
            new Transition(ProposePlan.class, EnumSet.of(IN_PROGRESS), HANDLERS, null,
                    "propose a plan 处理方案; highest level needs a MANAGER, second a SUPERVISOR, compensation over "
                            + "the cap a MANAGER"),
            new Transition(ApprovePlan.class, EnumSet.of(IN_PROGRESS), EnumSet.of(SUPERVISOR, MANAGER), null,
                    "approve the pending plan at the level it needs 方案审批"),
            new Transition(RejectPlan.class, EnumSet.of(IN_PROGRESS), EnumSet.of(SUPERVISOR, MANAGER), null,
                    "reject the pending plan with a reason"),
            new Transition(SetProgress.class, EnumSet.of(IN_PROGRESS), HANDLERS, null, "set the progress state 处理状态"),
            new Transition(LogContact.class, NOT_ARCHIVED, STAFF, null, "log a contact 处理过程记录"),
            new Transition(RecordCustomerUpdate.class, NOT_ARCHIVED, STAFF, null, "record a customer update 进度同步"),
            new Transition(PauseSlaClocks.class, OPEN, STAFF, null,
                    "waiting on the customer, parts or a third party: the SLA clocks stop counting 暂停计时"),
            new Transition(ResumeSlaClocks.class, OPEN, STAFF, null, "the wait is over: the SLA clocks count again"),
            new Transition(RecordSlaDeadlines.class, EnumSet.allOf(TicketStatus.class), EnumSet.noneOf(Role.class), null,
                    "the durable timer (actor kind system, no user) records the SLA warnings and breaches due"),
            new Transition(EscalateTicket.class, BEFORE_CLOSURE, STAFF, null, "escalate with a reason 问题升级"),
            new Transition(ResolveTicket.class, EnumSet.of(IN_PROGRESS), HANDLERS, RESOLVED,
                    "solved; the customer verifies 客户验收 (a pending plan must be approved first)"),
            new Transition(AcceptResolution.class, EnumSet.of(RESOLVED), EnumSet.of(AGENT, SUPERVISOR, MANAGER), CLOSED,
                    "the customer accepts the resolution 验收通过"),
            new Transition(RejectResolution.class, EnumSet.of(RESOLVED), EnumSet.of(AGENT, SUPERVISOR, MANAGER), IN_PROGRESS,
                    "the customer rejects it: second handling 二次处理, result due in 3 days"),
            new Transition(RecordSurvey.class, EnumSet.of(CLOSED), EnumSet.of(AGENT, SUPERVISOR), null,
                    "record the satisfaction survey 满意度 (once); ≤ 3 opens a supervisor follow-up, ≥ 4 a thank-you"),
            new Transition(RecordFollowUpCall.class, EnumSet.of(CLOSED), EnumSet.of(AGENT, SUPERVISOR), null,
                    "record the follow-up call 回访; after a low score only the supervisor, with cause and improvement"),
            new Transition(RecordWarranty.class, EnumSet.of(IN_PROGRESS, RESOLVED, CLOSED), HANDLERS, null,
                    "record the warranty of a replaced part"),
            new Transition(RecordPlanChange.class, EnumSet.of(IN_PROGRESS), HANDLERS, null,
                    "record a plan change the customer confirmed in writing"),
            new Transition(SubmitComplaintFeedback.class, EnumSet.of(IN_PROGRESS, RESOLVED, CLOSED), HANDLERS, null,
                    "complaints: submit the feedback form 投诉处理责任人反馈表; unresolved → second result due in 3 days"),
            new Transition(ReviewComplaintFeedback.class, EnumSet.of(IN_PROGRESS, RESOLVED, CLOSED), EnumSet.of(SUPERVISOR),
                    null, "complaints: approve archiving 同意归档 or send back for supplement 需补充说明"),
            new Transition(ArchiveTicket.class, EnumSet.of(CLOSED), EnumSet.of(SUPERVISOR, MANAGER), ARCHIVED,
                    "archive 归档: read-only afterwards (a complaint needs its feedback form approved)"),
            new Transition(PlaceTicketHold.class, EnumSet.allOf(TicketStatus.class), EnumSet.of(Role.TENANT_ADMIN), null,
                    "legal hold 法律保全 with a reason: kept past retention, never erased (docs/privacy.md)"),
            new Transition(ReleaseTicketHold.class, EnumSet.allOf(TicketStatus.class), EnumSet.of(Role.TENANT_ADMIN), null,
                    "release the legal hold with a reason: its disposal is scheduled again"),
            new Transition(DisposeTicketPersonalData.class, EnumSet.of(ARCHIVED), EnumSet.noneOf(Role.class), null,
                    "the disposal timer (actor kind system) shreds the personal data past retention, once"));

    private TicketLifecycle() {
    }

    public static Transition of(Class<?> command) {
        return TRANSITIONS.stream().filter(t -> t.command().equals(command)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No lifecycle rule for " + command.getSimpleName()));
    }

    /** Refuses the command unless the caller's roles and the ticket's state allow it. */
    static void check(Class<?> command, TicketStatus status, Caller caller) {
        Transition transition = of(command);
        caller.requireAnyOf(transition.roles());
        if (!transition.from().contains(status)) {
            throw new RefusedException(new Refusal(RefusalCode.TICKET_STATE_CONFLICT,
                    java.util.Map.of("ticketStatus", status.name())));
        }
    }
}
