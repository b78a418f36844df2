package com.aftersales.ticket;

import org.axonframework.serialization.Revision;
import java.time.Instant;

/** The customer was told the ticket number and the promised response time. */
@Revision(EventRevisions.FIRST)
public record TicketAcknowledged(String ticketId, String number, Instant promisedResponseBy, Channel channel,
                                 String acknowledgedBy, Instant acknowledgedAt) {
}
