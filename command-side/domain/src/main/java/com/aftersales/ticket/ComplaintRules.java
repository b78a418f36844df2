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

    /** Resolved, the initial demand met and the customer not unsatisfied: no second result is due. */
    static boolean settled(SubmitComplaintFeedback form) {
        return form.outcome() == ComplaintOutcome.RESOLVED && form.initialDemandMet()
                && form.customerSatisfaction() != HandlingCommands.Satisfaction.UNSATISFIED;
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
