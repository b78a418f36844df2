package com.aftersales.ticket;

/**
 * An order to an existing ticket. {@code expectedVersion} (optional) is the ticket version the
 * sender saw (from an ETag): the ticket checks it itself, after the tenant, so that another
 * tenant's ticket is answered as missing whatever version is named.
 */
public interface TicketCommand {

    String ticketId();

    Long expectedVersion();
}
