package com.aftersales.ticket.view;

import org.bson.Document;
import org.bson.conversions.Bson;

/** Where {@link TicketViewProjection} writes what an event changes in a ticket's view. */
interface TicketViewWriter {

    /** A new view (the ticket's first event); nothing if the ticket already has one. */
    void insert(String tenantId, String ticketId, long sequence, Document view);

    /**
     * Applies {@code update} (null: only the version moves) and sets the version to
     * {@code sequence}, unless the view is missing, of another tenant, or already at or past it.
     */
    void apply(String tenantId, String ticketId, long sequence, Bson update);

    /**
     * Erases the view's personal fields ({@link PersonalFields}); moves the version to {@code sequence}
     * when the erasure is an event of the ticket's own stream (null: of another stream, the data subject's).
     */
    void erase(String tenantId, String ticketId, Long sequence);
}
