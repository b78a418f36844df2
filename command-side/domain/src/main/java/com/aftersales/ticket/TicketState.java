package com.aftersales.ticket;

import com.aftersales.access.Caller;
import com.aftersales.infra.tenancy.CallerMetaData;
import com.aftersales.infra.tenancy.Role;
import com.aftersales.infra.tenancy.Tenant;
import com.aftersales.infra.tenancy.TenantDirectory;
import com.aftersales.refusal.Refusal;
import com.aftersales.refusal.RefusalCode;
import com.aftersales.refusal.RefusedException;
import com.aftersales.ticket.HandlingCommands.Compensation;
import com.aftersales.ticket.HandlingEvents.ResolutionAccepted;
import com.aftersales.ticket.HandlingEvents.ResolutionRejected;
import com.aftersales.ticket.HandlingEvents.TicketArchived;
import com.aftersales.ticket.HandlingEvents.TicketResolved;
import com.aftersales.ticket.LifecycleEvents.AssignmentAccepted;
import com.aftersales.ticket.LifecycleEvents.CoHandlerAdded;
import com.aftersales.ticket.LifecycleEvents.InformationSupplied;
import com.aftersales.ticket.LifecycleEvents.TicketAssigned;
import com.aftersales.ticket.LifecycleEvents.TicketClassified;
import com.aftersales.ticket.LifecycleEvents.TicketMarked;
import com.aftersales.ticket.LifecycleEvents.TicketReassigned;
import com.aftersales.ticket.LifecycleEvents.TicketSentBack;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.CommandHandlerInterceptor;

