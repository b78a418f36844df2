package com.aftersales.ticket;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.hasProperty;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.is;

import com.aftersales.infra.tenancy.CallerMetaData;
import com.aftersales.infra.tenancy.PriorityScheme;
import com.aftersales.infra.tenancy.TenantDirectory;
import com.aftersales.infra.tenancy.TenantProperties;
import com.aftersales.refusal.RefusedException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Matcher;

/** Fixtures of the ticket aggregate with the two demo tenants and a fixed clock. */
final class TicketFixtures {

    static final Instant NOW = Instant.parse("2024-05-20T01:30:00Z"); // 09:30 in Shanghai
    static final String ID = "t-1";

    private TicketFixtures() {
    }

    static FixtureConfiguration<Ticket> fixture(TicketNumbers numbers) {
        return fixture(numbers, NOW, new InMemorySubjectKeys());
    }

    /** The fixture with its clock fixed at {@code now}. */
    static FixtureConfiguration<Ticket> fixture(TicketNumbers numbers, Instant now) {
        return fixture(numbers, now, new InMemorySubjectKeys());
    }

    static FixtureConfiguration<Ticket> fixture(TicketNumbers numbers, com.aftersales.infra.privacy.SubjectKeys subjects) {
        return fixture(numbers, NOW, subjects);
    }

    private static FixtureConfiguration<Ticket> fixture(TicketNumbers numbers, Instant now,
                                                        com.aftersales.infra.privacy.SubjectKeys subjects) {
        TenantProperties properties = new TenantProperties();
        TenantProperties.Tenant acme = new TenantProperties.Tenant();
        acme.setTimeZone(ZoneId.of("Asia/Shanghai"));
        TenantProperties.Tenant nimbus = new TenantProperties.Tenant();
        nimbus.setPriorityScheme(PriorityScheme.P0_P2);
        nimbus.setTicketTypes(java.util.List.of("repair", "product-fault", "complaint-rights", "other"));
        nimbus.setComplaintTypes(java.util.List.of("complaint-rights"));
        properties.setTenants(Map.of("acme", acme, "nimbus", nimbus));
        FixtureConfiguration<Ticket> fixture = new AggregateTestFixture<>(Ticket.class);
        TenantDirectory tenants = new TenantDirectory(properties);
        fixture.registerInjectableResource(tenants);
        fixture.registerInjectableResource(new com.aftersales.sla.TenantSlaSettings(tenants));
        fixture.registerInjectableResource(numbers);
        fixture.registerInjectableResource(new Routing((tenant, department) -> 0, (tenant, staff) -> 0));
        fixture.registerInjectableResource(new Marking(new InMemoryMarkKeys()));
        fixture.registerInjectableResource(Clock.fixed(now, ZoneOffset.UTC));
        fixture.registerInjectableResource(subjects);
        return fixture;
    }

    /** The SLA settings of the fixtures' tenants (acme: urgent/normal/low on the Chinese calendar). */
    static com.aftersales.sla.SlaSettings slaSettings() {
        TenantProperties properties = new TenantProperties();
        TenantProperties.Tenant acme = new TenantProperties.Tenant();
        acme.setTimeZone(ZoneId.of("Asia/Shanghai"));
        properties.setTenants(Map.of("acme", acme));
        return new com.aftersales.sla.TenantSlaSettings(new TenantDirectory(properties));
    }

    /** SLA settings whose policy has no levels: no clock starts, for tests about other rules. */
    static com.aftersales.sla.SlaSettings noSlaClocks() {
        com.aftersales.sla.SlaSettings calendars = slaSettings();
        return new com.aftersales.sla.SlaSettings() {
            @Override
            public com.aftersales.sla.SlaPolicy policy(String tenantId) {
                return new com.aftersales.sla.SlaPolicy("none", Map.of(), com.aftersales.sla.SlaPolicy.DEFAULT_WARNING_PERCENT);
            }

            @Override
            public com.aftersales.sla.WorkingCalendar calendar(String tenantId) {
                return calendars.calendar("acme");
            }
        };
    }

    /** The clock acme's ticket {@link #ID} starts at {@code at}, as the policy and calendar give it. */
    static com.aftersales.sla.SlaClockEvents.SlaClockStarted clockStarted(com.aftersales.sla.SlaMetric metric, int n,
                                                                          String priority, Instant at) {
        com.aftersales.sla.SlaSettings settings = slaSettings();
        return com.aftersales.sla.SlaClock.start(ID, metric + "#" + n, metric, priority, settings.policy("acme"),
                settings.calendar("acme"), at);
    }

    static MetaData callerAs(String tenant, String actor, String... roles) {
        return CallerMetaData.of(tenant, actor, "user", java.util.List.of(roles));
    }

    static MetaData caller(String tenant, String... roles) {
        return callerAs(tenant, "li-agent", roles);
    }

    static Matcher<Object> refusal(String code) {
        return allOf(instanceOf(RefusedException.class), hasProperty("message", is(code)));
    }

    /** Worked example 1 as registered without a priority. */
    static TicketOpened openedWithoutPriority() {
        Registration r = WorkedExamples.airConditionerRepair();
        return new TicketOpened(ID, "acme", "20240520001", new Registration(r.channel(), r.type(), null, r.customer(),
                r.product(), r.problem(), r.attachments(), r.expectedResolutionAt(), r.emotion()), "li-agent", NOW);
    }

    /** Worked example 1, registered at 09:30 by li-agent as urgent. */
    static TicketOpened opened() {
        return new TicketOpened(ID, "acme", "20240520001", WorkedExamples.airConditionerRepair(), "li-agent", NOW);
    }
}
