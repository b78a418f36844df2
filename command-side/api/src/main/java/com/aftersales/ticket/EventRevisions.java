package com.aftersales.ticket;

/**
 * Revisions of the ticket events. Events stored before events had revisions are read as
 * {@link #FIRST}; a change to an event's shape raises its revision and adds an upcaster from the
 * previous one, so that old events stay readable.
 */
public final class EventRevisions {

    public static final String FIRST = "1";

    /** {@code TicketClassified} with the tenant configuration version it was classified under. */
    public static final String CLASSIFIED_WITH_CONFIGURATION = "2";

    /** {@code TicketMarked} with the reason, related tickets and batch of a mark set by the tenant's rules. */
    public static final String MARKED_WITH_REASON = "2";

    /** Package of the ticket events, for upcasters that apply to all of them. */
    public static final String PACKAGE = "com.aftersales.ticket.";

    private EventRevisions() {
    }
}