/**
 * What a ticket knows, and the checks every command makes on it: the aggregate's state, changed only
 * by its event-sourcing handlers. {@link Ticket} adds the command handlers. Fields are visible to
 * Jackson for snapshots.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
abstract class TicketState {

    @AggregateIdentifier
    String ticketId;
    String tenantId;
    String number;
    TicketStatus status;
    boolean acknowledged;
    String type;
    String priority;
    Responsibility responsibility;
    Set<Mark> marks = EnumSet.noneOf(Mark.class);
    String batchId;
    String department;
    String assigneeId;
    Set<String> coHandlers = new LinkedHashSet<>();
    BigDecimal orderAmount;
    @AggregateMember
    final Obligations obligations = new Obligations();
    @AggregateMember
    final TicketClocks clocks = new TicketClocks();
    boolean qualifiedLead;
    /** Retention (issue 13): when archived, whether on legal hold, whether its personal data is disposed of. */
    java.time.Instant archivedAt;
    boolean onHold;
    boolean personalDataDisposed;

    /**
     * SPEC §5: compensation is promised only through a plan in effect that covers it; over the
     * tenant's cap it needs a MANAGER's approval, given with a plan.
     */
    void requireApprovedCompensation(Tenant tenant, Compensation compensation) {
        if (compensation == null || compensation.amount() == null || compensation.amount().signum() <= 0) {
            return;
        }
        BigDecimal approved = PlanRules.exceedsCap(tenant, compensation, orderAmount)
                ? obligations.managerApprovedCompensation : obligations.compensationInEffect();
        if (approved == null || compensation.amount().compareTo(approved) > 0) {
            throw new RefusedException(Refusal.of(RefusalCode.COMPENSATION_NOT_APPROVED, "approved",
                    approved == null ? "none" : approved.toPlainString()));
        }
    }

    void requirePriority() {
        if (priority == null) {
            throw new RefusedException(RefusalCode.PRIORITY_REQUIRED);
        }
    }

    /** The ticket's tenant; a suspended tenant's tickets take no changes that depend on its rules. */
    Tenant tenant(TenantDirectory tenants) {
        Tenant tenant = tenants.find(tenantId).orElseThrow(() -> new RefusedException(RefusalCode.TENANT_UNKNOWN));
        if (tenant.suspended()) {
            throw new RefusedException(RefusalCode.TENANT_SUSPENDED);
        }
        return tenant;
    }

    void requireComplaint(TenantDirectory tenants) {
        if (!tenant(tenants).isComplaint(type)) {
            throw new RefusedException(RefusalCode.NOT_A_COMPLAINT);
        }
    }

    /** Handlers of the ticket (the lead or a co-handler) act on it; supervisors may step in. */
    Caller handlerFor(TicketCommand command, MetaData metaData) {
        Caller caller = callerFor(command, metaData);
        if (!caller.has(Role.SUPERVISOR) && !caller.actorId().equals(assigneeId)
                && !coHandlers.contains(caller.actorId())) {
            throw new RefusedException(RefusalCode.NOT_A_HANDLER);
        }
        return caller;
    }

    /** A plan must be pending, and a MANAGER-level plan needs a MANAGER. */
    Caller approverFor(TicketCommand command, MetaData metaData) {
        Caller caller = callerFor(command, metaData);
        if (!obligations.planPending) {
            throw new RefusedException(RefusalCode.NO_PLAN_PENDING);
        }
        if (caller.actorId().equals(obligations.planProposer)) {
            throw new RefusedException(RefusalCode.SELF_APPROVAL);
        }
        if (Role.MANAGER.name().equals(obligations.planApprovalBy) && !caller.has(Role.MANAGER)) {
            throw new RefusedException(Refusal.of(RefusalCode.PLAN_APPROVAL_LEVEL, "approvalBy", obligations.planApprovalBy));
        }
        return caller;
    }

    /**
     * Every accepted command on a ticket answers the ticket's version after it (the sequence number
     * of the last event it applied), so the sender has the new ETag without reading the stream.
     * Registration is not intercepted: a new ticket is always at version 0.
     */
    @CommandHandlerInterceptor
    Object answerVersion(InterceptorChain chain) throws Exception {
        chain.proceed();
        return AggregateLifecycle.getVersion();
    }

    /**
     * A suspended tenant's tickets take no command at all, checked once here so that no handler can
     * forget it (a ticket being registered has no tenant yet: {@link RegistrationRules} checks it). Only for the ticket's own tenant:
     * another tenant's caller gets the handlers' TICKET_NOT_FOUND, learning nothing about the tenant.
     */
    @CommandHandlerInterceptor
    Object refuseSuspendedTenant(InterceptorChain chain, MetaData metaData, TenantDirectory tenants) throws Exception {
        if (tenantId != null && tenantId.equals(metaData.get(CallerMetaData.TENANT))) { // null: being registered
            tenant(tenants);
        }
        return chain.proceed();
    }

    static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    /**
     * Tenant first (another tenant's ticket is a missing one, whatever version the sender names),
     * then the version the sender saw, then role, then state.
     */
    Caller callerFor(TicketCommand command, MetaData metaData) {
        Caller caller = Caller.from(metaData);
        assertSameTenant(caller);
        Long expected = command.expectedVersion();
        if (expected != null && !expected.equals(AggregateLifecycle.getVersion())) {
            throw new RefusedException(RefusalCode.VERSION_MISMATCH);
        }
        TicketLifecycle.check(command.getClass(), status, caller);
        return caller;
    }

    void requireAssignee(Caller caller) {
        if (!caller.actorId().equals(assigneeId)) {
            throw new RefusedException(RefusalCode.NOT_THE_ASSIGNEE);
        }
    }

    static void requireText(String value, String code) {
        if (value == null || value.isBlank()) {
            throw new RefusedException(code);
        }
    }

    @EventSourcingHandler
    void on(TicketOpened event) {
        this.ticketId = event.ticketId();
        this.tenantId = event.tenantId();
        this.number = event.number();
        this.type = event.registration().type();
        this.priority = event.registration().priority();
        this.orderAmount = event.registration().product() == null ? null : event.registration().product().orderAmount();
        this.status = TicketStatus.REGISTERED;
    }

    @EventSourcingHandler
    void on(TicketResolved event) {
        this.status = TicketStatus.RESOLVED;
    }

    @EventSourcingHandler
    void on(ResolutionAccepted event) {
        this.status = TicketStatus.CLOSED;
    }

    @EventSourcingHandler
    void on(ResolutionRejected event) {
        this.status = TicketStatus.IN_PROGRESS;
    }

    @EventSourcingHandler
    void on(TicketArchived event) {
        this.status = TicketStatus.ARCHIVED;
        this.archivedAt = event.at();
    }

    @EventSourcingHandler
    void on(com.aftersales.privacy.PrivacyEvents.TicketHoldPlaced event) {
        this.onHold = true;
    }

    @EventSourcingHandler
    void on(com.aftersales.privacy.PrivacyEvents.TicketHoldReleased event) {
        this.onHold = false;
    }

    @EventSourcingHandler
    void on(com.aftersales.privacy.PrivacyEvents.TicketPersonalDataDisposed event) {
        this.personalDataDisposed = true;
    }

    @EventSourcingHandler
    void on(TicketClassified event) {
        this.type = event.type();
        this.priority = event.priority();
        this.responsibility = event.responsibility();
    }

    @EventSourcingHandler
    void on(TicketMarked event) {
        this.marks = event.marks().isEmpty() ? EnumSet.noneOf(Mark.class) : EnumSet.copyOf(event.marks());
        if (event.batchId() != null) {
            this.batchId = event.batchId();
        }
    }

    /** A registered ticket nobody routed yet is routed by the tenant's rules for its type, if any. */
    void routeIfUnrouted(Tenant tenant, LifecycleCommands.ClassifyTicket command, Routing routing, java.time.Instant now) {
        if (status != TicketStatus.REGISTERED || department != null) {
            return;
        }
        routing.decide(tenant, command.type(), command.priority()).ifPresent(decision ->
                AggregateLifecycle.apply(new LifecycleEvents.TicketRouted(ticketId, decision.department(),
                        decision.assigneeId(), decision.reason(), tenant.configurationVersion(), now)));
    }

    @EventSourcingHandler
    void on(LifecycleEvents.TicketRouted event) {
        this.department = event.department();
        if (event.assigneeId() != null) {
            this.assigneeId = event.assigneeId();
            this.status = TicketStatus.ASSIGNED;
        }
    }

    @EventSourcingHandler
    void on(TicketAssigned event) {
        this.department = event.department();
        this.assigneeId = event.assigneeId();
        this.status = TicketStatus.ASSIGNED;
    }

    @EventSourcingHandler
    void on(TicketReassigned event) {
        this.qualifiedLead = false;
        this.department = event.department();
        this.assigneeId = event.assigneeId();
        this.coHandlers.remove(event.assigneeId());
        this.status = TicketStatus.ASSIGNED;
    }

    @EventSourcingHandler
    void on(CoHandlerAdded event) {
        this.coHandlers.add(event.handlerId());
    }

    @EventSourcingHandler
    void on(AssignmentAccepted event) {
        this.status = TicketStatus.IN_PROGRESS;
        this.qualifiedLead = event.qualifiedLead();
    }

    @EventSourcingHandler
    void on(TicketSentBack event) {
        this.status = TicketStatus.RETURNED_FOR_INFORMATION;
    }

    @EventSourcingHandler
    void on(InformationSupplied event) {
        this.status = TicketStatus.ASSIGNED;
    }

    @EventSourcingHandler
    void on(TicketAcknowledged event) {
        this.acknowledged = true;
    }

    /** Another tenant's ticket is answered exactly like a missing one. */
    void assertSameTenant(Caller caller) {
        if (!tenantId.equals(caller.tenantId())) {
            throw new RefusedException(RefusalCode.TICKET_NOT_FOUND);
        }
    }
}
