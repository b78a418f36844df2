package com.aftersales.sla;

import static com.aftersales.sla.Calendars.BERLIN_CAL;
import static com.aftersales.sla.Calendars.CN;
import static com.aftersales.sla.Calendars.at;
import static com.aftersales.sla.Calendars.local;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** Working-time arithmetic across nights, lunch breaks, weekends, holidays, make-up days and clock changes. */
class WorkingCalendarTest {

    @Test
    void working_time_skips_the_night_and_the_lunch_break() {
        // Tuesday 2025-03-11 17:00: one hour to 18:00, then 09:00-12:00 and 13:30-... the next day
        Instant due = CN.addWorkingTime(at(CN, "2025-03-11T17:00"), Duration.ofHours(5));
        assertThat(local(CN, due)).isEqualTo("2025-03-12T14:30");
        assertThat(CN.workingTimeBetween(at(CN, "2025-03-11T17:00"), due)).isEqualTo(Duration.ofHours(5));
    }

    @Test
    void a_due_time_at_the_end_of_a_day_stays_there_instead_of_moving_to_the_next_morning() {
        Instant due = CN.addWorkingTime(at(CN, "2025-03-11T09:00"), Duration.ofMinutes(450));
        assertThat(local(CN, due)).isEqualTo("2025-03-11T18:00");
    }

    @Test
    void a_start_outside_working_hours_counts_from_the_next_working_minute() {
        assertThat(local(CN, CN.addWorkingTime(at(CN, "2025-03-11T22:10"), Duration.ofMinutes(30))))
                .isEqualTo("2025-03-12T09:30");
        assertThat(local(CN, CN.addWorkingTime(at(CN, "2025-03-11T12:40"), Duration.ofMinutes(30))))
                .isEqualTo("2025-03-11T14:00");
        assertThat(local(CN, CN.nextWorkingInstant(at(CN, "2025-03-15T10:00")))).isEqualTo("2025-03-17T09:00");
    }

    @Test
    void the_weekend_does_not_count() {
        // Friday 2025-03-14 16:00 + 4 h: 2 h on Friday, 2 h on Monday
        assertThat(local(CN, CN.addWorkingTime(at(CN, "2025-03-14T16:00"), Duration.ofHours(4))))
                .isEqualTo("2025-03-17T11:00");
        assertThat(CN.workingTimeBetween(at(CN, "2025-03-14T18:00"), at(CN, "2025-03-17T09:00"))).isZero();
    }

    @Test
    void holidays_do_not_count_and_make_up_days_do() {
        // Sunday 2025-09-28 is a make-up working day; 10-01..10-08 are off; Saturday 10-11 works.
        assertThat(CN.isWorkingTime(at(CN, "2025-09-28T10:00"))).isTrue();
        assertThat(CN.isWorkingTime(at(CN, "2025-10-08T10:00"))).isFalse();
        assertThat(CN.isWorkingTime(at(CN, "2025-10-11T10:00"))).isTrue();
        assertThat(CN.isWorkingTime(at(CN, "2025-10-12T10:00"))).isFalse();
        // Tuesday 2025-09-30 17:00 + 2 h: 1 h before the holiday, 1 h on Thursday 10-09
        assertThat(local(CN, CN.addWorkingTime(at(CN, "2025-09-30T17:00"), Duration.ofHours(2))))
                .isEqualTo("2025-10-09T10:00");
        // Friday 2025-01-24 17:00 + 2 h: the Sunday make-up day 01-26 works, 09:00-10:00
        assertThat(local(CN, CN.addWorkingTime(at(CN, "2025-01-24T17:00"), Duration.ofHours(2))))
                .isEqualTo("2025-01-26T10:00");
    }

    @Test
    void working_days_keep_the_working_moment_across_a_holiday_and_a_make_up_day() {
        // Tuesday 2025-09-30 17:00 + 3 working days: Thu 10-09, Fri 10-10, make-up Sat 10-11, at 17:00
        assertThat(local(CN, CN.addWorkingDays(at(CN, "2025-09-30T17:00"), 3))).isEqualTo("2025-10-11T17:00");
        // a start after hours counts from the next working morning
        assertThat(local(CN, CN.addWorkingDays(at(CN, "2025-03-14T20:00"), 1))).isEqualTo("2025-03-18T09:00");
    }

