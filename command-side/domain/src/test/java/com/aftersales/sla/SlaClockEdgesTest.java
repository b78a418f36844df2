package com.aftersales.sla;

import static com.aftersales.sla.Calendars.CN;
import static com.aftersales.sla.Calendars.at;
import static com.aftersales.sla.Calendars.local;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aftersales.sla.SlaStep.Kind;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A clock at its edges: paused exactly at its due time, fulfilled while paused, refused facts, the explanation. */
class SlaClockEdgesTest {

    private static final WorkingCalendar CALENDAR = WorkingCalendar.of(CN);
    private static final SlaPolicy WORKING = new SlaPolicy("working", Map.of(
            "high", Map.of(SlaMetric.RESOLUTION, SlaTarget.workingHours(4)),
            "days", Map.of(SlaMetric.RESOLUTION, SlaTarget.workingDays(1))), 80);
    private static final SlaPolicy CALENDAR_TIME = new SlaPolicy("calendar", Map.of(
            "high", Map.of(SlaMetric.FIRST_RESPONSE, SlaTarget.calendarHours(4))), 80);

    /** Tuesday 2025-03-11 09:00, 4 working hours: 09:00-12:00 and 13:30-14:30, due 14:30. */
    private static SlaClock fourWorkingHours() {
        return SlaClock.of(SlaClock.start("t1", "R", SlaMetric.RESOLUTION, "high", WORKING, CALENDAR,
                at(CN, "2025-03-11T09:00")), CALENDAR);
    }

    @Test
    void a_clock_paused_exactly_at_its_due_time_was_due_then_and_is_breached() {
        SlaClock clock = fourWorkingHours();
        clock.apply(clock.pause(PauseReason.WAITING_FOR_CUSTOMER, at(CN, "2025-03-11T14:30")));

        SlaClockStatus status = clock.status(at(CN, "2025-03-11T16:00"));

        assertThat(local(CN, status.dueAt())).isEqualTo("2025-03-11T14:30");
        assertThat(status.state()).isEqualTo(SlaClockState.BREACHED);
        assertThat(status.remaining()).isZero();
    }

    @Test
    void a_clock_fulfilled_while_paused_keeps_what_it_counted_and_projects_no_due_time() {
        SlaClock clock = fourWorkingHours();
        clock.apply(clock.pause(PauseReason.WAITING_FOR_PARTS, at(CN, "2025-03-11T10:00")));
        clock.apply(clock.fulfil(at(CN, "2025-03-11T16:00")));

        SlaClockStatus status = clock.status(at(CN, "2025-03-12T16:00"));

        assertThat(status.elapsed()).isEqualTo(Duration.ofHours(1));
        assertThat(status.met()).isTrue();
        assertThat(status.dueAt()).as("it never ran on to a due time").isNull();
        assertThat(clock.isOpen()).isFalse();
        assertThat(clock.isPaused()).as("fulfilment ends the pause").isFalse();
    }

    @Test
    void a_clock_fulfilled_while_running_stops_counting_at_the_fulfilment() {
        SlaClock clock = fourWorkingHours();
        assertThat(clock.isOpen()).isTrue();
        clock.apply(clock.fulfil(at(CN, "2025-03-11T10:00")));

        SlaClockStatus status = clock.status(at(CN, "2025-03-12T16:00"));

        assertThat(status.elapsed()).isEqualTo(Duration.ofHours(1));
        assertThat(local(CN, status.dueAt())).as("when it was due had it run on").isEqualTo("2025-03-11T14:30");
        assertThat(status.explanation()).filteredOn(step -> step.kind() == Kind.COUNTED)
                .extracting(SlaStep::text).noneMatch(text -> text.contains("(running)"));
        assertThat(clock.deadlineFacts(at(CN, "2025-03-12T16:00"))).as("nothing falls due after fulfilment").isEmpty();
    }

