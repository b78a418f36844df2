package com.aftersales.ticket.view;

import java.time.Instant;

/** The queries on ticket views. Each carries the tenant of the caller's token. */
public final class TicketQueries {

    private TicketQueries() {
    }

    public record FindTicket(String tenantId, String ticketId) {
    }

    /** The process log of one ticket, oldest first. */
    public record FindTimeline(String tenantId, String ticketId) {
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
