package com.aftersales.ticket;

import com.aftersales.infra.privacy.PersonalField;
import org.axonframework.serialization.Revision;
import com.aftersales.ticket.ComplaintCommands.ComplaintMeasure;
import com.aftersales.ticket.ComplaintCommands.ComplaintOutcome;
import com.aftersales.ticket.ComplaintCommands.RootCause;
import com.aftersales.ticket.HandlingCommands.Compensation;
import java.time.Instant;
import java.util.Set;

/** What happened to a complaint's feedback form, warranties and confirmed plan changes. */
public final class ComplaintEvents {

    private ComplaintEvents() {
    }

    /** {@code secondResultDue}: unresolved, unmet or unsatisfied → a second result within 3 days (SPEC §7). */
    @Revision(EventRevisions.FIRST)
    public record ComplaintFeedbackSubmitted(String ticketId, ComplaintOutcome outcome, String outcomeReason,
                                             Boolean initialDemandMet, @PersonalField String demandReason,
                                             Compensation compensation,
                                             Set<ComplaintMeasure> measures, @PersonalField String keyTimePoints,
                                             @PersonalField String customerOpinion,
                                             HandlingCommands.Satisfaction customerSatisfaction,
                                             RootCause rootCause, String improvements,
                                             Instant secondResultDue, String by, Instant at) {
    }

    @Revision(EventRevisions.FIRST)

    public record ComplaintFeedbackApproved(String ticketId, String note, String by, Instant at) {
    }

    @Revision(EventRevisions.FIRST)

    public record ComplaintFeedbackSentBack(String ticketId, String note, String by, Instant at) {
    }

    @Revision(EventRevisions.FIRST)

    public record WarrantyRecorded(String ticketId, String part, Instant warrantyUntil, String by, Instant at) {
    }

    @Revision(EventRevisions.FIRST)

    public record PlanChangeConfirmed(String ticketId, String change, @PersonalField String customerConfirmation, String by,
                                      Instant at) {
    }
}