    @Test
    void no_decision_is_taken_on_a_fulfilled_clock_or_back_in_time() {
        SlaClock fulfilled = fourWorkingHours();
        fulfilled.apply(fulfilled.fulfil(at(CN, "2025-03-11T10:00")));
        assertThatThrownBy(() -> fulfilled.fulfil(at(CN, "2025-03-11T11:00"))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> fulfilled.retarget("days", WORKING, at(CN, "2025-03-11T11:00")))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> fulfilled.pause(PauseReason.WAITING_FOR_CUSTOMER, at(CN, "2025-03-11T11:00")))
                .isInstanceOf(IllegalStateException.class);

        SlaClock running = fourWorkingHours();
        running.apply(running.retarget("days", WORKING, at(CN, "2025-03-11T10:00")));
        assertThatThrownBy(() -> running.fulfil(at(CN, "2025-03-11T09:30"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> running.retarget("high", WORKING, at(CN, "2025-03-11T09:30")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> running.pause(PauseReason.WAITING_FOR_CUSTOMER, at(CN, "2025-03-11T09:30")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_level_or_metric_without_a_target_runs_no_clock() {
        assertThatThrownBy(() -> SlaClock.start("t1", "R", SlaMetric.RESOLUTION, "none", WORKING, CALENDAR,
                at(CN, "2025-03-11T09:00"))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("none");
        SlaClock clock = fourWorkingHours();
        assertThatThrownBy(() -> clock.retarget("none", WORKING, at(CN, "2025-03-11T10:00")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("none");
        assertThat(clock.metric()).isEqualTo(SlaMetric.RESOLUTION);
    }

    @Test
    void re_targeting_to_working_days_explains_the_conversion() {
        SlaClock clock = fourWorkingHours();
        clock.apply(clock.retarget("days", WORKING, at(CN, "2025-03-11T10:00")));

        SlaClockStatus status = clock.status(at(CN, "2025-03-11T11:00"));
        List<SlaStep> steps = status.explanation();

        assertThat(status.calendarVersions()).as("the version the re-target used, once").containsExactly("cn-1");
        assertThat(steps).extracting(SlaStep::kind).contains(Kind.TARGET, Kind.RETARGETED);
        assertThat(steps).filteredOn(step -> step.kind() == Kind.CONVERTED).singleElement()
                .satisfies(step -> {
                    assertThat(step.at()).as("counted from the clock's start").isEqualTo(at(CN, "2025-03-11T09:00"));
                    assertThat(step.amount()).as("one working day of 7.5 h").isEqualTo(Duration.ofMinutes(450));
                    assertThat(step.text()).startsWith("1 working days from ");
                });
    }

    @Test
    void the_explanation_names_the_basis_the_running_segment_and_the_calendar_version_of_working_time() {
        SlaClock working = fourWorkingHours();
        SlaClockStatus status = working.status(at(CN, "2025-03-11T10:00"));
        assertThat(status.calendarVersions()).containsExactly("cn-1");
        SlaStep target = status.explanation().get(0);
        assertThat(target.kind()).isEqualTo(Kind.TARGET);
        assertThat(target.text()).isEqualTo("RESOLUTION for high: PT4H WORKING_TIME, warning at 80 %");
        assertThat(status.explanation()).filteredOn(step -> step.kind() == Kind.COUNTED).singleElement()
                .satisfies(step -> {
                    assertThat(step.text()).startsWith("counted working time from ").endsWith(" (running)");
                    assertThat(step.calendarVersion()).isEqualTo("cn-1");
                });

        SlaClock calendar = SlaClock.of(SlaClock.start("t1", "F", SlaMetric.FIRST_RESPONSE, "high", CALENDAR_TIME,
                CALENDAR, at(CN, "2025-03-11T09:00")), CALENDAR);
        assertThat(calendar.status(at(CN, "2025-03-11T10:00")).explanation())
                .filteredOn(step -> step.kind() == Kind.COUNTED).singleElement()
                .satisfies(step -> {
                    assertThat(step.text()).startsWith("counted calendar time from ");
                    assertThat(step.calendarVersion()).as("calendar time uses no calendar").isNull();
                });
    }
}
