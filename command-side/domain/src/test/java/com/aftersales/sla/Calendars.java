package com.aftersales.sla;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;

/** Calendars shared by the SLA tests. */
final class Calendars {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    /** The preset: official 2025 and 2026 arrangements, 09:00-12:00 and 13:30-18:00. */
    static final CalendarVersion CN = ChineseOfficialCalendar.preset("cn-1", LocalDate.of(2024, 12, 1));

    /** Official arrangements of 2023 and 2024 for the SPEC's worked examples, 09:00-18:00. */
    static final CalendarVersion CN_2023_2024 = ChineseOfficialCalendar.version("cn-2023", LocalDate.of(2023, 1, 1),
            List.of(2023, 2024), "09:00-18:00");

    /** Berlin, weekdays 08:00-12:00 and 13:00-17:00, Saturday 00:30-03:30 (across the clock changes at 02:00/03:00). */
    static final CalendarVersion BERLIN_CAL = CalendarVersion.builder("berlin-1", LocalDate.of(2024, 1, 1), BERLIN)
            .weekdays("08:00-12:00", "13:00-17:00")
            .hours(EnumSet.of(DayOfWeek.SUNDAY), "00:30-03:30")
            .holidays(List.of(LocalDate.of(2025, 12, 25), LocalDate.of(2025, 12, 26)))
            .build();

    private Calendars() {
    }

    static Instant at(CalendarVersion calendar, String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(calendar.zone()).toInstant();
    }

    static String local(CalendarVersion calendar, Instant instant) {
        return instant.atZone(calendar.zone()).toLocalDateTime().toString();
    }
}
