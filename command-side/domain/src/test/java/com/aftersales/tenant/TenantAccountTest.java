package com.aftersales.tenant;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.hasProperty;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.is;

import com.aftersales.infra.tenancy.CallerMetaData;
import com.aftersales.infra.tenancy.IdentityProvider;
import com.aftersales.infra.tenancy.PriorityScheme;
import com.aftersales.infra.tenancy.Role;
import com.aftersales.infra.tenancy.TenantConfiguration;
import com.aftersales.infra.tenancy.TenantConfiguration.BatchRule;
import com.aftersales.infra.tenancy.TenantConfiguration.Department;
import com.aftersales.infra.tenancy.TenantConfiguration.MarkRules;
import com.aftersales.infra.tenancy.TenantConfiguration.Pick;
import com.aftersales.infra.tenancy.TenantConfiguration.RepeatRule;
import com.aftersales.infra.tenancy.TenantConfiguration.RoutingRule;
import com.aftersales.infra.tenancy.TenantConfiguration.StaffMember;
import com.aftersales.infra.tenancy.TenantProfile;
import com.aftersales.refusal.RefusedException;
import com.aftersales.tenant.TenantCommands.BindIdentityProvider;
import com.aftersales.tenant.TenantCommands.ConfigureTenant;
import com.aftersales.tenant.TenantCommands.ReactivateTenant;
import com.aftersales.tenant.TenantCommands.RegisterTenant;
import com.aftersales.tenant.TenantCommands.SuspendTenant;
import com.aftersales.tenant.TenantEvents.IdentityProviderBound;
import com.aftersales.tenant.TenantEvents.TenantConfigured;
import com.aftersales.tenant.TenantEvents.TenantReactivated;
import com.aftersales.tenant.TenantEvents.TenantRegistered;
import com.aftersales.tenant.TenantEvents.TenantSuspended;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every accepted and every refused command of the tenant aggregate. */
class TenantAccountTest {

    static final Instant NOW = Instant.parse("2024-05-20T01:30:00Z");
    static final TenantProfile PROFILE = new TenantProfile("华东家电", "East Appliances", ZoneId.of("Asia/Shanghai"), "EA", 4);
    static final TenantConfiguration DEFAULTS = TenantConfiguration.defaults(PriorityScheme.URGENT_NORMAL_LOW);
    static final IdentityProvider IDP = new IdentityProvider("https://login.east.example/", null, "aftersales-api",
            "groups", Map.of("support-desk", "AGENT"));

    FixtureConfiguration<TenantAccount> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(TenantAccount.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource(new com.aftersales.privacy.Retention(
                com.aftersales.privacy.RetentionProperties.defaults()));
    }

    static MetaData platform() {
        return CallerMetaData.of(null, "ops-1", "user", List.of(Role.PLATFORM_ADMIN.name()));
    }

    static MetaData tenantAdmin(String tenant) {
        return CallerMetaData.of(tenant, "east-admin", "user", List.of(Role.TENANT_ADMIN.name()));
    }

    static Matcher<Object> refusal(String code) {
        return allOf(instanceOf(RefusedException.class), hasProperty("message", is(code)));
    }

    Object[] registered() {
        return new Object[] {new TenantRegistered("east", PROFILE, "ops-1", NOW),
                new TenantConfigured("east", 1, DEFAULTS, "ops-1", NOW)};
    }

    static TenantConfiguration configured() {
        return new TenantConfiguration(List.of("repair", "complaint"), List.of("complaint"), PriorityScheme.P0_P2, 20,
                List.of(new Department("technical", "技术部", "Technical"), new Department("complaints", "客诉处理组", "Complaints")),
                List.of(new StaffMember("wang", "王工", "technical", Set.of(Role.HANDLER, Role.SENIOR), true)),
                List.of(new RoutingRule("repair", "technical", Pick.ROUND_ROBIN), new RoutingRule("complaint", "complaints", null)),
                new MarkRules(new RepeatRule(Duration.ofDays(30)), new BatchRule(Duration.ofDays(7), 3, "P1")),
                null, null, null);
    }

    @Test
    void a_platform_admin_registers_a_tenant_with_the_presets_as_its_first_configuration() {
        fixture.givenNoPriorActivity()
                .when(new RegisterTenant("east", PROFILE, null), platform())
                .expectSuccessfulHandlerExecution()
                .expectEvents(registered())
                .expectResultMessagePayload(1L);
    }

