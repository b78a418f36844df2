package com.aftersales.ticket.view;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The queries on ticket views. Each carries the tenant of the caller's token. */
public final class TicketQueries {

    private TicketQueries() {
    }

    public record FindTicket(String tenantId, String ticketId) {
    }

    /**
     * The ticket as it was once the events up to {@code asOf} (inclusive) and up to sequence number
     * {@code sequence} (inclusive) had happened; either may be null (no bound). Rebuilt from the event
     * store; empty when the tenant has no such ticket, or it did not exist yet.
     */
    public record FindTicketAsOf(String tenantId, String ticketId, Instant asOf, Long sequence) {

        public boolean includes(long eventSequence, Instant timestamp) {
            return (sequence == null || eventSequence <= sequence) && (asOf == null || !timestamp.isAfter(asOf));
        }
    }

    /**
     * A subscription query made before a command is sent: its updates ({@link TicketViewUpdated}) say
     * which version the ticket's view shows as the projection applies events; its initial answer is the
     * view as it stands ({@code Optional<TicketView>}).
     */
    public record WatchTicket(String tenantId, String ticketId) {
    }

    /** The view of a ticket now shows {@code version}: an update of {@link WatchTicket}. */
    public record TicketViewUpdated(String tenantId, String ticketId, long version) {
    }

    /**
     * A subscription query on every ticket of a tenant: its updates ({@link TicketViewUpdated}) say
     * which ticket's view now shows which version. Its initial answer is {@code true} (nothing to read).
     */
    public record WatchTickets(String tenantId) {
    }

    /**
     * The first pages of several tickets' process logs at once (one store read for all): for each
     * range, entries {@code from} .. {@code to} (the ticket's version as the caller read it from the
     * tenant's view), at most {@code limit}. Entries of another tenant are never returned.
     */
    public record FindTimelines(String tenantId, List<TimelineRange> ranges) {
    }

    public record TimelineRange(String ticketId, long from, long to, int limit) {
    }

    /** Pages of {@link FindTimelines} by ticket id. */
    public record TimelinePages(Map<String, TimelinePage> pages) {
    }

    /**
     * One page of a ticket's process log, oldest first: at most {@code limit} entries (1 to
     * {@link TimelinePage#MAX_LIMIT}) from sequence number {@code from} on. Empty when the tenant has
     * no such ticket.
     */
    public record FindTimeline(String tenantId, String ticketId, long from, int limit) {
    }

    /** Entries of a ticket's process log; {@code hasMore}: entries follow the last one. */
    public record TimelinePage(java.util.List<TimelineEntry> entries, boolean hasMore) {

        public static final int MAX_LIMIT = 200;
    }

    /** A page of tickets; {@code cursor} (from the previous page) must come from the same filter and sort. */
    public record ListTickets(String tenantId, TicketFilter filter, TicketSort sort, String cursor, int limit) {

        public ListTickets(String tenantId, TicketFilter filter, String cursor, int limit) {
            this(tenantId, filter, TicketSort.REGISTERED_AT, cursor, limit);
        }
    }

    /**
     * Queues a ticket is in. Open means neither closed nor archived; {@code MINE} is the open
     * tickets the caller leads or co-handles. SLA (docs/sla.md, "Views"): {@code AT_RISK} the tickets
     * with an open clock warned and none breached, {@code BREACHED} those with an open breached clock,
     * {@code ESCALATED} the open tickets escalated to the caller (its level and department in the
     * tenant's staff configuration).
     */
    public enum Queue { ALL, OPEN, UNASSIGNED, MINE, AT_RISK, BREACHED, ESCALATED }

    /**
     * Newest first; by priority (highest first, then newest); by relevance to the text (then newest);
     * or by the next due time of the ticket's open SLA clocks (most urgent first, paused clocks after
     * counting ones, tickets without open clocks last).
     */
    public enum TicketSort { REGISTERED_AT, PRIORITY, RELEVANCE, DUE }

    /**
     * Every criterion is optional; given ones must all match. {@code handler} is whose {@code MINE}
     * queue is meant (the caller). {@code personalData}: whether customer names and contact
     * numbers may be matched — only for readers who may see them.
     */
    public record TicketFilter(String status, String type, String priority, String productModel, String customer,
                               Instant registeredFrom, Instant registeredTo, String text, Queue queue,
                               String department, String handler, boolean personalData) {

        public TicketFilter(String status, String type, String priority, String productModel, String customer,
                            Instant registeredFrom, Instant registeredTo, String text) {
            this(status, type, priority, productModel, customer, registeredFrom, registeredTo, text, Queue.ALL, null,
                    null, customer != null);
        }

        public static TicketFilter none() {
            return new TicketFilter(null, null, null, null, null, null, null, null);
        }

        public Queue queue() {
            return queue == null ? Queue.ALL : queue;
        }
    }

    /** One page of a list; {@code nextCursor} is null on the last page. */
    public record TicketPage(List<TicketView> items, String nextCursor) {

        public boolean hasMore() {
            return nextCursor != null;
        }
    }

    /** How many tickets each queue of the caller holds. */
    public record CountTickets(String tenantId, String handler) {
    }

    /**
     * {@code byStatus}: every ticket by its status; {@code byDepartment}: open tickets by department;
     * {@code atRisk}, {@code breached}, {@code escalated}: the SLA queues ({@link Queue}), the last the caller's.
     */
    public record TicketCounts(long all, long open, long unassigned, long mine, Map<String, Long> byStatus,
                               Map<String, Long> byDepartment, long atRisk, long breached, long escalated) {

        public TicketCounts(long all, long open, long unassigned, long mine, Map<String, Long> byStatus,
                            Map<String, Long> byDepartment) {
            this(all, open, unassigned, mine, byStatus, byDepartment, 0, 0, 0);
        }
    }
}
