package com.aftersales.ticket;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Tell the customer the ticket number and when they will hear back (受理确认). */
public record AcknowledgeTicket(@TargetAggregateIdentifier String ticketId, Long expectedVersion,
                                Instant promisedResponseBy,
                                Channel channel) implements TicketCommand {
}
