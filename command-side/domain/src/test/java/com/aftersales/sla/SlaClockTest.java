package com.aftersales.sla;

import static com.aftersales.sla.Calendars.CN;
import static com.aftersales.sla.Calendars.at;
import static com.aftersales.sla.Calendars.local;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aftersales.sla.SlaClockEvents.SlaClockBreached;
import com.aftersales.sla.SlaClockEvents.SlaClockFulfilled;
import com.aftersales.sla.SlaClockEvents.SlaClockPaused;
import com.aftersales.sla.SlaClockEvents.SlaClockResumed;
import com.aftersales.sla.SlaClockEvents.SlaClockRetargeted;
import com.aftersales.sla.SlaClockEvents.SlaClockStarted;
import com.aftersales.sla.SlaClockEvents.SlaClockWarned;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Clocks started, paused, resumed, re-targeted, warned, breached and fulfilled, recomputed from their facts. */
class SlaClockTest {

    private static final WorkingCalendar CALENDAR = WorkingCalendar.of(CN);
    /** A working-time policy for the tests of pauses in working time. */
    private static final SlaPolicy WORKING = new SlaPolicy("working", Map.of(
            "high", Map.of(SlaMetric.RESOLUTION, SlaTarget.workingHours(4)),
            "low", Map.of(SlaMetric.RESOLUTION, SlaTarget.workingHours(16))), 80);

    @Test
    void a_started_clock_carries_its_due_and_warning_times_and_the_calendar_version() {
        SlaClockStarted started = SlaClock.start("t1", "FIRST_RESPONSE#1", SlaMetric.FIRST_RESPONSE, "P1",
                SlaPolicies.p0ToP2(), CALENDAR, at(CN, "2025-03-11T09:30"));
        assertThat(local(CN, started.dueAt())).isEqualTo("2025-03-11T13:30");
        assertThat(local(CN, started.warnAt())).as("80 % of 4 h").isEqualTo("2025-03-11T12:42");
        assertThat(started.calendarVersion()).isEqualTo("cn-1");
        assertThat(started.warningPercent()).isEqualTo(80);

        SlaClock clock = SlaClock.of(started, CALENDAR);
        assertThat(clock.status(at(CN, "2025-03-11T10:30")).state()).isEqualTo(SlaClockState.RUNNING);
        assertThat(clock.status(at(CN, "2025-03-11T12:42")).state()).isEqualTo(SlaClockState.WARNED);
        assertThat(clock.status(at(CN, "2025-03-11T13:30")).state()).isEqualTo(SlaClockState.BREACHED);
        SlaClockStatus status = clock.status(at(CN, "2025-03-11T10:30"));
        assertThat(status.elapsed()).isEqualTo(Duration.ofHours(1));
        assertThat(status.remaining()).isEqualTo(Duration.ofHours(3));
    }

    @Test
    void a_paused_clock_stops_counting_and_resumes_with_the_remaining_time() {
        SlaClock clock = SlaClock.of(SlaClock.start("t1", "RESOLUTION#1", SlaMetric.RESOLUTION, "high", WORKING,
                CALENDAR, at(CN, "2025-03-11T09:00")), CALENDAR);
        SlaClockPaused paused = clock.pause(PauseReason.WAITING_FOR_PARTS, at(CN, "2025-03-11T10:00"));
        clock.apply(paused);
        SlaClockStatus whilePaused = clock.status(at(CN, "2025-03-13T10:00"));
        assertThat(whilePaused.state()).isEqualTo(SlaClockState.PAUSED);
        assertThat(whilePaused.pausedFor()).isEqualTo(PauseReason.WAITING_FOR_PARTS);
        assertThat(whilePaused.dueAt()).as("unknown while paused").isNull();
        assertThat(whilePaused.remaining()).isEqualTo(Duration.ofHours(3));

        SlaClockResumed resumed = clock.resume(at(CN, "2025-03-14T16:00"));
        // 3 working hours from Friday 16:00: 2 h on Friday, 1 h on Monday
        assertThat(local(CN, resumed.dueAt())).isEqualTo("2025-03-17T10:00");
        clock.apply(resumed);
        assertThat(clock.dueAt()).isEqualTo(resumed.dueAt());
        assertThat(clock.status(at(CN, "2025-03-17T09:30")).elapsed()).isEqualTo(Duration.ofMinutes(210));
    }