    @Test
    void the_working_time_of_a_day_includes_the_hour_a_clock_change_takes_or_gives() {
        // Sunday hours 00:30-03:30 in Berlin: 3 h; on 2025-03-30 02:00 jumps to 03:00 (2 h), on 2025-10-26 03:00 goes back to 02:00 (4 h)
        assertThat(BERLIN_CAL.workingTimeBetween(at(BERLIN_CAL, "2025-03-23T00:00"), at(BERLIN_CAL, "2025-03-24T00:00")))
                .isEqualTo(Duration.ofHours(3));
        assertThat(BERLIN_CAL.workingTimeBetween(at(BERLIN_CAL, "2025-03-30T00:00"), at(BERLIN_CAL, "2025-03-31T00:00")))
                .isEqualTo(Duration.ofHours(2));
        assertThat(BERLIN_CAL.workingTimeBetween(at(BERLIN_CAL, "2025-10-26T00:00"), at(BERLIN_CAL, "2025-10-27T00:00")))
                .isEqualTo(Duration.ofHours(4));
        // 3 h from Sunday 00:30 on the short day ends at Monday 09:00 (2 h on Sunday, 1 h on Monday)
        assertThat(local(BERLIN_CAL, BERLIN_CAL.addWorkingTime(at(BERLIN_CAL, "2025-03-30T00:30"), Duration.ofHours(3))))
                .isEqualTo("2025-03-31T09:00");
        // on the long day 3 h end at 02:30 in the second pass of the repeated hour (UTC 01:30)
        assertThat(BERLIN_CAL.addWorkingTime(at(BERLIN_CAL, "2025-10-26T00:30"), Duration.ofHours(3)))
                .isEqualTo(Instant.parse("2025-10-26T01:30:00Z"));
    }

    @Test
    void an_interval_in_the_skipped_hour_is_empty_and_a_day_ending_at_midnight_works() {
        CalendarVersion night = CalendarVersion.builder("night", LocalDate.of(2025, 1, 1), ZoneId.of("Europe/Berlin"))
                .hours(EnumSet.allOf(DayOfWeek.class), "02:15-02:45", "22:00-24:00").build();
        assertThat(night.workingTimeBetween(at(night, "2025-03-30T00:00"), at(night, "2025-03-31T00:00")))
                .isEqualTo(Duration.ofHours(2));
        assertThat(night.workingTimeBetween(at(night, "2025-03-29T00:00"), at(night, "2025-03-30T00:00")))
                .isEqualTo(Duration.ofMinutes(150));
        assertThat(local(night, night.addWorkingTime(at(night, "2025-03-29T23:00"), Duration.ofMinutes(61))))
                .isEqualTo("2025-03-30T22:01");
    }

    @Test
    void a_day_across_time_zones_is_the_tenants_local_day() {
        // 2025-03-11 01:30 UTC is 09:30 in Shanghai (working) and 02:30 in Berlin (not)
        Instant instant = Instant.parse("2025-03-11T01:30:00Z");
        assertThat(CN.isWorkingTime(instant)).isTrue();
        assertThat(BERLIN_CAL.isWorkingTime(instant)).isFalse();
    }

    @Test
    void a_calendar_without_working_time_is_refused_not_looped_over() {
        CalendarVersion none = CalendarVersion.builder("none", LocalDate.of(2025, 1, 1), ZoneId.of("UTC")).build();
        assertThatThrownBy(() -> none.addWorkingTime(Instant.parse("2025-01-01T00:00:00Z"), Duration.ofMinutes(1)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no working time");
    }

    @Test
    void overlapping_hours_and_a_day_both_holiday_and_make_up_day_are_refused() {
        assertThatThrownBy(() -> CalendarVersion.builder("x", LocalDate.of(2025, 1, 1), ZoneId.of("UTC"))
                .weekdays("09:00-12:00", "11:00-13:00").build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CalendarVersion.builder("x", LocalDate.of(2025, 1, 1), ZoneId.of("UTC"))
                .holidays(java.util.List.of(LocalDate.of(2025, 1, 1)))
                .makeUpDays(java.util.List.of(LocalDate.of(2025, 1, 1))).build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_new_version_applies_from_its_effective_date_and_never_to_the_past() {
        WorkingCalendar calendar = WorkingCalendar.of(CN);
        CalendarVersion longer = ChineseOfficialCalendar.version("cn-2", LocalDate.of(2026, 1, 1),
                ChineseOfficialCalendar.YEARS, "08:00-12:00", "13:00-18:00");
        WorkingCalendar changed = calendar.withVersion(longer, LocalDate.of(2025, 12, 1));
        assertThat(changed.versionAt(at(CN, "2025-12-31T23:59")).id()).isEqualTo("cn-1");
        assertThat(changed.versionAt(at(CN, "2026-01-01T00:00")).id()).isEqualTo("cn-2");
        assertThat(changed.require("cn-1")).isSameAs(CN);
        assertThatThrownBy(() -> calendar.withVersion(longer, LocalDate.of(2026, 1, 2)))
                .as("effective before today").isInstanceOf(IllegalArgumentException.class);
    }
}
