package com.aftersales.ticket;

import org.axonframework.serialization.Revision;
import java.time.Instant;

/**
 * A request was registered and got its number 工单号.
 *
 * @param registrar    the user or client id that registered it 登记人
 * @param registeredAt registration time 登记时间
 */
@Revision(EventRevisions.FIRST)
public record TicketOpened(String ticketId, String tenantId, String number, Registration registration,
                           String registrar, Instant registeredAt) {
}
