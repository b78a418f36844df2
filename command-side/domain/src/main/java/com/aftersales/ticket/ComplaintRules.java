package com.aftersales.ticket;

import com.aftersales.refusal.RefusalCode;
import com.aftersales.refusal.RefusedException;
import com.aftersales.ticket.ComplaintCommands.ComplaintOutcome;
import com.aftersales.ticket.ComplaintCommands.SubmitComplaintFeedback;

/** What a complaint feedback form must say (SPEC §7). */
final class ComplaintRules {

    private ComplaintRules() {
    }

    /** Outcome, demand, satisfaction and root cause always; a reason when not resolved or not met. */
    static void check(SubmitComplaintFeedback form) {
        boolean complete = form.outcome() != null && form.rootCause() != null && form.initialDemandMet() != null
                && form.customerSatisfaction() != null
                && (form.outcome() == ComplaintOutcome.RESOLVED || hasText(form.outcomeReason()))
                && (form.initialDemandMet() || hasText(form.demandReason()));
        if (!complete) {
            throw new RefusedException(RefusalCode.FEEDBACK_INCOMPLETE);
        }
    }

    /** Unresolved, unmet or unsatisfied: a second result is due in 3 days (plain days until tenant calendars exist). */
    static java.time.Instant secondResultDue(SubmitComplaintFeedback form, java.time.Instant now) {
        boolean settled = form.outcome() == ComplaintOutcome.RESOLVED && form.initialDemandMet()
                && form.customerSatisfaction() != HandlingCommands.Satisfaction.UNSATISFIED;
        return settled ? null : now.plus(java.time.Duration.ofDays(3));
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
