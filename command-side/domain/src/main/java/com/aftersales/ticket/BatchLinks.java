package com.aftersales.ticket;

import com.aftersales.infra.tenancy.Role;
import com.aftersales.infra.tenancy.Tenant;
import com.aftersales.refusal.Refusal;
import com.aftersales.refusal.RefusalCode;
import com.aftersales.refusal.RefusedException;
import com.aftersales.ticket.HandlingEvents.PlanApprovalRequired;
import com.aftersales.ticket.LifecycleCommands.LinkToBatch;
import com.aftersales.ticket.LifecycleEvents.TicketClassified;
import com.aftersales.ticket.LifecycleEvents.TicketMarked;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * An earlier ticket joins a batch the tenant's rule formed (SPEC §3): marked BATCH with the reason
 * and the other tickets, and, while it is open, its priority raised (never lowered) as a
 * classification by the rule; a plan proposed before then needs the approval the new level needs.
 * A resolved or closed ticket is linked but keeps its priority; one already in the batch is left as it is.
 */
final class BatchLinks {

    private BatchLinks() {
    }

    /** Whether {@code to} is a higher level than {@code current} (none counts as the lowest). */
    static boolean raises(Tenant tenant, String current, String to) {
        int rank = tenant.priorityScheme().rankOf(current);
        return rank < 0 || tenant.priorityScheme().rankOf(to) < rank;
    }

    static List<Object> link(TicketState ticket, LinkToBatch command, Tenant tenant, String by, Instant now) {
        if (command.batchId() == null || command.batchId().isBlank() || command.reason() == null
                || command.reason().isBlank()) {
            throw new RefusedException(RefusalCode.REASON_REQUIRED);
        }
        if (command.raiseTo() == null || !tenant.priorityScheme().hasLevel(command.raiseTo())) {
            throw new RefusedException(Refusal.of(RefusalCode.PRIORITY_UNKNOWN, "allowed", tenant.priorityScheme().codes()));
        }
        List<Object> events = new ArrayList<>();
        if (command.batchId().equals(ticket.batchId)) {
            return events;
        }
        EnumSet<Mark> marks = ticket.marks.isEmpty() ? EnumSet.noneOf(Mark.class) : EnumSet.copyOf(ticket.marks);
        marks.add(Mark.BATCH);
        events.add(new TicketMarked(ticket.ticketId, marks, by, now, command.reason(), command.relatedTicketIds(),
                command.batchId()));
        boolean open = ticket.status != TicketStatus.RESOLVED && ticket.status != TicketStatus.CLOSED;
        if (open && raises(tenant, ticket.priority, command.raiseTo())) {
            events.add(new TicketClassified(ticket.ticketId, ticket.type, command.raiseTo(), ticket.responsibility, by,
                    now, tenant.configurationVersion()));
            Obligations obligations = ticket.obligations;
            Role needed = obligations.planProposer == null ? null
                    : PlanRules.requiredApprover(tenant, command.raiseTo(), obligations.planCompensation, ticket.orderAmount);
            if (!obligations.planRejected && PlanRules.rank(needed) > PlanRules.rank(obligations.planApprovalBy)) {
                events.add(new PlanApprovalRequired(ticket.ticketId, needed.name(), now));
            }
        }
        return events;
    }
}
