package com.aftersales.sla;

import com.tyme.holiday.LegalHoliday;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The preset for Chinese tenants: Asia/Shanghai, Monday to Friday 09:00-12:00 and 13:30-18:00, and the
 * State Council's holidays and make-up working days (调休) as carried by tyme4j's {@code LegalHoliday}
 * (2025: 国办发明电〔2024〕12号; 2026: the notice of 2025-11-04). A year tyme4j does not carry yet is
 * reported by {@link WorkingCalendar#missingOfficialYears}.
 */
public final class ChineseOfficialCalendar {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    public static final List<Integer> YEARS = List.of(2025, 2026);
    public static final String[] DEFAULT_HOURS = {"09:00-12:00", "13:30-18:00"};

    private ChineseOfficialCalendar() {
    }

    /** The preset version for the official years 2025 and 2026. */
    public static CalendarVersion preset(String id, LocalDate effectiveFrom) {
        return version(id, effectiveFrom, YEARS, DEFAULT_HOURS);
    }

    public static CalendarVersion version(String id, LocalDate effectiveFrom, Collection<Integer> years,
                                          String... weekdayHours) {
        Arrangements arrangements = arrangements(years);
        return CalendarVersion.builder(id, effectiveFrom, ZONE)
                .weekdays(weekdayHours)
                .holidays(arrangements.holidays())
                .makeUpDays(arrangements.makeUpDays())
                .officialYears(arrangements.years())
                .build();
    }

    /** The days off and make-up working days of the years the library carries; a year without any is left out. */
    public static Arrangements arrangements(Collection<Integer> years) {
        Set<LocalDate> holidays = new TreeSet<>();
        Set<LocalDate> makeUpDays = new TreeSet<>();
        Set<Integer> found = new TreeSet<>();
        for (int year : years) {
            for (LocalDate date = LocalDate.of(year, 1, 1); date.getYear() == year; date = date.plusDays(1)) {
                LegalHoliday day = LegalHoliday.fromYmd(date.getYear(), date.getMonthValue(), date.getDayOfMonth());
                if (day != null) {
                    (day.isWork() ? makeUpDays : holidays).add(date);
                    found.add(year);
                }
            }
        }
        return new Arrangements(holidays, makeUpDays, found);
    }

    /** Whether the library carries the official arrangements of a year. */
    public static boolean carries(int year) {
        return !arrangements(List.of(year)).years().isEmpty();
    }

    public record Arrangements(Set<LocalDate> holidays, Set<LocalDate> makeUpDays, Set<Integer> years) {
    }
}
