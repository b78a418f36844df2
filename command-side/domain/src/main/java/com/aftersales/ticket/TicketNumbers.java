package com.aftersales.ticket;

import java.time.Instant;

/** Hands out ticket numbers: per tenant, date + serial in the tenant's time zone, never reused. */
public interface TicketNumbers {

    /** The next number of the tenant's day that contains {@code at}. */
    String next(String tenantId, Instant at);

    /** Records that an allocated number will not be used, so that no number is skipped silently. */
    void release(String tenantId, String number, String reason);
}
