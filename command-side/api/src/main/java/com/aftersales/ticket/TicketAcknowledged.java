package com.aftersales.ticket;

import java.time.Instant;

/** The customer was told the ticket number and the promised response time. */
public record TicketAcknowledged(String ticketId, String number, Instant promisedResponseBy, Channel channel,
                                 String acknowledgedBy, Instant acknowledgedAt) {
}
