package com.aftersales.ticket;

import static com.aftersales.ticket.TicketFixtures.ID;
import static com.aftersales.ticket.TicketFixtures.NOW;
import static com.aftersales.ticket.TicketFixtures.callerAs;
import static com.aftersales.ticket.TicketFixtures.refusal;
import static com.aftersales.ticket.TicketHandlingTest.closed;

import com.aftersales.refusal.RefusalCode;
import com.aftersales.ticket.HandlingCommands.RecordSurvey;
import com.aftersales.ticket.HandlingCommands.Satisfaction;
import com.aftersales.ticket.HandlingEvents.SupervisorFollowUpOpened;
import com.aftersales.ticket.HandlingEvents.SurveyRecorded;
import com.aftersales.ticket.HandlingEvents.ThankYouDue;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

/** SPEC §6 at its edges: scores 1–5 and NPS 0–10 inclusive; an overall score of 3 still gets the supervisor. */
class SurveyScoreEdgesTest {

    FixtureConfiguration<Ticket> fixture = TicketFixtures.fixture(new TicketTest.RecordingNumbers());

    static final MetaData AGENT = callerAs("acme", "li-agent", "AGENT");

    static RecordSurvey survey(int speed, int effect, int attitude, int overall, int nps) {
        return new RecordSurvey(ID, null, Satisfaction.BASICALLY_SATISFIED, speed, effect, attitude, overall, nps, null);
    }

    static SurveyRecorded recorded(int speed, int effect, int attitude, int overall, int nps) {
        return new SurveyRecorded(ID, Satisfaction.BASICALLY_SATISFIED, speed, effect, attitude, overall, nps, null,
                "li-agent", NOW);
    }

    @Test
    void an_overall_score_of_3_opens_the_supervisors_follow_up_and_4_says_thank_you() {
        fixture.given(closed()).when(survey(4, 4, 4, 3, 7), AGENT)
                .expectEvents(recorded(4, 4, 4, 3, 7), new SupervisorFollowUpOpened(ID, 3, NOW));
        fixture.given(closed()).when(survey(4, 4, 4, 4, 7), AGENT)
                .expectEvents(recorded(4, 4, 4, 4, 7), new ThankYouDue(ID, 4, NOW));
    }

    @Test
    void the_lowest_and_highest_scores_are_valid() {
        fixture.given(closed()).when(survey(1, 1, 1, 5, 0), AGENT)
                .expectEvents(recorded(1, 1, 1, 5, 0), new ThankYouDue(ID, 5, NOW));
        fixture.given(closed()).when(survey(5, 5, 5, 1, 10), AGENT)
                .expectEvents(recorded(5, 5, 5, 1, 10), new SupervisorFollowUpOpened(ID, 1, NOW));
    }

    @Test
    void a_score_just_outside_its_range_is_refused() {
        int[][] invalid = {{0, 3, 3, 3, 5}, {6, 3, 3, 3, 5}, {3, 0, 3, 3, 5}, {3, 6, 3, 3, 5}, {3, 3, 0, 3, 5},
                {3, 3, 6, 3, 5}, {3, 3, 3, 0, 5}, {3, 3, 3, 6, 5}, {3, 3, 3, 3, -1}, {3, 3, 3, 3, 11}};
        for (int[] s : invalid) {
            fixture.given(closed()).when(survey(s[0], s[1], s[2], s[3], s[4]), AGENT)
                    .expectException(refusal(RefusalCode.SURVEY_INVALID)).expectNoEvents();
        }
    }
}
