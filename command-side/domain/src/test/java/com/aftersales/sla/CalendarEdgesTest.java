package com.aftersales.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Working calendars at their edges: zero days, no working time left, unsorted hours, make-up hours, the preset. */
class CalendarEdgesTest {

    static final ZoneId UTC = ZoneId.of("UTC");
    static final Instant TUESDAY_10 = Instant.parse("2025-03-11T10:00:00Z");

    static CalendarVersion.Builder weekdays(String... hours) {
        return CalendarVersion.builder("v", LocalDate.of(2025, 1, 1), UTC).weekdays(hours);
    }

    @Test
    void zero_working_days_from_an_instant_is_that_instant_and_negative_days_are_refused() {
        CalendarVersion version = weekdays("09:00-18:00").build();
        Instant sunday = Instant.parse("2025-03-09T10:00:00Z");
        assertThat(version.addWorkingDays(sunday, 0)).isEqualTo(sunday);
        assertThat(version.addWorkingDays(TUESDAY_10, 1)).isEqualTo(Instant.parse("2025-03-12T10:00:00Z"));
        assertThatThrownBy(() -> version.addWorkingDays(TUESDAY_10, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_calendar_without_working_time_refuses_the_next_working_instant_and_working_days() {
        CalendarVersion none = CalendarVersion.builder("none", LocalDate.of(2025, 1, 1), UTC).build();
        assertThatThrownBy(() -> none.nextWorkingInstant(TUESDAY_10)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no working time");
        assertThatThrownBy(() -> none.addWorkingDays(TUESDAY_10, 1)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void a_calendar_whose_last_working_day_has_passed_refuses_further_working_days() {
        List<LocalDate> everyLaterMonday = new ArrayList<>();
        for (LocalDate monday = LocalDate.of(2025, 3, 17); monday.isBefore(LocalDate.of(2029, 1, 1));
                monday = monday.plusWeeks(1)) {
            everyLaterMonday.add(monday);
        }
        CalendarVersion lastMonday = CalendarVersion.builder("v", LocalDate.of(2025, 1, 1), UTC)
                .hours(EnumSet.of(DayOfWeek.MONDAY), "09:00-10:00").holidays(everyLaterMonday).build();
        Instant monday = Instant.parse("2025-03-10T09:30:00Z");

        assertThat(lastMonday.isWorkingTime(monday)).isTrue();
        assertThatThrownBy(() -> lastMonday.addWorkingDays(monday, 1)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no working day");
    }

    @Test
    void hours_given_in_any_order_are_counted_in_the_order_of_the_day() {
        CalendarVersion version = weekdays("13:30-18:00", "09:00-12:00").build();
        assertThat(version.hoursOn(LocalDate.of(2025, 3, 11)))
                .containsExactly(WorkingInterval.parse("09:00-12:00"), WorkingInterval.parse("13:30-18:00"));
        Instant eight = Instant.parse("2025-03-11T08:00:00Z");
        assertThat(version.addWorkingTime(eight, Duration.ofHours(4))).isEqualTo(Instant.parse("2025-03-11T14:30:00Z"));
        assertThatThrownBy(() -> weekdays("11:00-13:00", "09:00-12:00").build()).as("overlap found after sorting")
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_make_up_day_works_its_own_hours_and_the_version_lists_its_days() {
        LocalDate saturday = LocalDate.of(2025, 3, 15);
        LocalDate holiday = LocalDate.of(2025, 3, 12);
        CalendarVersion version = weekdays("09:00-18:00").makeUpHours("10:00-12:00")
                .makeUpDays(List.of(saturday)).holidays(List.of(holiday)).build();
        assertThat(version.hoursOn(saturday)).containsExactly(WorkingInterval.parse("10:00-12:00"));
        assertThat(version.makeUpDays()).containsExactly(saturday);
        assertThat(version.holidays()).containsExactly(holiday);
        assertThat(version).hasToString("v (from 2025-01-01, UTC)");
    }

    @Test
    void the_preset_follows_the_official_days_off_and_make_up_working_days() {
        CalendarVersion preset = ChineseOfficialCalendar.preset("cn-test", LocalDate.of(2025, 1, 1));
        assertThat(preset.holidays()).contains(LocalDate.of(2025, 10, 1), LocalDate.of(2025, 10, 8));
        assertThat(preset.makeUpDays()).contains(LocalDate.of(2025, 9, 28)).doesNotContain(LocalDate.of(2025, 10, 1));
        assertThat(preset.isWorkingDay(LocalDate.of(2025, 9, 28))).as("a Sunday worked 调休").isTrue();
        assertThat(preset.isWorkingDay(LocalDate.of(2025, 10, 1))).isFalse();
        assertThat(preset.officialYears()).containsExactlyInAnyOrder(2025, 2026);
    }

    @Test
    void a_clock_naming_an_unknown_calendar_version_is_refused() {
        WorkingCalendar calendar = WorkingCalendar.of(weekdays("09:00-18:00").build());
        assertThat(calendar.versions()).extracting(CalendarVersion::id).containsExactly("v");
        assertThatThrownBy(() -> calendar.require("v9")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("v9");
    }
}
