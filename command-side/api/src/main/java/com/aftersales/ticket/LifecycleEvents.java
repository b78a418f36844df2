package com.aftersales.ticket;

import java.time.Instant;
import java.util.Set;

/** What happened in classification and assignment (SPEC §3–§4). Each names who and when. */
public final class LifecycleEvents {

    private LifecycleEvents() {
    }

    public record TicketClassified(String ticketId, String type, String priority, Responsibility responsibility,
                                   String by, Instant at) {
    }

    public record TicketMarked(String ticketId, Set<Mark> marks, String by, Instant at) {
    }

    public record TicketAssigned(String ticketId, String department, String assigneeId, String by, Instant at) {
    }

    public record TicketReassigned(String ticketId, String department, String assigneeId, String reason,
                                   String by, Instant at) {
    }

    public record CoHandlerAdded(String ticketId, String handlerId, String by, Instant at) {
    }

    /** {@code qualifiedLead}: the assignee is a SENIOR or SUPERVISOR, as the two highest levels need. */
    public record AssignmentAccepted(String ticketId, String by, boolean qualifiedLead, Instant at) {
    }

    public record TicketSentBack(String ticketId, String missing, String by, Instant at) {
    }

    public record InformationSupplied(String ticketId, String information, String by, Instant at) {
    }
}
