package com.aftersales.gateway.privacy;

import com.aftersales.gateway.ticket.TicketResponse;
import com.aftersales.gateway.ticket.TimelineResponse;
import com.aftersales.infra.privacy.NotPersonalData;
import java.time.Instant;
import java.util.List;

/** Answers of the privacy API (issue 13) besides the retention records of {@code PrivacyQueries}. */
public final class PrivacyResponses {

    private PrivacyResponses() {
    }

    /** The erasure recorded: the subject, its tickets, and when. */
    public record ErasureRecorded(String subjectId, List<String> tickets, Instant at) implements NotPersonalData {
    }

    /** Access request (PIPL art. 45): everything the service shows of the subject's tickets. */
    /**
     * {@code unavailable}: tickets of the customer whose view is not readable now (a projection lags or
     * holds the ticket in a dead letter); the answer is incomplete for them and says so, ask again later.
     */
    public record SubjectExport(String subjectId, List<ExportedTicket> tickets, List<String> unavailable) {
    }

    public record ExportedTicket(TicketResponse ticket, List<TimelineResponse> timeline) {
    }
}
