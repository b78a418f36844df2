package com.aftersales.ticket;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Register a customer's request (需求接收与登记). Tenant and registrar come from the metadata. */
public record OpenTicket(@TargetAggregateIdentifier String ticketId, Registration registration) {
}
