package com.aftersales.ticket;

import static com.aftersales.ticket.TicketFixtures.ID;
import static com.aftersales.ticket.TicketFixtures.NOW;
import static com.aftersales.ticket.TicketFixtures.caller;
import static com.aftersales.ticket.TicketFixtures.callerAs;
import static com.aftersales.ticket.TicketFixtures.opened;
import static com.aftersales.ticket.TicketFixtures.refusal;
import static com.aftersales.ticket.TicketHandlingTest.TECH;
import static com.aftersales.ticket.TicketHandlingTest.inProgress;
import static com.aftersales.ticket.TicketHandlingTest.plan;
import static com.aftersales.ticket.TicketHandlingTest.resolved;
import static com.aftersales.ticket.TicketHandlingTest.with;

import com.aftersales.infra.tenancy.TenantDirectory;
import com.aftersales.infra.tenancy.TenantEntry;
import com.aftersales.infra.tenancy.TenantProperties;
import com.aftersales.refusal.RefusalCode;
import com.aftersales.ticket.HandlingCommands.AcceptResolution;
import com.aftersales.ticket.HandlingCommands.ApprovePlan;
import com.aftersales.ticket.HandlingCommands.Direction;
import com.aftersales.ticket.HandlingCommands.EscalateTicket;
import com.aftersales.ticket.HandlingCommands.EscalationLevel;
import com.aftersales.ticket.HandlingCommands.LogContact;
import com.aftersales.ticket.HandlingCommands.RejectPlan;
import com.aftersales.ticket.HandlingCommands.SetProgress;
import com.aftersales.ticket.LifecycleCommands.AssignTicket;
import com.aftersales.ticket.LifecycleCommands.MarkTicket;
import com.aftersales.ticket.LifecycleCommands.ReassignTicket;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

/**
 * A suspended tenant's tickets take no command, whichever handler it reaches (issue 11): each command
 * below is first accepted for the active tenant, so the refusal is the suspension's and nothing else's.
 */
class TicketSuspendedTenantTest {

    record Case(String name, Object[] given, Object command, MetaData caller) {
    }

    static final List<Case> CASES = List.of(
            new Case("assign", new Object[] {opened()}, new AssignTicket(ID, null, "technical", "wang-tech"), caller("acme", "AGENT")),
            new Case("reassign", inProgress("low"), new ReassignTicket(ID, null, "technical", "zhao", "load"), caller("acme", "SUPERVISOR")),
            new Case("mark", new Object[] {opened()}, new MarkTicket(ID, null, Set.of(Mark.VIP)), caller("acme", "AGENT")),
            new Case("approve plan", with(inProgress("normal"), plan("SUPERVISOR")), new ApprovePlan(ID, null), callerAs("acme", "sup", "SUPERVISOR")),
            new Case("reject plan", with(inProgress("normal"), plan("SUPERVISOR")), new RejectPlan(ID, null, "too expensive"), callerAs("acme", "sup", "SUPERVISOR")),
            new Case("set progress", inProgress("urgent"), new SetProgress(ID, null, "parts-procurement"), callerAs("acme", TECH, "HANDLER")),
            new Case("log contact", inProgress("urgent"), new LogContact(ID, null, Channel.PHONE, Direction.OUTBOUND, "call"), callerAs("acme", TECH, "HANDLER")),
            new Case("escalate", inProgress("urgent"), new EscalateTicket(ID, null, EscalationLevel.MANAGER, "overdue"), caller("acme", "AGENT")),
            new Case("accept resolution", resolved(), new AcceptResolution(ID, null, "works"), caller("acme", "AGENT")));

    final TenantDirectory tenants = directory();
    final FixtureConfiguration<Ticket> fixture = fixture(tenants);

    @Test
    void every_command_on_a_suspended_tenants_ticket_is_refused_with_tenant_suspended() {
        for (Case c : CASES) {
            fixture.given(c.given()).when(c.command(), c.caller()).expectSuccessfulHandlerExecution();
        }
        suspend("acme");
        for (Case c : CASES) {
            fixture.given(c.given()).when(c.command(), c.caller())
                    .expectException(refusal(RefusalCode.TENANT_SUSPENDED)).expectNoEvents();
        }
    }

    /** The suspension of the ticket's tenant is not told to another tenant: its ticket stays a missing one. */
    @Test
    void another_tenant_still_learns_nothing_about_a_suspended_tenants_ticket() {
        suspend("acme");
        fixture.given(opened()).when(new AssignTicket(ID, null, "technical", "x"), caller("nimbus", "AGENT"))
                .expectException(refusal(RefusalCode.TICKET_NOT_FOUND)).expectNoEvents();
    }

    @Test
    void a_reactivated_tenants_ticket_takes_commands_again() {
        suspend("acme");
        TenantEntry suspended = entry("acme", true);
        tenants.update(new TenantEntry("acme", suspended.version() + 1, suspended.profile(), suspended.configuration(),
                suspended.configurationVersion(), null, false));
        fixture.given(opened()).when(new AssignTicket(ID, null, "technical", "wang-tech"), caller("acme", "AGENT"))
                .expectSuccessfulHandlerExecution();
    }

    private void suspend(String tenant) {
        tenants.update(entry(tenant, true));
    }

    private TenantEntry entry(String tenant, boolean suspended) {
        TenantEntry current = TenantEntry.configured(tenant, properties().getTenants().get(tenant));
        return new TenantEntry(tenant, 2, current.profile(), current.configuration(), current.configurationVersion(),
                null, suspended);
    }

    private static TenantProperties properties() {
        TenantProperties properties = new TenantProperties();
        TenantProperties.Tenant acme = new TenantProperties.Tenant();
        acme.setTimeZone(ZoneId.of("Asia/Shanghai"));
        properties.setTenants(Map.of("acme", acme, "nimbus", new TenantProperties.Tenant()));
        return properties;
    }

    private static TenantDirectory directory() {
        return new TenantDirectory(properties());
    }

    private static FixtureConfiguration<Ticket> fixture(TenantDirectory tenants) {
        FixtureConfiguration<Ticket> fixture = new AggregateTestFixture<>(Ticket.class);
        fixture.registerInjectableResource(tenants);
        fixture.registerInjectableResource(new TicketTest.RecordingNumbers());
        fixture.registerInjectableResource(new Routing((tenant, department) -> 0, (tenant, staff) -> 0));
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource(TicketFixtures.noSlaClocks());
        fixture.registerInjectableResource(new Marking(new InMemoryMarkKeys()));
        fixture.registerInjectableResource(new InMemorySubjectKeys());
        return fixture;
    }
}