    @Test
    void registration_needs_a_platform_admin_a_valid_id_a_profile_and_a_valid_configuration() {
        fixture.givenNoPriorActivity().when(new RegisterTenant("east", PROFILE, null), tenantAdmin("east"))
                .expectException(refusal("ROLE_NOT_ALLOWED")).expectNoEvents();
        fixture.givenNoPriorActivity().when(new RegisterTenant("East_1", PROFILE, null), platform())
                .expectException(refusal("TENANT_ID_INVALID")).expectNoEvents();
        fixture.givenNoPriorActivity().when(new RegisterTenant("east", new TenantProfile(" ", null, null, "", 4), null), platform())
                .expectException(refusal("TENANT_PROFILE_INVALID")).expectNoEvents();
        fixture.givenNoPriorActivity().when(new RegisterTenant("east", new TenantProfile("东", "E", null, "ea", 4), null), platform())
                .expectException(refusal("TENANT_PROFILE_INVALID")).expectNoEvents();
        fixture.givenNoPriorActivity().when(new RegisterTenant("east", PROFILE, new TenantConfiguration(List.of(),
                        List.of(), null, 30, null, null, null, null, null, null, null)), platform())
                .expectException(refusal("TENANT_CONFIGURATION_INVALID")).expectNoEvents();
    }

    @Test
    void a_platform_admin_binds_an_identity_provider_and_back_to_the_shared_one() {
        fixture.given(registered()).when(new BindIdentityProvider("east", IDP), platform())
                .expectEvents(new IdentityProviderBound("east", IDP, "ops-1", NOW)).expectResultMessagePayload(2L);
        fixture.given(registered()).when(new BindIdentityProvider("east", null), platform())
                .expectEvents(new IdentityProviderBound("east", null, "ops-1", NOW));
    }

    @Test
    void binding_needs_a_platform_admin_and_a_usable_provider() {
        fixture.given(registered()).when(new BindIdentityProvider("east", IDP), tenantAdmin("east"))
                .expectException(refusal("ROLE_NOT_ALLOWED")).expectNoEvents();
        fixture.given(registered()).when(new BindIdentityProvider("east", new IdentityProvider("ftp://x", null,
                        "aftersales-api", null, null)), platform())
                .expectException(refusal("IDENTITY_PROVIDER_INVALID")).expectNoEvents();
        fixture.given(registered()).when(new BindIdentityProvider("east", new IdentityProvider("https://idp.example/",
                        null, "aftersales-api", null, Map.of("root", "PLATFORM_ADMIN"))), platform())
                .expectException(refusal("IDENTITY_PROVIDER_INVALID")).expectNoEvents();
    }

    @Test
    void a_platform_admin_suspends_and_reactivates() {
        fixture.given(registered()).when(new SuspendTenant("east", "unpaid invoice"), platform())
                .expectEvents(new TenantSuspended("east", "unpaid invoice", "ops-1", NOW)).expectResultMessagePayload(2L);
        fixture.given(registered()).andGiven(new TenantSuspended("east", "unpaid", "ops-1", NOW))
                .when(new ReactivateTenant("east"), platform())
                .expectEvents(new TenantReactivated("east", "ops-1", NOW)).expectResultMessagePayload(3L);
    }

    @Test
    void suspension_and_reactivation_are_refused_out_of_turn_without_a_reason_or_by_others() {
        fixture.given(registered()).andGiven(new TenantSuspended("east", "unpaid", "ops-1", NOW))
                .when(new SuspendTenant("east", "again"), platform())
                .expectException(refusal("TENANT_ALREADY_SUSPENDED")).expectNoEvents();
        fixture.given(registered()).when(new SuspendTenant("east", " "), platform())
                .expectException(refusal("REASON_REQUIRED")).expectNoEvents();
        fixture.given(registered()).when(new SuspendTenant("east", "x"), tenantAdmin("east"))
                .expectException(refusal("ROLE_NOT_ALLOWED")).expectNoEvents();
        fixture.given(registered()).when(new ReactivateTenant("east"), platform())
                .expectException(refusal("TENANT_NOT_SUSPENDED")).expectNoEvents();
        fixture.given(registered()).andGiven(new TenantSuspended("east", "unpaid", "ops-1", NOW))
                .when(new ReactivateTenant("east"), tenantAdmin("east"))
                .expectException(refusal("ROLE_NOT_ALLOWED")).expectNoEvents();
    }

