package com.aftersales.ticket;

import java.time.Instant;
import java.util.List;

/**
 * The recent registrations under one mark key (a customer and model for REPEAT, a model and fault
 * for BATCH), kept in registration order. {@link #append} adds one atomically and answers the
 * entries before it, so concurrent registrations each see a different, consistent prefix.
 */
public interface MarkKeys {

    /** One registration under a key. */
    record Entry(String ticketId, Instant at) {
    }

    /** Appends the ticket under {@code tenant|kind|key}, keeping the last {@code keep}; answers the entries before it. */
    List<Entry> append(String tenantId, String kind, String key, Entry entry, int keep);

    /**
     * Takes back an entry whose registration was not stored: that entry only (ticket and time), not
     * an earlier one of the same ticket that a retried registration repeated.
     */
    void remove(String tenantId, String kind, String key, Entry entry);
}
