package com.aftersales.ticket;

import static com.aftersales.ticket.TicketFixtures.ID;
import static com.aftersales.ticket.TicketFixtures.NOW;
import static com.aftersales.ticket.TicketFixtures.caller;

import com.aftersales.infra.tenancy.PriorityScheme;
import com.aftersales.infra.tenancy.Role;
import com.aftersales.infra.tenancy.TenantConfiguration;
import com.aftersales.infra.tenancy.TenantConfiguration.Department;
import com.aftersales.infra.tenancy.TenantConfiguration.Pick;
import com.aftersales.infra.tenancy.TenantConfiguration.RoutingRule;
import com.aftersales.infra.tenancy.TenantConfiguration.StaffMember;
import com.aftersales.infra.tenancy.TenantDirectory;
import com.aftersales.infra.tenancy.TenantEntry;
import com.aftersales.infra.tenancy.TenantProfile;
import com.aftersales.infra.tenancy.TenantProperties;
import com.aftersales.ticket.LifecycleCommands.ClassifyTicket;
import com.aftersales.ticket.LifecycleEvents.TicketAssigned;
import com.aftersales.ticket.LifecycleEvents.TicketClassified;
import com.aftersales.ticket.LifecycleEvents.TicketRouted;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Routing on classification by the tenant's rules (SPEC §4): the department, and where the rule says
 * so a person by round robin or least open tickets; seniors only for the two highest levels; the
 * reason on the event.
 */
class TicketRoutingTest {

    static final long CONFIGURATION = 4;
    static final TenantConfiguration RULES = new TenantConfiguration(
            List.of("repair", "inquiry", "complaint", "other"), List.of("complaint"), PriorityScheme.URGENT_NORMAL_LOW, 30,
            List.of(new Department("technical", "技术部", "Technical"), new Department("service", "客服部", "Service"),
                    new Department("complaints", "客诉处理组", "Complaints")),
            List.of(new StaffMember("li", "李工", "technical", Set.of(Role.HANDLER), false),
                    new StaffMember("wang", "王工", "technical", Set.of(Role.HANDLER, Role.SENIOR), true),
                    new StaffMember("zhao", "赵工", "technical", Set.of(Role.HANDLER), false),
                    new StaffMember("qian", "钱", "technical", Set.of(Role.AGENT), false),
                    new StaffMember("sun", "孙", "service", Set.of(Role.HANDLER), false),
                    new StaffMember("zhou", "周", "service", Set.of(Role.HANDLER), false)),
            List.of(new RoutingRule("repair", "technical", Pick.ROUND_ROBIN),
                    new RoutingRule("inquiry", "service", Pick.LEAST_OPEN_TICKETS),
                    new RoutingRule("complaint", "complaints", Pick.DEPARTMENT_ONLY)),
            null, null, null, null);

    final Map<String, AtomicLong> turns = new ConcurrentHashMap<>();
    final Map<String, Long> open = Map.of("sun", 3L, "zhou", 1L, "li", 0L, "wang", 0L, "zhao", 0L);
    final List<String> counted = new java.util.concurrent.CopyOnWriteArrayList<>();
    FixtureConfiguration<Ticket> fixture;
    TenantDirectory tenants;

    @BeforeEach
    void setUp() {
        tenants = TenantDirectory.fedByEvents(new TenantProperties());
        tenants.update(new TenantEntry("acme", 7, new TenantProfile("顶峰", "ACME", ZoneId.of("Asia/Shanghai"), "", 3),
                RULES, CONFIGURATION, null, false));
        fixture = new AggregateTestFixture<>(Ticket.class);
        fixture.registerInjectableResource(tenants);
        fixture.registerInjectableResource(TicketFixtures.noSlaClocks());
        fixture.registerInjectableResource(new Routing(
                (tenant, department) -> turns.computeIfAbsent(tenant + "/" + department, key -> new AtomicLong()).getAndIncrement(),
                (tenant, staff) -> {
                    counted.add(staff);
                    return open.getOrDefault(staff, 0L);
                }));
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource(new Marking(new InMemoryMarkKeys()));
        fixture.registerInjectableResource(new InMemorySubjectKeys());
    }

    static TicketClassified classified(String type, String priority) {
        return new TicketClassified(ID, type, priority, null, "li-agent", NOW, CONFIGURATION);
    }

    static TicketRouted routed(String department, String assignee, String reason) {
        return new TicketRouted(ID, department, assignee, reason, CONFIGURATION, NOW);
    }

    @Test
    void round_robin_takes_the_eligible_handlers_in_turn_leaving_out_staff_who_cannot_lead() {
        for (String expected : List.of("li", "wang", "zhao", "li")) {
            long turn = turns.getOrDefault("acme/technical/all", new AtomicLong()).get();
            fixture.given(TicketFixtures.openedWithoutPriority())
                    .when(new ClassifyTicket(ID, null, "repair", "low", null), caller("acme", "AGENT"))
                    .expectEvents(classified("repair", "low"), routed("technical", expected,
                            "rule repair -> technical, round robin among [li, wang, zhao]: turn " + turn + " -> " + expected));
        }
    }

    @Test
    void the_two_highest_levels_go_to_seniors_only() {
        fixture.given(TicketFixtures.openedWithoutPriority())
                .when(new ClassifyTicket(ID, null, "repair", "urgent", null), caller("acme", "AGENT"))
                .expectEvents(classified("repair", "urgent"), routed("technical", "wang",
                        "rule repair -> technical, round robin seniors (priority urgent is one of the top two) among [wang]: turn 0 -> wang"));
        fixture.given(TicketFixtures.openedWithoutPriority())
                .when(new ClassifyTicket(ID, null, "repair", "normal", null), caller("acme", "AGENT"))
                .expectEvents(classified("repair", "normal"), routed("technical", "wang",
                        "rule repair -> technical, round robin seniors (priority normal is one of the top two) among [wang]: turn 1 -> wang"));
    }

