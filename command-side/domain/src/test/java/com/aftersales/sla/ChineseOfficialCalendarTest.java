package com.aftersales.sla;

import static com.aftersales.sla.Calendars.CN;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The preset against the State Council notices: 2025 国办发明电〔2024〕12号, 2026 the notice of
 * 2025-11-04 (as carried by tyme4j 1.4.9).
 */
class ChineseOfficialCalendarTest {

    @Test
    void spring_festival_2025_with_its_sunday_and_saturday_make_up_days() {
        assertThat(CN.isWorkingDay(date("2025-01-26"))).as("Sunday make-up day").isTrue();
        assertThat(CN.isWorkingDay(date("2025-02-08"))).as("Saturday make-up day").isTrue();
        for (LocalDate day = date("2025-01-28"); !day.isAfter(date("2025-02-04")); day = day.plusDays(1)) {
            assertThat(CN.isWorkingDay(day)).as("%s is off", day).isFalse();
        }
        assertThat(CN.isWorkingDay(date("2025-01-27"))).as("an ordinary Monday").isTrue();
        assertThat(CN.isWorkingDay(date("2025-02-05"))).as("back to work").isTrue();
    }

    @Test
    void national_day_and_mid_autumn_2025() {
        for (LocalDate day = date("2025-10-01"); !day.isAfter(date("2025-10-08")); day = day.plusDays(1)) {
            assertThat(CN.isWorkingDay(day)).as("%s is off", day).isFalse();
        }
        assertThat(CN.isWorkingDay(date("2025-09-28"))).isTrue();
        assertThat(CN.isWorkingDay(date("2025-10-11"))).isTrue();
        assertThat(CN.isWorkingDay(date("2025-10-09"))).isTrue();
    }

    @Test
    void other_2025_holidays() {
        assertThat(CN.isWorkingDay(date("2025-01-01"))).isFalse();
        assertThat(CN.isWorkingDay(date("2025-04-04"))).isFalse();
        assertThat(CN.isWorkingDay(date("2025-04-27"))).as("Sunday make-up day for Labour Day").isTrue();
        assertThat(List.of("2025-05-01", "2025-05-05", "2025-06-02")).allSatisfy(d -> assertThat(CN.isWorkingDay(date(d))).isFalse());
    }

    @Test
    void the_2026_arrangements() {
        assertThat(List.of("2026-01-01", "2026-01-02", "2026-02-15", "2026-02-23", "2026-04-06", "2026-05-05",
                "2026-06-19", "2026-09-25", "2026-10-07"))
                .allSatisfy(d -> assertThat(CN.isWorkingDay(date(d))).as("%s is off", d).isFalse());
        assertThat(List.of("2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"))
                .allSatisfy(d -> assertThat(CN.isWorkingDay(date(d))).as("%s is a make-up day", d).isTrue());
        assertThat(CN.isWorkingDay(date("2026-10-08"))).as("Thursday after National Day").isTrue();
    }

    @Test
    void a_calendar_following_the_official_arrangements_warns_when_next_years_are_missing() {
        WorkingCalendar calendar = WorkingCalendar.of(CN);
        assertThat(calendar.missingOfficialYears(date("2025-06-01"))).isEmpty();
        assertThat(calendar.nextYearMissing(date("2025-06-01"))).isFalse();
        assertThat(calendar.missingOfficialYears(date("2026-12-02"))).containsExactly(2027);
        assertThat(calendar.nextYearMissing(date("2026-12-02"))).isTrue();
        assertThat(calendar.missingOfficialYears(date("2027-03-01"))).containsExactly(2027, 2028);
        assertThat(ChineseOfficialCalendar.carries(2026)).isTrue();
        assertThat(ChineseOfficialCalendar.carries(2027)).as("tyme4j 1.4.9 has no 2027 yet").isFalse();
    }

    @Test
    void a_calendar_that_follows_no_official_arrangements_never_warns() {
        assertThat(WorkingCalendar.of(Calendars.BERLIN_CAL).missingOfficialYears(date("2026-12-02"))).isEmpty();
    }

    private static LocalDate date(String text) {
        return LocalDate.parse(text);
    }
}
