package com.aftersales.tenant;

import static com.aftersales.tenant.TenantAccountTest.PROFILE;
import static com.aftersales.tenant.TenantAccountTest.refusal;
import static com.aftersales.tenant.TenantAccountTest.tenantAdmin;
import static org.assertj.core.api.Assertions.assertThat;

import com.aftersales.infra.tenancy.PriorityScheme;
import com.aftersales.infra.tenancy.TenantConfiguration;
import com.aftersales.infra.tenancy.TenantConfiguration.BusinessCalendar;
import com.aftersales.infra.tenancy.TenantConfiguration.CalendarVersionSetting;
import com.aftersales.infra.tenancy.TenantConfiguration.SlaPolicy;
import com.aftersales.infra.tenancy.TenantConfiguration.TimeLimit;
import com.aftersales.refusal.RefusedException;
import com.aftersales.tenant.TenantCommands.ConfigureTenant;
import com.aftersales.tenant.TenantEvents.TenantConfigured;
import com.aftersales.tenant.TenantEvents.TenantRegistered;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The SLA policy and calendar sections of a tenant's configuration: accepted and refused changes. */
class TenantSlaSectionsTest {

    static final Instant NOW = Instant.parse("2026-12-02T01:30:00Z"); // Wednesday 09:30 in Shanghai
    static final TenantConfiguration DEFAULTS = TenantConfiguration.defaults(PriorityScheme.URGENT_NORMAL_LOW);

    FixtureConfiguration<TenantAccount> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(TenantAccount.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource(new com.aftersales.privacy.Retention(
                com.aftersales.privacy.RetentionProperties.defaults()));
    }

    static CalendarVersionSetting berlin(String id, LocalDate from, String... hours) {
        return new CalendarVersionSetting(id, from, null, "Europe/Berlin",
                Map.of(DayOfWeek.MONDAY, List.of(hours), DayOfWeek.TUESDAY, List.of(hours)), null,
                List.of(LocalDate.of(2026, 12, 25)), List.of(), List.of());
    }

    static TenantConfiguration with(SlaPolicy sla, BusinessCalendar calendar) {
        TenantConfiguration d = DEFAULTS;
        return new TenantConfiguration(d.ticketTypes(), d.complaintTypes(), d.priorityScheme(), d.compensationCapPercent(),
                d.departments(), d.staff(), d.routing(), d.marks(), sla, calendar, d.retention());
    }

    static SlaPolicy urgentInTwoHours() {
        return new SlaPolicy(null, 75, Map.of("urgent", Map.of(
                "FIRST_RESPONSE", new TimeLimit(null, Duration.ofHours(2)),
                "RESOLUTION", new TimeLimit(TimeLimit.Basis.WORKING_TIME, Duration.ofHours(16)))));
    }

    Object[] registered(TenantConfiguration configuration) {
        return new Object[] {new TenantRegistered("east", PROFILE, "ops-1", NOW),
                new TenantConfigured("east", 1, configuration, "ops-1", NOW)};
    }

    @Test
    void a_tenant_admin_sets_its_own_targets_and_a_new_calendar_version_from_today_on() {
        TenantConfiguration own = with(urgentInTwoHours(),
                new BusinessCalendar(List.of(berlin("berlin-1", LocalDate.of(2026, 12, 2), "09:00-17:00"))));
        fixture.given(registered(DEFAULTS))
                .when(new ConfigureTenant("east", null, own), tenantAdmin("east"))
                .expectEvents(new TenantConfigured("east", 2, own, "east-admin", NOW));
    }

