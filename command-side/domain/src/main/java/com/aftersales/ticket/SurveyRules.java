package com.aftersales.ticket;

import com.aftersales.refusal.Refusal;
import com.aftersales.refusal.RefusalCode;
import com.aftersales.refusal.RefusedException;
import com.aftersales.ticket.HandlingCommands.RecordSurvey;

/** The survey of SPEC §6: a satisfaction level, four dimensions scored 1–5 and NPS 0–10. */
final class SurveyRules {

    private SurveyRules() {
    }

    static void check(RecordSurvey survey) {
        boolean valid = survey.satisfaction() != null
                && inRange(survey.responseSpeed(), 1, 5) && inRange(survey.resolutionEffect(), 1, 5)
                && inRange(survey.serviceAttitude(), 1, 5) && inRange(survey.overall(), 1, 5)
                && inRange(survey.nps(), 0, 10);
        if (!valid) {
            throw new RefusedException(Refusal.of(RefusalCode.SURVEY_INVALID, "expected",
                    "satisfaction, four scores 1-5, NPS 0-10"));
        }
    }

    /** SPEC §6: a score of 3 or less, or an unsatisfied customer, gets the supervisor's own follow-up. */
    static boolean needsSupervisorFollowUp(RecordSurvey survey) {
        return survey.overall() <= 3 || survey.satisfaction() == HandlingCommands.Satisfaction.UNSATISFIED;
    }

    private static boolean inRange(int value, int min, int max) {
        return value >= min && value <= max;
    }
}