    @Test
    void a_pause_or_resume_out_of_turn_and_facts_after_fulfilment_are_refused() {
        SlaClock clock = SlaClock.of(SlaClock.start("t1", "R", SlaMetric.RESOLUTION, "high", WORKING,
                CALENDAR, at(CN, "2025-03-11T09:00")), CALENDAR);
        assertThatThrownBy(() -> clock.resume(at(CN, "2025-03-11T10:00"))).isInstanceOf(IllegalStateException.class);
        clock.apply(clock.pause(PauseReason.WAITING_FOR_CUSTOMER, at(CN, "2025-03-11T10:00")));
        assertThatThrownBy(() -> clock.pause(PauseReason.WAITING_FOR_CUSTOMER, at(CN, "2025-03-11T11:00")))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> clock.resume(at(CN, "2025-03-11T09:30"))).as("back in time")
                .isInstanceOf(IllegalArgumentException.class);
        clock.apply(clock.fulfil(at(CN, "2025-03-11T11:00")));
        assertThatThrownBy(() -> clock.resume(at(CN, "2025-03-11T12:00"))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void a_clock_fulfilled_in_time_is_met_and_one_fulfilled_late_is_not() {
        SlaClock early = SlaClock.of(SlaClock.start("t1", "R", SlaMetric.RESOLUTION, "high", WORKING,
                CALENDAR, at(CN, "2025-03-11T09:00")), CALENDAR);
        SlaClockFulfilled onTime = early.fulfil(at(CN, "2025-03-11T14:30"));
        assertThat(onTime.met()).as("exactly at the due time").isTrue();
        assertThat(onTime.elapsed()).isEqualTo(Duration.ofHours(4));
        early.apply(onTime);
        SlaClockStatus status = early.status(at(CN, "2025-03-20T09:00"));
        assertThat(status.state()).isEqualTo(SlaClockState.FULFILLED);
        assertThat(status.met()).isTrue();
        assertThat(local(CN, status.dueAt())).isEqualTo("2025-03-11T14:30");

        SlaClock late = SlaClock.of(SlaClock.start("t1", "R", SlaMetric.RESOLUTION, "high", WORKING,
                CALENDAR, at(CN, "2025-03-11T09:00")), CALENDAR);
        SlaClockFulfilled tooLate = late.fulfil(at(CN, "2025-03-11T14:31"));
        assertThat(tooLate.met()).isFalse();
        late.apply(tooLate);
        assertThat(late.status(at(CN, "2025-03-12T09:00")).remaining()).isEqualTo(Duration.ofMinutes(-1));
    }

    @Test
    void the_timer_gets_the_warning_and_the_breach_once_each() {
        SlaClock clock = SlaClock.of(SlaClock.start("t1", "F", SlaMetric.FIRST_RESPONSE, "P0",
                SlaPolicies.p0ToP2(), CALENDAR, at(CN, "2025-03-15T22:00")), CALENDAR);
        assertThat(clock.nextDeadline()).isEqualTo(at(CN, "2025-03-15T22:48"));
        assertThat(clock.deadlineFacts(at(CN, "2025-03-15T22:47"))).isEmpty();
        var facts = clock.deadlineFacts(at(CN, "2025-03-15T23:30"));
        assertThat(facts).containsExactly(
                new SlaClockWarned("t1", "F", at(CN, "2025-03-15T22:48"), at(CN, "2025-03-15T23:00"), "cn-1"),
                new SlaClockBreached("t1", "F", at(CN, "2025-03-15T23:00"), at(CN, "2025-03-15T23:00"), "cn-1"));
        facts.forEach(clock::apply);
        assertThat(clock.deadlineFacts(at(CN, "2025-03-16T10:00"))).isEmpty();
        assertThat(clock.nextDeadline()).isNull();
    }

    @Test
    void a_higher_priority_counts_its_shorter_target_from_the_clocks_start() {
        SlaClock clock = SlaClock.of(SlaClock.start("t1", "F", SlaMetric.FIRST_RESPONSE, "P2",
                SlaPolicies.p0ToP2(), CALENDAR, at(CN, "2025-03-11T09:00")), CALENDAR);
        SlaClockRetargeted toP1 = clock.retarget("P1", SlaPolicies.p0ToP2(), at(CN, "2025-03-11T10:00"));
        assertThat(local(CN, toP1.dueAt())).isEqualTo("2025-03-11T13:00");
        clock.apply(toP1);
        assertThat(clock.status(at(CN, "2025-03-11T12:11")).state()).isEqualTo(SlaClockState.RUNNING);
        assertThat(clock.status(at(CN, "2025-03-11T12:12")).state()).as("80 % of 4 h from 09:00").isEqualTo(SlaClockState.WARNED);

        SlaClock already = SlaClock.of(SlaClock.start("t1", "F", SlaMetric.FIRST_RESPONSE, "P2",
                SlaPolicies.p0ToP2(), CALENDAR, at(CN, "2025-03-11T09:00")), CALENDAR);
        SlaClockRetargeted toP0 = already.retarget("P0", SlaPolicies.p0ToP2(), at(CN, "2025-03-11T11:00"));
        assertThat(local(CN, toP0.dueAt())).as("breached an hour before the change").isEqualTo("2025-03-11T10:00");
        already.apply(toP0);
        assertThat(already.status(at(CN, "2025-03-11T11:00")).state()).isEqualTo(SlaClockState.BREACHED);
        assertThat(already.deadlineFacts(at(CN, "2025-03-11T11:00")))
                .contains(new SlaClockBreached("t1", "F", at(CN, "2025-03-11T10:00"), at(CN, "2025-03-11T10:00"), "cn-1"));
    }

    @Test
    void a_warned_clock_lowered_to_a_later_warning_warns_again_when_that_is_reached() {
        SlaClock clock = SlaClock.of(SlaClock.start("t1", "F", SlaMetric.FIRST_RESPONSE, "P0",
                SlaPolicies.p0ToP2(), CALENDAR, at(CN, "2025-03-11T09:00")), CALENDAR);
        clock.deadlineFacts(at(CN, "2025-03-11T09:50")).forEach(clock::apply); // warned at 09:48
        assertThat(clock.nextDeadline()).as("the breach is next").isEqualTo(at(CN, "2025-03-11T10:00"));

        SlaClockRetargeted toP2 = clock.retarget("P2", SlaPolicies.p0ToP2(), at(CN, "2025-03-11T09:55"));
        clock.apply(toP2);
        assertThat(clock.nextDeadline()).as("P2's warning, 80 % of its target, lies ahead").isEqualTo(toP2.warnAt());
        assertThat(toP2.warnAt()).isAfter(at(CN, "2025-03-11T09:55"));
        assertThat(clock.deadlineFacts(toP2.warnAt().minusSeconds(1))).isEmpty();
        assertThat(clock.deadlineFacts(toP2.warnAt()))
                .containsExactly(new SlaClockWarned("t1", "F", toP2.warnAt(), toP2.dueAt(), "cn-1"));
    }

    @Test
    void a_warned_clock_raised_to_an_earlier_warning_is_not_warned_twice() {
        SlaClock clock = SlaClock.of(SlaClock.start("t1", "F", SlaMetric.FIRST_RESPONSE, "P2",
                SlaPolicies.p0ToP2(), CALENDAR, at(CN, "2025-03-11T09:00")), CALENDAR);
        Instant warned = clock.warnAt();
        clock.deadlineFacts(warned).forEach(clock::apply);
        clock.apply(clock.retarget("P1", SlaPolicies.p0ToP2(), warned.plusSeconds(60)));
        assertThat(clock.deadlineFacts(warned.plusSeconds(120))).as("P1's warning is already behind: no second one")
                .noneMatch(SlaClockWarned.class::isInstance);
    }

    @Test
    void a_warned_paused_clock_lowered_warns_again_after_it_resumes() {
        SlaClock clock = SlaClock.of(SlaClock.start("t1", "R", SlaMetric.RESOLUTION, "high", WORKING,
                CALENDAR, at(CN, "2025-03-11T09:00")), CALENDAR);
        var warned = clock.deadlineFacts(at(CN, "2025-03-11T14:00")); // 80 % of 4 working hours
        assertThat(warned).singleElement().isInstanceOf(SlaClockWarned.class);
        warned.forEach(clock::apply);
        clock.apply(clock.pause(PauseReason.WAITING_FOR_THIRD_PARTY, at(CN, "2025-03-11T14:00")));
        clock.apply(clock.retarget("low", WORKING, at(CN, "2025-03-12T09:00")));
        assertThat(clock.nextDeadline()).as("paused").isNull();
        SlaClockResumed resumed = clock.resume(at(CN, "2025-03-12T10:00"));
        clock.apply(resumed);
        assertThat(resumed.warnAt()).isAfter(at(CN, "2025-03-12T10:00"));
        assertThat(clock.nextDeadline()).isEqualTo(resumed.warnAt());
    }

    @Test
    void a_lower_priority_while_paused_changes_the_remaining_time_only() {
        SlaClock clock = SlaClock.of(SlaClock.start("t1", "R", SlaMetric.RESOLUTION, "high", WORKING,
                CALENDAR, at(CN, "2025-03-11T09:00")), CALENDAR);
        clock.apply(clock.pause(PauseReason.WAITING_FOR_THIRD_PARTY, at(CN, "2025-03-11T11:00")));
        SlaClockRetargeted lower = clock.retarget("low", WORKING, at(CN, "2025-03-12T09:00"));
        assertThat(lower.dueAt()).isNull();
        clock.apply(lower);
        assertThat(clock.status(at(CN, "2025-03-12T09:00")).remaining()).isEqualTo(Duration.ofHours(14));
        assertThat(clock.status(at(CN, "2025-03-12T09:00")).state()).isEqualTo(SlaClockState.PAUSED);
    }

    @Test
    void working_days_are_converted_once_at_the_start_and_the_explanation_shows_every_step() {
        // a rejected resolution on Tuesday 2025-09-30 16:00: 3 working days skip National Day
        SlaClock clock = SlaClock.of(SlaClock.start("t1", "SECOND_HANDLING#1", SlaMetric.SECOND_HANDLING, "urgent",
                SlaPolicies.urgentNormalLow(), CALENDAR, at(CN, "2025-09-30T16:00")), CALENDAR);
        assertThat(local(CN, clock.dueAt())).isEqualTo("2025-10-11T16:00");
        clock.apply(clock.pause(PauseReason.WAITING_FOR_CUSTOMER, at(CN, "2025-10-09T10:00")));
        clock.apply(clock.resume(at(CN, "2025-10-10T09:00")));
        // the rest of Thursday (6.5 working hours) was not counted: 19.5 h remain from Friday 09:00,
        // 7.5 h on Friday, 7.5 h on the make-up Saturday, 4.5 h on Monday
        assertThat(local(CN, clock.dueAt())).isEqualTo("2025-10-13T15:00");

        SlaClockStatus status = clock.status(at(CN, "2025-10-10T10:00"));
        assertThat(status.calendarVersions()).containsExactly("cn-1");
        assertThat(status.explanation()).extracting(SlaStep::kind).containsExactly(
                SlaStep.Kind.TARGET, SlaStep.Kind.CONVERTED, SlaStep.Kind.COUNTED, SlaStep.Kind.PAUSED,
                SlaStep.Kind.RESUMED, SlaStep.Kind.COUNTED, SlaStep.Kind.WARNING, SlaStep.Kind.DUE);
        assertThat(status.explanation().get(1).amount()).as("22.5 working hours").isEqualTo(Duration.ofMinutes(1350));
        assertThat(status.explanation().get(2).amount()).isEqualTo(Duration.ofMinutes(180));
        SlaStep due = status.explanation().get(7);
        assertThat(due.at()).isEqualTo(clock.dueAt());
        assertThat(due.amount()).as("added from the resume").isEqualTo(Duration.ofMinutes(1350 - 180));
        assertThat(due.calendarVersion()).isEqualTo("cn-1");
    }

    @Test
    void a_new_calendar_version_never_rewrites_a_computed_due_time_but_applies_after_a_resume() {
        CalendarVersion longer = ChineseOfficialCalendar.version("cn-2", LocalDate.of(2025, 3, 12),
                ChineseOfficialCalendar.YEARS, "08:00-12:00", "13:30-18:00");
        SlaClockStarted started = SlaClock.start("t1", "R", SlaMetric.RESOLUTION, "low", WORKING,
                CALENDAR, at(CN, "2025-03-11T09:00"));
        // 16 working hours: 7.5 on Tuesday, 7.5 on Wednesday, 1 on Thursday
        assertThat(local(CN, started.dueAt())).isEqualTo("2025-03-13T10:00");

        WorkingCalendar changed = CALENDAR.withVersion(longer, LocalDate.of(2025, 3, 11));
        SlaClock clock = SlaClock.of(started, changed);
        assertThat(clock.dueAt()).as("the running segment keeps cn-1").isEqualTo(started.dueAt());

        clock.apply(clock.pause(PauseReason.WAITING_FOR_CUSTOMER, at(CN, "2025-03-11T18:00")));
        SlaClockResumed resumed = clock.resume(at(CN, "2025-03-12T08:00"));
        assertThat(resumed.calendarVersion()).isEqualTo("cn-2");
        // 7.5 h counted on 03-11 with cn-1; 8.5 h left from 08:00 in cn-2: 08:00-12:00, 13:30-18:00 = 8.5 h
        assertThat(local(CN, resumed.dueAt())).isEqualTo("2025-03-12T18:00");
        clock.apply(resumed);
        assertThat(clock.status(at(CN, "2025-03-12T09:00")).calendarVersions()).containsExactly("cn-1", "cn-2");
    }

    @Test
    void calendar_time_targets_count_real_hours_across_a_clock_change() {
        WorkingCalendar berlin = WorkingCalendar.of(Calendars.BERLIN_CAL);
        SlaClockStarted started = SlaClock.start("t1", "F", SlaMetric.FIRST_RESPONSE, "urgent",
                SlaPolicies.urgentNormalLow(), berlin, Instant.parse("2025-10-25T10:00:00Z")); // 12:00 CEST
        assertThat(started.dueAt()).isEqualTo(Instant.parse("2025-10-26T10:00:00Z"));
        assertThat(local(Calendars.BERLIN_CAL, started.dueAt())).as("11:00 CET").isEqualTo("2025-10-26T11:00");
    }

    @Test
    void a_clock_recomputed_from_its_facts_has_the_same_figures() {
        SlaClock clock = SlaClock.of(SlaClock.start("t1", "R", SlaMetric.RESOLUTION, "low", WORKING,
                CALENDAR, at(CN, "2025-03-11T09:00")), CALENDAR);
        clock.apply(clock.pause(PauseReason.WAITING_FOR_PARTS, at(CN, "2025-03-11T15:00")));
        clock.apply(clock.resume(at(CN, "2025-03-13T09:00")));
        clock.apply(clock.retarget("high", WORKING, at(CN, "2025-03-13T09:30")));
        clock.deadlineFacts(at(CN, "2025-03-13T10:00")).forEach(clock::apply);
        clock.apply(clock.fulfil(at(CN, "2025-03-13T10:00")));

        SlaClock replayed = SlaClock.replay(clock.history(), CALENDAR);
        Instant now = at(CN, "2025-03-14T09:00");
        assertThat(replayed.status(now)).isEqualTo(clock.status(now));
        assertThat(replayed.status(now).met()).isFalse();
        assertThat(replayed.status(now).elapsed()).isEqualTo(Duration.ofMinutes(330));
    }
}