    @Test
    void a_version_in_force_stays_as_it_is_a_future_one_may_change_and_a_new_one_starts_today_or_later() {
        CalendarVersionSetting inForce = berlin("berlin-1", LocalDate.of(2026, 6, 1), "09:00-17:00");
        CalendarVersionSetting future = berlin("berlin-2", LocalDate.of(2027, 1, 1), "09:00-17:00");
        TenantConfiguration before = with(null, new BusinessCalendar(List.of(inForce, future)));
        Object[] given = registered(before);

        TenantConfiguration futureChanged = with(null, new BusinessCalendar(List.of(inForce,
                berlin("berlin-2", LocalDate.of(2027, 1, 4), "08:00-16:00"))));
        fixture.given(given).when(new ConfigureTenant("east", null, futureChanged), tenantAdmin("east"))
                .expectEvents(new TenantConfigured("east", 2, futureChanged, "east-admin", NOW));

        TenantConfiguration rewritten = with(null, new BusinessCalendar(List.of(
                berlin("berlin-1", LocalDate.of(2026, 6, 1), "10:00-17:00"), future)));
        refused(given, rewritten, "CALENDAR_HISTORY_CHANGED", "calendar.versions", "berlin-1");
        refused(given, with(null, new BusinessCalendar(List.of(future))), "CALENDAR_HISTORY_CHANGED",
                "calendar.versions", "berlin-1");
        TenantConfiguration backdated = with(null, new BusinessCalendar(List.of(inForce,
                berlin("berlin-1b", LocalDate.of(2026, 12, 1), "09:00-17:00"), future)));
        refused(given, backdated, "CALENDAR_VERSION_BACKDATED", "calendar.versions[1].effectiveFrom", "berlin-1b");
    }

    @Test
    void each_invalid_sla_or_calendar_value_is_refused_with_its_code_field_and_value() {
        Object[] given = registered(DEFAULTS);
        TimeLimit hour = new TimeLimit(null, Duration.ofHours(1));
        refused(given, with(new SlaPolicy("P9", null, null), null), "SLA_PRESET_UNKNOWN", "sla.preset", "P9");
        refused(given, with(new SlaPolicy("P1_P4", null, null), null), "SLA_PRESET_UNKNOWN", "sla.preset", "P1_P4");
        refused(given, with(new SlaPolicy(null, null, Map.of("P0", Map.of("FIRST_RESPONSE", hour))), null),
                "SLA_LEVEL_UNKNOWN", "sla.levels", "P0");
        refused(given, with(new SlaPolicy(null, null, Map.of("low", Map.of("FIRST_REPLY", hour))), null),
                "SLA_METRIC_UNKNOWN", "sla.levels.low", "FIRST_REPLY");
        for (TimeLimit bad : List.of(new TimeLimit(null, Duration.ZERO), new TimeLimit(null, Duration.ofDays(400)),
                new TimeLimit(TimeLimit.Basis.WORKING_DAYS, Duration.ofHours(36)), new TimeLimit(null, null))) {
            refused(given, with(new SlaPolicy(null, null, Map.of("low", Map.of("RESOLUTION", bad))), null),
                    "SLA_TARGET_INVALID", "sla.levels.low.RESOLUTION", null);
        }
        refused(given, with(new SlaPolicy(null, 0, null), null), "SLA_WARNING_PERCENT_INVALID", "sla.warningPercent", "0");
        LocalDate from = LocalDate.of(2027, 1, 1);
        refused(given, calendar(new CalendarVersionSetting("x-1", from, "us-federal", null, null, null, null, null, null)),
                "CALENDAR_PRESET_UNKNOWN", "calendar.versions[0].preset", "us-federal");
        refused(given, calendar(berlin("cn-1", from, "09:00-17:00")), "CALENDAR_VERSION_INVALID",
                "calendar.versions[0].id", "cn-1");
        refused(given, calendar(new CalendarVersionSetting("x-1", from, null, "Mars/Olympus",
                        Map.of(DayOfWeek.MONDAY, List.of("09:00-17:00")), null, null, null, null)),
                "CALENDAR_VERSION_INVALID", "calendar.versions[0].timeZone", "Mars/Olympus");
        refused(given, calendar(berlin("x-1", from, "09:00-17:00", "12:00-13:00")), "CALENDAR_VERSION_INVALID",
                "calendar.versions[0].workingHours.MONDAY", null);
        refused(given, calendar(berlin("x-1", from, "9 to 5")), "CALENDAR_VERSION_INVALID",
                "calendar.versions[0].workingHours.MONDAY", "9 to 5");
        refused(given, calendar(new CalendarVersionSetting("x-1", from, "cn-official", null, null, null, null, null,
                List.of(2030))), "CALENDAR_VERSION_INVALID", "calendar.versions[0].officialYears", "2030");
        refused(given, new TenantConfiguration(DEFAULTS.ticketTypes(), DEFAULTS.complaintTypes(), DEFAULTS.priorityScheme(),
                30, List.of(), List.of(), List.of(), null, null, new BusinessCalendar(List.of(berlin("x-2", from.plusDays(9),
                "09:00-17:00"), berlin("x-1", from, "09:00-17:00"))), null),
                "CALENDAR_VERSIONS_OUT_OF_ORDER", "calendar.versions[1].effectiveFrom", "x-1");
    }

