package com.aftersales.ticket;

/** Where a ticket stands in the closed loop accept → handle → feedback → archive. */
public enum TicketStatus {
    REGISTERED
}
