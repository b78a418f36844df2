package com.aftersales.ticket.view;

import java.time.Instant;

/** The queries on ticket views. Each carries the tenant of the caller's token. */
public final class TicketQueries {

    private TicketQueries() {
    }

    public record FindTicket(String tenantId, String ticketId) {
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

    public record ListTickets(String tenantId, TicketFilter filter, String cursor, int limit) {
    }

    /** Every criterion is optional; given ones must all match. */
    public record TicketFilter(String status, String type, String priority, String productModel, String customer,
                               Instant registeredFrom, Instant registeredTo, String text) {

        public static TicketFilter none() {
            return new TicketFilter(null, null, null, null, null, null, null, null);
        }
    }

    /** One page of a list; {@code nextCursor} is null on the last page. */
    public record TicketPage(java.util.List<TicketView> items, String nextCursor) {
    }
}
