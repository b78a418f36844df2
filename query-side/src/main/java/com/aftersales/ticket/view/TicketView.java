package com.aftersales.ticket.view;

import com.aftersales.ticket.Channel;
import com.aftersales.ticket.Registration;
import java.time.Instant;

/**
 * What readers see of a ticket. {@code version} is the sequence number of the last event applied,
 * so a writer can wait until its own change is visible.
 */
public record TicketView(String id, String tenantId, String number, String status, Registration registration,
                         String registrar, Instant registeredAt, Acknowledgement acknowledgement, long version) {

    public record Acknowledgement(Instant promisedResponseBy, Channel channel, String by, Instant at) {
    }
}
