package com.aftersales.privacy;

import com.aftersales.infra.privacy.NotPersonalData;
import java.time.Instant;
import java.util.List;

/** Questions about retention, holds and data subjects (issue 13), answered from the stored facts. */
public final class PrivacyQueries {

    private PrivacyQueries() {
    }

    /** The subjects any non-blank field names in the tenant; answered as a list of {@link SubjectRetention}. */
    public record FindSubjects(String tenantId, String customerId, String phone, String email) {
    }

    /** Answered as an optional {@link TicketRetention}; empty for a missing ticket or another tenant's. */
    public record FindTicketRetention(String tenantId, String ticketId) {
    }

    /**
     * A ticket's retention: when it was archived, when its retention ends and its disposal runs
     * (null until archived), whether it is on hold and whether its personal data was disposed of.
     */
    public record TicketRetention(String ticketId, String number, Instant archivedAt, Instant retentionEnd,
                                  Instant disposalRun, boolean onHold, boolean disposed) implements NotPersonalData {
    }

    /** A data subject: its id (not personal data), whether it is on hold, and its tickets' retention. */
    public record SubjectRetention(String subjectId, boolean onHold, List<TicketRetention> tickets)
            implements NotPersonalData {
        public SubjectRetention {
            tickets = tickets == null ? List.of() : List.copyOf(tickets);
        }

        public List<String> ticketIds() {
            return tickets.stream().map(TicketRetention::ticketId).toList();
        }
    }
}