    @Test
    void its_tenant_admin_configures_it_and_each_change_is_a_new_configuration_version_with_its_actor() {
        fixture.given(registered()).when(new ConfigureTenant("east", 1L, configured()), tenantAdmin("east"))
                .expectEvents(new TenantConfigured("east", 2, configured(), "east-admin", NOW))
                .expectResultMessagePayload(2L);
        fixture.given(registered()).andGiven(new TenantConfigured("east", 2, configured(), "east-admin", NOW))
                .when(new ConfigureTenant("east", null, DEFAULTS), tenantAdmin("east"))
                .expectEvents(new TenantConfigured("east", 3, DEFAULTS, "east-admin", NOW));
    }

    @Test
    void configuration_is_refused_to_other_tenants_other_roles_while_suspended_on_a_stale_version_or_when_invalid() {
        fixture.given(registered()).when(new ConfigureTenant("east", null, configured()), tenantAdmin("acme"))
                .expectException(refusal("TENANT_NOT_FOUND")).expectNoEvents();
        fixture.given(registered()).when(new ConfigureTenant("east", null, configured()), platform())
                .expectException(refusal("TENANT_NOT_FOUND")).expectNoEvents();
        fixture.given(registered()).when(new ConfigureTenant("east", null, configured()),
                        CallerMetaData.of("east", "li", "user", List.of("SUPERVISOR")))
                .expectException(refusal("ROLE_NOT_ALLOWED")).expectNoEvents();
        fixture.given(registered()).andGiven(new TenantSuspended("east", "unpaid", "ops-1", NOW))
                .when(new ConfigureTenant("east", null, configured()), tenantAdmin("east"))
                .expectException(refusal("TENANT_SUSPENDED")).expectNoEvents();
        fixture.given(registered()).when(new ConfigureTenant("east", 0L, configured()), tenantAdmin("east"))
                .expectException(refusal("VERSION_MISMATCH")).expectNoEvents();
        fixture.given(registered()).when(new ConfigureTenant("east", null, null), tenantAdmin("east"))
                .expectException(refusal("TENANT_CONFIGURATION_INVALID")).expectNoEvents();
    }

    @Test
    void each_invalid_section_is_refused_naming_its_field() {
        TenantConfiguration c = configured();
        for (TenantConfiguration invalid : List.of(
                with(c, List.of("Repair!"), c.complaintTypes(), c.compensationCapPercent(), c.staff(), c.routing(), c.marks()),
                with(c, c.ticketTypes(), List.of("refund"), c.compensationCapPercent(), c.staff(), c.routing(), c.marks()),
                with(c, c.ticketTypes(), c.complaintTypes(), 101, c.staff(), c.routing(), c.marks()),
                with(c, c.ticketTypes(), c.complaintTypes(), 30,
                        List.of(new StaffMember("li", "李", "sales", Set.of(Role.HANDLER), false)), c.routing(), c.marks()),
                with(c, c.ticketTypes(), c.complaintTypes(), 30, c.staff(),
                        List.of(new RoutingRule("repair", "nowhere", Pick.ROUND_ROBIN)), c.marks()),
                with(c, c.ticketTypes(), c.complaintTypes(), 30, c.staff(), c.routing(),
                        new MarkRules(new RepeatRule(Duration.ZERO), null)),
                with(c, c.ticketTypes(), c.complaintTypes(), 30, c.staff(), c.routing(),
                        new MarkRules(null, new BatchRule(Duration.ofDays(1), 1, null))),
                with(c, c.ticketTypes(), c.complaintTypes(), 30, c.staff(), c.routing(),
                        new MarkRules(null, new BatchRule(Duration.ofDays(1), 3, "urgent"))))) {
            fixture.given(registered()).when(new ConfigureTenant("east", null, invalid), tenantAdmin("east"))
                    .expectException(refusal("TENANT_CONFIGURATION_INVALID")).expectNoEvents();
        }
    }

    private static TenantConfiguration with(TenantConfiguration c, List<String> types, List<String> complaints, int cap,
                                            List<StaffMember> staff, List<RoutingRule> routing, MarkRules marks) {
        return new TenantConfiguration(types, complaints, c.priorityScheme(), cap, c.departments(), staff, routing, marks,
                c.sla(), c.calendar(), c.retention());
    }
}