    @Test
    void least_open_tickets_picks_the_handler_with_fewest() {
        fixture.given(TicketFixtures.openedWithoutPriority())
                .when(new ClassifyTicket(ID, null, "inquiry", "low", null), caller("acme", "AGENT"))
                .expectEvents(classified("inquiry", "low"), routed("service", "zhou",
                        "rule inquiry -> service, least open tickets among [sun, zhou]: zhou with 1 open"));
    }

    @Test
    void without_an_eligible_senior_the_ticket_goes_to_the_department_only() {
        fixture.given(TicketFixtures.openedWithoutPriority())
                .when(new ClassifyTicket(ID, null, "inquiry", "urgent", null), caller("acme", "AGENT"))
                .expectEvents(classified("inquiry", "urgent"), routed("service", null,
                        "rule inquiry -> service, LEAST_OPEN_TICKETS: nobody eligible, no senior in the department; department only"));
    }

    @Test
    void a_department_only_rule_routes_to_the_department_and_picks_nobody() {
        fixture.given(TicketFixtures.openedWithoutPriority())
                .when(new ClassifyTicket(ID, null, "complaint", "low", null), caller("acme", "AGENT"))
                .expectEvents(classified("complaint", "low"), routed("complaints", null, "rule complaint -> complaints: department only"));
    }

    @Test
    void no_rule_for_the_type_or_a_ticket_routed_or_assigned_before_is_not_routed() {
        fixture.given(TicketFixtures.openedWithoutPriority())
                .when(new ClassifyTicket(ID, null, "other", "low", null), caller("acme", "AGENT"))
                .expectEvents(classified("other", "low"));
        fixture.given(TicketFixtures.openedWithoutPriority(), routed("complaints", null, "earlier"))
                .when(new ClassifyTicket(ID, null, "repair", "low", null), caller("acme", "AGENT"))
                .expectEvents(classified("repair", "low"));
        fixture.given(TicketFixtures.openedWithoutPriority(), new TicketAssigned(ID, "technical", "li", "li-agent", NOW))
                .when(new ClassifyTicket(ID, null, "repair", "low", null), caller("acme", "SUPERVISOR"))
                .expectEvents(classified("repair", "low"));
    }

    /** Sharing one counter, a senior's turn would make everyone's pool skip a person, and the other way round. */
    @Test
    void seniors_and_everyone_take_round_robin_turns_apart() {
        fixture.given(TicketFixtures.openedWithoutPriority())
                .when(new ClassifyTicket(ID, null, "repair", "urgent", null), caller("acme", "AGENT"))
                .expectEvents(classified("repair", "urgent"), routed("technical", "wang",
                        "rule repair -> technical, round robin seniors (priority urgent is one of the top two) among [wang]: turn 0 -> wang"));
        fixture.given(TicketFixtures.openedWithoutPriority())
                .when(new ClassifyTicket(ID, null, "repair", "low", null), caller("acme", "AGENT"))
                .expectEvents(classified("repair", "low"), routed("technical", "li",
                        "rule repair -> technical, round robin among [li, wang, zhao]: turn 0 -> li"));
        org.assertj.core.api.Assertions.assertThat(turns).containsOnlyKeys("acme/technical/seniors", "acme/technical/all");
    }

    /** Counted once: N members cost N look-ups, and the reason names the count the pick was made on. */
    @Test
    void least_open_tickets_counts_each_eligible_member_once() {
        fixture.given(TicketFixtures.openedWithoutPriority())
                .when(new ClassifyTicket(ID, null, "inquiry", "low", null), caller("acme", "AGENT"))
                .expectEvents(classified("inquiry", "low"), routed("service", "zhou",
                        "rule inquiry -> service, least open tickets among [sun, zhou]: zhou with 1 open"));
        org.assertj.core.api.Assertions.assertThat(counted).containsExactlyInAnyOrder("sun", "zhou");
    }

    /** A type without its own rule takes the tenant's rule with no type (ticketType null). */
    @Test
    void a_type_without_its_own_rule_takes_the_any_type_rule() {
        List<RoutingRule> rules = new java.util.ArrayList<>(RULES.routing());
        rules.add(new RoutingRule(null, "service", Pick.DEPARTMENT_ONLY));
        TenantConfiguration withFallback = new TenantConfiguration(RULES.ticketTypes(), RULES.complaintTypes(),
                RULES.priorityScheme(), RULES.compensationCapPercent(), RULES.departments(), RULES.staff(), rules,
                null, null, null, null);
        tenants.update(new TenantEntry("acme", 8, new TenantProfile("顶峰", "ACME", ZoneId.of("Asia/Shanghai"), "", 3),
                withFallback, CONFIGURATION, null, false));
        fixture.given(TicketFixtures.openedWithoutPriority())
                .when(new ClassifyTicket(ID, null, "other", "low", null), caller("acme", "AGENT"))
                .expectEvents(classified("other", "low"), routed("service", null, "rule any type -> service: department only"));
        fixture.given(TicketFixtures.openedWithoutPriority()) // a type's own rule still comes first
                .when(new ClassifyTicket(ID, null, "complaint", "low", null), caller("acme", "AGENT"))
                .expectEvents(classified("complaint", "low"), routed("complaints", null, "rule complaint -> complaints: department only"));
    }
}
