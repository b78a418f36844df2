package com.aftersales.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.aftersales.infra.tenancy.PriorityScheme;
import com.aftersales.infra.tenancy.PriorityScheme.PriorityLevel;
import com.aftersales.infra.tenancy.TenantConfiguration;
import com.aftersales.infra.tenancy.TenantConfiguration.BusinessCalendar;
import com.aftersales.infra.tenancy.TenantConfiguration.CalendarVersionSetting;
import com.aftersales.infra.tenancy.TenantConfiguration.TimeLimit;
import com.aftersales.infra.tenancy.TenantDirectory;
import com.aftersales.infra.tenancy.TenantEntry;
import com.aftersales.infra.tenancy.TenantProfile;
import com.aftersales.infra.tenancy.TenantProperties;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How a tenant's configuration becomes its SLA policy and working calendar (TenantSlaSettings). */
class TenantSlaSettingsTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    final TenantDirectory directory = TenantDirectory.fedByEvents(new TenantProperties());
    final TenantSlaSettings settings = new TenantSlaSettings(directory);
    long version;

    void configure(ZoneId zone, TenantConfiguration configuration) {
        version++;
        directory.update(new TenantEntry("east", version, new TenantProfile("华东", "East", zone, "", 3), configuration,
                version, null, false));
    }

    static TenantConfiguration with(PriorityScheme scheme, TenantConfiguration.SlaPolicy sla, BusinessCalendar calendar) {
        TenantConfiguration d = TenantConfiguration.defaults(scheme);
        return new TenantConfiguration(d.ticketTypes(), d.complaintTypes(), scheme, d.compensationCapPercent(),
                d.departments(), d.staff(), d.routing(), d.marks(), sla, calendar, d.retention());
    }

    static CalendarVersionSetting berlinVersion(String id, LocalDate from, String... hours) {
        Map<DayOfWeek, List<String>> week = new java.util.EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY)) {
            week.put(day, List.of(hours));
        }
        return new CalendarVersionSetting(id, from, null, "Europe/Berlin", week, null, List.of(LocalDate.of(2027, 1, 6)),
                List.of(LocalDate.of(2027, 1, 9)), List.of());
    }

    @Test
    void empty_sections_give_the_presets_and_the_starting_versions_with_their_ids_as_before() {
        for (PriorityScheme scheme : PriorityScheme.presets().toList()) {
            configure(SHANGHAI, TenantConfiguration.defaults(scheme));
            SlaPolicy expected = switch (scheme.preset()) {
                case "URGENT_NORMAL_LOW" -> SlaPolicies.urgentNormalLow();
                case "P0_P2" -> SlaPolicies.p0ToP2();
                default -> SlaPolicies.p1ToP4();
            };
            assertThat(settings.policy("east")).isEqualTo(expected);
        }
        WorkingCalendar china = settings.calendar("east");
        assertThat(china.versions()).extracting(CalendarVersion::id).containsExactly("cn-1");
        CalendarVersion cn1 = ChineseOfficialCalendar.preset("cn-1", LocalDate.of(2024, 1, 1));
        assertThat(china.latest().holidays()).isEqualTo(cn1.holidays());
        assertThat(china.latest().makeUpDays()).isEqualTo(cn1.makeUpDays());
        assertThat(china.latest().effectiveFrom()).isEqualTo(cn1.effectiveFrom());
        configure(BERLIN, TenantConfiguration.defaults(PriorityScheme.P0_P2));
        CalendarVersion weekdays = settings.calendar("east").latest();
        assertThat(weekdays.id()).isEqualTo("weekdays-1");
        assertThat(weekdays.zone()).isEqualTo(BERLIN);
        assertThat(weekdays.hoursOn(LocalDate.of(2026, 12, 4))).containsExactly(WorkingInterval.parse("09:00-18:00"));
        assertThat(weekdays.hoursOn(LocalDate.of(2026, 12, 5))).isEmpty();
    }

    @Test
    void a_named_preset_with_overrides_and_a_warning_share_on_custom_levels() {
        PriorityScheme custom = new PriorityScheme(null, List.of(new PriorityLevel("critical", "危急", "Critical"),
                new PriorityLevel("high", "高", "High"), new PriorityLevel("medium", "中", "Medium"),
                new PriorityLevel("minor", "低", "Minor")));
        configure(SHANGHAI, with(custom, new TenantConfiguration.SlaPolicy("P1_P4", 70, Map.of(
                "critical", Map.of("FIRST_RESPONSE", new TimeLimit(null, Duration.ofMinutes(30)),
                        "RESOLUTION", new TimeLimit(TimeLimit.Basis.WORKING_TIME, Duration.ofHours(8))),
                "minor", Map.of("SECOND_HANDLING", new TimeLimit(TimeLimit.Basis.WORKING_DAYS, Duration.ofDays(5))))),
                null));
        SlaPolicy policy = settings.policy("east");
        assertThat(policy.levelNames()).containsExactly("critical", "high", "medium", "minor");
        assertThat(policy.warningPercent()).isEqualTo(70);
        assertThat(policy.target("critical", SlaMetric.FIRST_RESPONSE)).contains(SlaTarget.calendar(Duration.ofMinutes(30)));
        assertThat(policy.target("critical", SlaMetric.RESOLUTION)).contains(SlaTarget.workingHours(8));
        assertThat(policy.target("minor", SlaMetric.SECOND_HANDLING)).contains(SlaTarget.workingDays(5));
        // everything not overridden is the P1-P4 preset's, by position
        SlaPolicy preset = SlaPolicies.p1ToP4();
        assertThat(policy.target("high", SlaMetric.FIRST_RESPONSE)).isEqualTo(preset.target("P2", SlaMetric.FIRST_RESPONSE));
        assertThat(policy.target("minor", SlaMetric.FIRST_RESPONSE)).isEqualTo(preset.target("P4", SlaMetric.FIRST_RESPONSE));
        assertThat(policy.target("critical", SlaMetric.ESCALATION)).contains(SlaTarget.calendarHours(24));
        assertThat(policy.target("high", SlaMetric.RESOLUTION)).isEmpty();

        SlaConfigurationException threeLevels = catchThrowableOfType(SlaConfigurationException.class, () ->
                SlaPolicySettings.policy(custom, new TenantConfiguration.SlaPolicy("URGENT_NORMAL_LOW", null, null)));
        assertThat(threeLevels.code()).isEqualTo("SLA_PRESET_UNKNOWN");
        assertThat(threeLevels.field()).isEqualTo("sla.preset");
    }

    @Test
    void a_calendar_change_is_a_new_version_and_a_clock_started_before_keeps_its_version() {
        configure(BERLIN, TenantConfiguration.defaults(PriorityScheme.P0_P2));
        WorkingCalendar before = settings.calendar("east");
        // a P2 resolution in 16 working hours, started Thursday 2026-12-31 16:00 in Berlin
        SlaPolicy policy = new SlaPolicy("own", Map.of("P2", Map.of(SlaMetric.RESOLUTION, SlaTarget.workingHours(16))), 80);
        Instant start = Instant.parse("2026-12-31T15:00:00Z");
        var started = SlaClock.start("t-1", "RESOLUTION#1", SlaMetric.RESOLUTION, "P2", policy, before, start);
        assertThat(started.calendarVersion()).isEqualTo("weekdays-1");

        configure(BERLIN, with(PriorityScheme.P0_P2, null, new BusinessCalendar(List.of(
                berlinVersion("berlin-2027", LocalDate.of(2027, 1, 1), "08:00-12:00")))));
        WorkingCalendar after = settings.calendar("east");
        assertThat(after.versions()).extracting(CalendarVersion::id).containsExactly("weekdays-1", "berlin-2027");
        assertThat(after.versionAt(start).id()).isEqualTo("weekdays-1");
        CalendarVersion v2 = after.versionAt(Instant.parse("2027-01-04T08:00:00Z"));
        assertThat(v2.id()).isEqualTo("berlin-2027");
        assertThat(v2.hoursOn(LocalDate.of(2027, 1, 6))).isEmpty(); // holiday
        assertThat(v2.hoursOn(LocalDate.of(2027, 1, 8))).isEmpty(); // Friday: no hours in this version
        assertThat(v2.hoursOn(LocalDate.of(2027, 1, 9))).containsExactly(WorkingInterval.parse("08:00-12:00")); // make-up

        // the open clock keeps the due time computed with weekdays-1 (its facts name it) ...
        SlaClock replayed = SlaClock.replay(List.of(started), after);
        Instant now = Instant.parse("2027-01-04T09:00:00Z");
        assertThat(replayed.status(now).dueAt()).isEqualTo(started.dueAt())
                .isEqualTo(SlaClock.replay(List.of(started), before).status(now).dueAt());
        assertThat(replayed.status(now).calendarVersions()).containsExactly("weekdays-1");
        // ... and a clock started now counts with the new version
        var later = SlaClock.start("t-2", "RESOLUTION#1", SlaMetric.RESOLUTION, "P2", policy, after, now);
        assertThat(later.calendarVersion()).isEqualTo("berlin-2027");
        // Mon 10:00-12:00 (2 h), Tue 4 h, Wed holiday, Thu 4 h, Sat make-up 4 h, Mon 2 h more: Mon 2027-01-11 10:00
        assertThat(later.dueAt()).isEqualTo(Instant.parse("2027-01-11T09:00:00Z"));
    }

    @Test
    void the_chinese_official_preset_as_a_version_with_own_days_on_top() {
        configure(BERLIN, with(PriorityScheme.URGENT_NORMAL_LOW, null, new BusinessCalendar(List.of(
                new CalendarVersionSetting("cn-2026", LocalDate.of(2026, 12, 7), "cn-official", null, null, null,
                        List.of(LocalDate.of(2026, 12, 8)), List.of(), List.of(2026))))));
        WorkingCalendar calendar = settings.calendar("east");
        CalendarVersion cn = calendar.latest();
        assertThat(calendar.versions()).extracting(CalendarVersion::id).containsExactly("weekdays-1", "cn-2026");
        assertThat(cn.zone()).isEqualTo(ChineseOfficialCalendar.ZONE);
        assertThat(cn.officialYears()).containsExactly(2026);
        assertThat(cn.isWorkingDay(LocalDate.of(2026, 12, 8))).isFalse(); // own holiday
        assertThat(cn.isWorkingDay(LocalDate.of(2026, 10, 10))).isTrue(); // official make-up Saturday
        assertThat(cn.hoursOn(LocalDate.of(2026, 12, 9))).containsExactly(WorkingInterval.parse("09:00-12:00"),
                WorkingInterval.parse("13:30-18:00"));
        assertThat(calendar.missingOfficialYears(LocalDate.of(2026, 12, 2))).containsExactly(2027);
    }
}
