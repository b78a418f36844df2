package com.aftersales.privacy;

import java.time.Instant;
import java.util.Optional;

/** What retention needs to know of a ticket and of a subject, read from their stored facts. */
public interface TicketRecords {

    /** The ticket's retention facts; empty when no such ticket is stored. */
    Optional<RetainedTicket> ticket(String ticketId);

    /** Whether the subject is on legal hold now. */
    boolean subjectOnHold(String subjectId);

    /**
     * @param archivedAt null while the ticket is not archived
     */
    record RetainedTicket(String ticketId, String tenantId, String number, String type, Instant archivedAt,
                          boolean onHold, boolean disposed) {
    }
}