    static TenantConfiguration calendar(CalendarVersionSetting version) {
        return with(null, new BusinessCalendar(List.of(version)));
    }

    private void refused(Object[] given, TenantConfiguration configuration, String code, String field, String value) {
        fixture.given(given).when(new ConfigureTenant("east", null, configuration), tenantAdmin("east"))
                .expectException(refusal(code)).expectNoEvents()
                .expectException(new org.hamcrest.CustomTypeSafeMatcher<RefusedException>(
                        "refused with " + arguments(field, value)) {
                    @Override
                    protected boolean matchesSafely(RefusedException refused) {
                        return refused.refusal().arguments().equals(arguments(field, value));
                    }
                });
    }

    private static Map<String, Object> arguments(String field, String value) {
        Map<String, Object> arguments = new java.util.LinkedHashMap<>();
        arguments.put("field", field);
        if (value != null) {
            arguments.put("value", value);
        }
        return arguments;
    }

    @Test
    void the_sections_write_and_read_back_unchanged_with_unknown_properties_refused() throws Exception {
        var strict = new com.fasterxml.jackson.databind.ObjectMapper()
                .registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule());
        TenantConfiguration own = with(urgentInTwoHours(), new BusinessCalendar(List.of(
                berlin("berlin-1", LocalDate.of(2026, 12, 2), "09:00-12:00", "13:00-17:00"),
                new CalendarVersionSetting("cn-2027", LocalDate.of(2027, 1, 1), "cn-official", null, null,
                        List.of("09:00-12:00"), List.of(), List.of(), List.of(2026)))));
        assertThat(strict.readValue(strict.writeValueAsString(own), TenantConfiguration.class)).isEqualTo(own);
        assertThat(strict.readValue(strict.writeValueAsString(DEFAULTS), TenantConfiguration.class)).isEqualTo(DEFAULTS);
    }

    @Test
    void the_revision_1_placeholders_read_into_the_new_sections() throws Exception {
        var json = new com.fasterxml.jackson.databind.ObjectMapper().findAndRegisterModules();
        SlaPolicy sla = json.readValue("{\"targets\":[{\"priority\":\"urgent\",\"respondWithin\":\"PT2H\","
                + "\"resolveWithin\":86400.0},{\"priority\":\"low\",\"respondWithin\":\"PT0S\"},"
                + "{\"priority\":\"normal\",\"resolveWithin\":\"P400D\"}]}", SlaPolicy.class);
        assertThat(sla).isEqualTo(new SlaPolicy(null, null, Map.of("urgent", Map.of(
                "FIRST_RESPONSE", new TimeLimit(TimeLimit.Basis.CALENDAR, Duration.ofHours(2)),
                "RESOLUTION", new TimeLimit(TimeLimit.Basis.CALENDAR, Duration.ofHours(24))))));
        assertThat(json.readValue("{\"targets\":[]}", SlaPolicy.class).isEmpty()).isTrue();
        assertThat(json.readValue("{\"workingDays\":[\"MONDAY\",\"TUESDAY\"],\"holidays\":[\"2025-01-01\"]}",
                BusinessCalendar.class)).isEqualTo(BusinessCalendar.DEFAULT);
    }
}
