package com.aftersales.sla;

import static com.aftersales.sla.Calendars.CN_2023_2024;
import static com.aftersales.sla.Calendars.at;
import static com.aftersales.sla.Calendars.local;
import static org.assertj.core.api.Assertions.assertThat;

import com.aftersales.sla.SlaClockEvents.SlaClockStarted;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The due times of the worked examples of SPEC §12, on the urgent/normal/low preset (the level
 * names they use) and the official 2023–2024 arrangements.
 */
class SlaWorkedExamplesTest {

    private static final WorkingCalendar CALENDAR = WorkingCalendar.of(CN_2023_2024);
    private static final SlaPolicy POLICY = SlaPolicies.urgentNormalLow();

    /** Example 1: air conditioner, urgent, registered 2024-05-20 09:30. */
    @Test
    void example_1_the_urgent_repair_must_be_answered_by_the_next_morning_and_is_resolved_before_the_promise() {
        SlaClock response = clock("FIRST_RESPONSE#1", SlaMetric.FIRST_RESPONSE, "urgent", "2024-05-20T09:30");
        assertThat(local(CN_2023_2024, response.dueAt())).isEqualTo("2024-05-21T09:30");
        assertThat(response.fulfil(at(CN_2023_2024, "2024-05-21T10:00")).met())
                .as("the visit at 10:00 is 30 min too late to be the first response: the appointment call must be")
                .isFalse();

        SlaClock update = clock("CUSTOMER_UPDATE#1", SlaMetric.CUSTOMER_UPDATE, "urgent", "2024-05-20T09:30");
        assertThat(local(CN_2023_2024, update.dueAt())).as("every 12 h at the top levels").isEqualTo("2024-05-20T21:30");

        // the customer's expected resolution time 期望解决时间: 2024-05-21 18:00, resolved at 17:30
        SlaPolicy promised = new SlaPolicy("promise", Map.of("urgent", Map.of(SlaMetric.RESOLUTION,
                SlaTarget.calendar(Duration.between(at(CN_2023_2024, "2024-05-20T09:30"), at(CN_2023_2024, "2024-05-21T18:00"))))), 80);
        SlaClock resolution = SlaClock.of(SlaClock.start("ex1", "RESOLUTION#1", SlaMetric.RESOLUTION, "urgent",
                promised, CALENDAR, at(CN_2023_2024, "2024-05-20T09:30")), CALENDAR);
        resolution.apply(resolution.fulfil(at(CN_2023_2024, "2024-05-21T17:30")));
        SlaClockStatus status = resolution.status(at(CN_2023_2024, "2024-05-22T09:00"));
        assertThat(status.met()).isTrue();
        assertThat(status.remaining()).isEqualTo(Duration.ofMinutes(30));
        assertThat(local(CN_2023_2024, status.dueAt())).isEqualTo("2024-05-21T18:00");
    }

    /** Example 2: smart watch inquiry, normal, registered 2024-05-20 14:15. */
    @Test
    void example_2_the_normal_inquiry_is_due_in_48_hours() {
        SlaClock response = clock("FIRST_RESPONSE#1", SlaMetric.FIRST_RESPONSE, "normal", "2024-05-20T14:15");
        assertThat(local(CN_2023_2024, response.dueAt())).isEqualTo("2024-05-22T14:15");
        assertThat(local(CN_2023_2024, response.warnAt())).as("80 % of 48 h").isEqualTo("2024-05-22T04:39");
    }

    /** Example 3: printer complaint, urgent, registered 2024-05-21 10:00. */
    @Test
    void example_3_the_urgent_complaint_is_due_the_next_day_and_its_second_result_in_three_working_days() {
        SlaClock response = clock("FIRST_RESPONSE#1", SlaMetric.FIRST_RESPONSE, "urgent", "2024-05-21T10:00");
        assertThat(local(CN_2023_2024, response.dueAt())).isEqualTo("2024-05-22T10:00");
        SlaClock feedback = clock("COMPLAINT_FEEDBACK#1", SlaMetric.COMPLAINT_FEEDBACK, "urgent", "2024-05-21T10:00");
        assertThat(local(CN_2023_2024, feedback.dueAt())).isEqualTo("2024-05-22T10:00");
        // had the customer been unsatisfied on Friday 2024-05-24 15:00: Mon, Tue, Wed
        SlaClock second = clock("COMPLAINT_SECOND_RESULT#1", SlaMetric.COMPLAINT_SECOND_RESULT, "urgent", "2024-05-24T15:00");
        assertThat(local(CN_2023_2024, second.dueAt())).isEqualTo("2024-05-29T15:00");
    }

    /** Example 4: SR202310270001, registered Friday 2023-10-27 09:15:30; at the lowest level. */
    @Test
    void example_4_at_the_low_level_three_working_days_skip_the_weekend() {
        SlaClock response = clock("FIRST_RESPONSE#1", SlaMetric.FIRST_RESPONSE, "low", "2023-10-27T09:15:30");
        assertThat(local(CN_2023_2024, response.dueAt())).isEqualTo("2023-11-01T09:15:30");
    }

    @Test
    void a_second_handling_over_the_2024_national_day_counts_the_make_up_saturday() {
        // rejected on Monday 2024-09-30 10:00; 10-01..07 off, Saturday 10-12 works: Tue 10-08, Wed, Thu
        SlaClock second = clock("SECOND_HANDLING#1", SlaMetric.SECOND_HANDLING, "normal", "2024-09-30T10:00");
        assertThat(local(CN_2023_2024, second.dueAt())).isEqualTo("2024-10-10T10:00");
        SlaClock fromThursday = clock("SECOND_HANDLING#2", SlaMetric.SECOND_HANDLING, "normal", "2024-10-10T10:00");
        assertThat(local(CN_2023_2024, fromThursday.dueAt())).as("Fri, make-up Sat, Mon").isEqualTo("2024-10-14T10:00");
    }

    private static SlaClock clock(String clockId, SlaMetric metric, String level, String registered) {
        SlaClockStarted started = SlaClock.start("example", clockId, metric, level, POLICY, CALENDAR,
                at(CN_2023_2024, registered));
        return SlaClock.of(started, CALENDAR);
    }
}
