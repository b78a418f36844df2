package com.aftersales.privacy;

import com.aftersales.ticket.EventRevisions;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/** What happened to personal data (issue 13). Each names its reason, who and when; none holds personal data. */
public final class PrivacyEvents {

    private PrivacyEvents() {
    }

    @Revision(EventRevisions.FIRST)
    public record TicketHoldPlaced(String ticketId, String reason, String by, Instant at) {
    }

    @Revision(EventRevisions.FIRST)
    public record TicketHoldReleased(String ticketId, String reason, String by, Instant at) {
    }

    /** The ticket's data key is destroyed: its personal fields read as erased; statistics stay. */
    @Revision(EventRevisions.FIRST)
    public record TicketPersonalDataDisposed(String ticketId, Instant retentionEnd, String by, Instant at) {
    }

    @Revision(EventRevisions.FIRST)
    public record SubjectHoldPlaced(String subjectId, String tenantId, String reason, String by, Instant at) {
    }

    @Revision(EventRevisions.FIRST)
    public record SubjectHoldReleased(String subjectId, String tenantId, String reason, String by, Instant at) {
    }

    /** Every key of the subject is destroyed: the personal fields of {@code tickets} read as erased. */
    @Revision(EventRevisions.FIRST)
    public record DataSubjectErased(String subjectId, String tenantId, String reason, List<String> tickets, String by,
                                    Instant at) {
        public DataSubjectErased {
            tickets = tickets == null ? List.of() : List.copyOf(tickets);
        }
    }
}
