package com.aftersales.sla;

import com.aftersales.infra.tenancy.TenantConfiguration.BusinessCalendar;
import com.aftersales.infra.tenancy.TenantConfiguration.CalendarVersionSetting;
import com.aftersales.refusal.RefusalCode;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A tenant's working calendar from its configuration's {@code calendar} section: the version every
 * tenant starts with ({@code cn-1} in China's time zone, {@code weekdays-1} elsewhere, from
 * 2024-01-01; the clocks recorded before the section existed name them), then the section's versions
 * in order. A version in force, or that was, never changes (clocks name it); a change is a new version
 * from today on ({@link #checkChange}).
 */
public final class CalendarSettings {

    /** The starting version is effective from this date; every clock of a tenant before its own versions used it. */
    public static final LocalDate EFFECTIVE_FROM = LocalDate.of(2024, 1, 1);
    public static final String CN_OFFICIAL = "cn-official";
    static final String CHINA_ID = "cn-1";
    static final String WEEKDAYS_ID = "weekdays-1";
    static final int MOST_VERSIONS = 100;
    static final int MOST_DAYS = 2000;
    private static final String ID = "[A-Za-z0-9][A-Za-z0-9._-]{0,39}";
    private static final Set<String> CHINA = Set.of("Asia/Shanghai", "Asia/Chongqing", "Asia/Harbin",
            "Asia/Urumqi", "PRC");

    private CalendarSettings() {
    }

    /** The version every tenant starts with, by its time zone. */
    public static CalendarVersion starting(ZoneId zone) {
        return CHINA.contains(zone.getId()) ? ChineseOfficialCalendar.preset(CHINA_ID, EFFECTIVE_FROM)
                : CalendarVersion.builder(WEEKDAYS_ID, EFFECTIVE_FROM, zone).weekdays("09:00-18:00").build();
    }

    /** The calendar; a section that cannot be one is refused with {@link SlaConfigurationException}. */
    public static WorkingCalendar calendar(ZoneId tenantZone, BusinessCalendar section) {
        if (section.versions().size() > MOST_VERSIONS) {
            throw invalid(RefusalCode.CALENDAR_VERSION_INVALID, "calendar.versions", null);
        }
        List<CalendarVersion> versions = new ArrayList<>(List.of(starting(tenantZone)));
        Set<String> ids = new HashSet<>(Set.of(CHINA_ID, WEEKDAYS_ID));
        for (int i = 0; i < section.versions().size(); i++) {
            CalendarVersionSetting setting = section.versions().get(i);
            String field = "calendar.versions[" + i + "]";
            if (setting == null || setting.id() == null || !setting.id().matches(ID) || !ids.add(setting.id())) {
                throw invalid(RefusalCode.CALENDAR_VERSION_INVALID, field + ".id", setting == null ? null : setting.id());
            }
            LocalDate previous = versions.get(versions.size() - 1).effectiveFrom();
            if (setting.effectiveFrom() == null || !setting.effectiveFrom().isAfter(previous)) {
                throw invalid(RefusalCode.CALENDAR_VERSIONS_OUT_OF_ORDER, field + ".effectiveFrom", setting.id());
            }
            versions.add(version(setting, field));
        }
        return WorkingCalendar.of(versions);
    }

    /**
     * A new section against the one in force at {@code now}: every version in force or that was keeps
     * its id and content; every new or changed version takes effect today or later (in its zone).
     */
    public static void checkChange(BusinessCalendar previous, BusinessCalendar next, Instant now) {
        for (CalendarVersionSetting old : previous.versions()) {
            if (!old.effectiveFrom().isAfter(today(old, now)) && !next.versions().contains(old)) {
                throw invalid(RefusalCode.CALENDAR_HISTORY_CHANGED, "calendar.versions", old.id());
            }
        }
        for (int i = 0; i < next.versions().size(); i++) {
            CalendarVersionSetting version = next.versions().get(i);
            if (!previous.versions().contains(version) && version.effectiveFrom().isBefore(today(version, now))) {
                throw invalid(RefusalCode.CALENDAR_VERSION_BACKDATED, "calendar.versions[" + i + "].effectiveFrom",
                        version.id());
            }
        }
    }

    private static LocalDate today(CalendarVersionSetting setting, Instant now) {
        return now.atZone(zone(setting, "calendar.versions")).toLocalDate();
    }

    private static CalendarVersion version(CalendarVersionSetting setting, String field) {
        boolean official = CN_OFFICIAL.equals(setting.preset());
        if (setting.preset() != null && !official) {
            throw invalid(RefusalCode.CALENDAR_PRESET_UNKNOWN, field + ".preset", setting.preset());
        }
        if (setting.holidays().size() + setting.makeUpWorkingDays().size() > MOST_DAYS) {
            throw invalid(RefusalCode.CALENDAR_VERSION_INVALID, field + ".holidays", null);
        }
        CalendarVersion.Builder builder = CalendarVersion.builder(setting.id(), setting.effectiveFrom(), zone(setting, field));
        Set<LocalDate> holidays = new TreeSet<>(setting.holidays());
        Set<LocalDate> makeUpDays = new TreeSet<>(setting.makeUpWorkingDays());
        if (official) {
            ChineseOfficialCalendar.Arrangements arrangements = officialYears(setting, field);
            holidays.addAll(arrangements.holidays());
            makeUpDays.addAll(arrangements.makeUpDays());
            holidays.removeAll(setting.makeUpWorkingDays());
            makeUpDays.removeAll(setting.holidays());
            builder.officialYears(arrangements.years());
        } else if (!setting.officialYears().isEmpty()) {
            throw invalid(RefusalCode.CALENDAR_VERSION_INVALID, field + ".officialYears", null);
        }
        hours(builder, setting, official, field);
        try {
            return builder.holidays(holidays).makeUpDays(makeUpDays).build();
        } catch (IllegalArgumentException dayBothWaysOrOverlap) {
            throw invalid(RefusalCode.CALENDAR_VERSION_INVALID, field + ".makeUpWorkingDays", null);
        }
    }

    private static ChineseOfficialCalendar.Arrangements officialYears(CalendarVersionSetting setting, String field) {
        List<Integer> years = setting.officialYears().isEmpty() ? ChineseOfficialCalendar.YEARS : setting.officialYears();
        for (Integer year : years) {
            if (year == null || year < 2000 || year > 2100 || !ChineseOfficialCalendar.carries(year)) {
                throw invalid(RefusalCode.CALENDAR_VERSION_INVALID, field + ".officialYears", String.valueOf(year));
            }
        }
        return ChineseOfficialCalendar.arrangements(years);
    }

    private static void hours(CalendarVersion.Builder builder, CalendarVersionSetting setting, boolean official,
                              String field) {
        if (setting.workingHours().isEmpty()) {
            if (!official) {
                throw invalid(RefusalCode.CALENDAR_VERSION_INVALID, field + ".workingHours", null);
            }
            builder.weekdays(ChineseOfficialCalendar.DEFAULT_HOURS);
        }
        boolean works = official && setting.workingHours().isEmpty();
        for (var day : setting.workingHours().entrySet()) {
            String[] intervals = intervals(day.getValue(), field + ".workingHours." + day.getKey());
            builder.hours(EnumSet.of(day.getKey()), intervals);
            works |= intervals.length > 0;
        }
        if (!works) {
            throw invalid(RefusalCode.CALENDAR_VERSION_INVALID, field + ".workingHours", null);
        }
        if (setting.makeUpHours() != null) {
            builder.makeUpHours(intervals(setting.makeUpHours(), field + ".makeUpHours"));
        }
        checkIntervals(setting, field);
    }

    private static String[] intervals(List<String> texts, String field) {
        if (texts == null || texts.size() > 24) {
            throw invalid(RefusalCode.CALENDAR_VERSION_INVALID, field, null);
        }
        for (String text : texts) {
            try {
                WorkingInterval.parse(text);
            } catch (RuntimeException unreadable) {
                throw invalid(RefusalCode.CALENDAR_VERSION_INVALID, field, text);
            }
        }
        return texts.toArray(String[]::new);
    }

    /** Overlapping intervals are refused where the day names them, not when the version is built. */
    private static void checkIntervals(CalendarVersionSetting setting, String field) {
        for (DayOfWeek day : setting.workingHours().keySet()) {
            try {
                CalendarVersion.builder("probe", EFFECTIVE_FROM, ZoneId.of("UTC"))
                        .hours(EnumSet.of(day), setting.workingHours().get(day).toArray(String[]::new)).build();
            } catch (IllegalArgumentException overlapping) {
                throw invalid(RefusalCode.CALENDAR_VERSION_INVALID, field + ".workingHours." + day, null);
            }
        }
    }

    private static ZoneId zone(CalendarVersionSetting setting, String field) {
        if (CN_OFFICIAL.equals(setting.preset())) {
            if (setting.timeZone() != null && !ChineseOfficialCalendar.ZONE.getId().equals(setting.timeZone())) {
                throw invalid(RefusalCode.CALENDAR_VERSION_INVALID, field + ".timeZone", setting.timeZone());
            }
            return ChineseOfficialCalendar.ZONE;
        }
        try {
            return ZoneId.of(setting.timeZone());
        } catch (DateTimeException | NullPointerException unknown) {
            throw invalid(RefusalCode.CALENDAR_VERSION_INVALID, field + ".timeZone", setting.timeZone());
        }
    }

    private static SlaConfigurationException invalid(String code, String field, String value) {
        return new SlaConfigurationException(code, field, value);
    }
}
