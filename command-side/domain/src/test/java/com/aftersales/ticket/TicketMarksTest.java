package com.aftersales.ticket;

import static com.aftersales.ticket.TicketFixtures.NOW;
import static com.aftersales.ticket.TicketFixtures.callerAs;
import static com.aftersales.ticket.TicketFixtures.refusal;

import com.aftersales.infra.tenancy.PriorityScheme;
import com.aftersales.infra.tenancy.TenantConfiguration;
import com.aftersales.infra.tenancy.TenantConfiguration.BatchRule;
import com.aftersales.infra.tenancy.TenantConfiguration.MarkRules;
import com.aftersales.infra.tenancy.TenantConfiguration.RepeatRule;
import com.aftersales.infra.tenancy.TenantDirectory;
import com.aftersales.infra.tenancy.TenantEntry;
import com.aftersales.infra.tenancy.TenantProfile;
import com.aftersales.infra.tenancy.TenantProperties;
import com.aftersales.refusal.RefusalCode;
import com.aftersales.ticket.HandlingEvents.TicketArchived;
import com.aftersales.ticket.HandlingEvents.TicketResolved;
import com.aftersales.ticket.LifecycleCommands.LinkToBatch;
import com.aftersales.ticket.LifecycleEvents.TicketBatchFormed;
import com.aftersales.ticket.LifecycleEvents.TicketClassified;
import com.aftersales.ticket.LifecycleEvents.TicketMarked;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * REPEAT and BATCH at registration by the tenant's rules (SPEC §3), and linking an earlier ticket
 * to a batch: which registrations are marked, with what reason, and which are not.
 */
class TicketMarksTest {

    static final Duration REPEAT_WINDOW = Duration.ofDays(30);
    static final Duration BATCH_WINDOW = Duration.ofHours(24);
    static final MetaData AGENT = callerAs("acme", "li-agent", "AGENT");
    static final MetaData RULE = callerAs("acme", Marking.ACTOR, "SUPERVISOR");

    final MovableClock clock = new MovableClock(NOW);
    final TenantDirectory tenants = TenantDirectory.fedByEvents(new TenantProperties());
    final InMemoryMarkKeys keys = new InMemoryMarkKeys();
    FixtureConfiguration<Ticket> fixture;

    @BeforeEach
    void setUp() {
        configure("acme", 1, new MarkRules(new RepeatRule(REPEAT_WINDOW), new BatchRule(BATCH_WINDOW, 3, null)));
        configure("nimbus", 1, new MarkRules(new RepeatRule(REPEAT_WINDOW), new BatchRule(BATCH_WINDOW, 3, null)));
        fixture = new AggregateTestFixture<>(Ticket.class);
        fixture.registerInjectableResource(tenants);
        fixture.registerInjectableResource(TicketFixtures.noSlaClocks());
        fixture.registerInjectableResource((TicketNumbers) new TicketTest.RecordingNumbers());
        fixture.registerInjectableResource(new Routing((tenant, department) -> 0, (tenant, staff) -> 0));
        fixture.registerInjectableResource(new Marking(keys));
        fixture.registerInjectableResource(new InMemorySubjectKeys());
        fixture.registerInjectableResource(clock);
    }

    void configure(String tenant, long version, MarkRules marks) {
        TenantConfiguration rules = new TenantConfiguration(List.of("repair", "inquiry"), List.of(),
                PriorityScheme.URGENT_NORMAL_LOW, 30, List.of(), List.of(), List.of(), marks, null, null, null);
        tenants.update(new TenantEntry(tenant, version, new TenantProfile(tenant, tenant, ZoneId.of("Asia/Shanghai"), "", 3),
                rules, version, null, false));
    }

    static Registration registration(String phone, String customerId, String model, String symptom, String priority) {
        return new Registration(Channel.PHONE, "repair", priority,
                new Registration.Customer("张*", "张*", phone, null, customerId, false),
                new Registration.Product(model, null, null, null),
                new Registration.Problem("it does not work: " + symptom, symptom, null, null, null, null, null),
                List.of(), null, CustomerEmotion.CALM);
    }

    /** Registers a new ticket and answers the events of its registration after TicketOpened. */
    List<Object> register(String ticketId, Registration registration, MetaData caller) {
        List<Object> events = new java.util.ArrayList<>();
        fixture.givenNoPriorActivity().when(new OpenTicket(ticketId, registration), caller)
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(new org.hamcrest.BaseMatcher<>() {
                    @Override
                    public boolean matches(Object applied) {
                        ((List<?>) applied).forEach(event -> events.add(((org.axonframework.eventhandling.EventMessage<?>) event).getPayload()));
                        return events.get(0) instanceof TicketOpened;
                    }

                    @Override
                    public void describeTo(org.hamcrest.Description description) {
                        description.appendText("TicketOpened first");
                    }
                });
        return events.subList(1, events.size());
    }

    List<Object> register(String ticketId, Registration registration) {
        return register(ticketId, registration, AGENT);
    }

    static TicketMarked repeat(String ticketId, String model, List<String> earlier, Instant at) {
        return new TicketMarked(ticketId, EnumSet.of(Mark.REPEAT), Marking.ACTOR, at, "REPEAT: the same customer reported model "
                + model + " again within " + REPEAT_WINDOW + " (earlier: " + String.join(", ", earlier) + ")", earlier, null);
    }

    @Test
    void the_same_customer_reporting_the_same_model_again_within_the_window_is_marked_repeat_with_the_earlier_tickets() {
        org.assertj.core.api.Assertions.assertThat(register("t-1", registration("138 0000 5678", null, "KFR-35", "no cold air", null)))
                .isEmpty();
        clock.move(Duration.ofDays(10));
        org.assertj.core.api.Assertions.assertThat(register("t-2", registration("13800005678", null, "kfr 35", "noisy", null)))
                .containsExactly(repeat("t-2", "kfr 35", List.of("t-1"), clock.instant()));
        clock.move(Duration.ofDays(1));
        org.assertj.core.api.Assertions.assertThat(register("t-3", registration("+86 138-0000-5678", null, "KFR-35", "leaks", null)))
                .containsExactly(repeat("t-3", "KFR-35", List.of("t-1", "t-2"), clock.instant()));
    }

    @Test
    void a_report_outside_the_window_is_not_a_repeat() {
        register("t-1", registration("13800005678", null, "KFR-35", "no cold air", null));
        clock.move(REPEAT_WINDOW.plusSeconds(1));
        org.assertj.core.api.Assertions.assertThat(register("t-2", registration("13800005678", null, "KFR-35", "noisy", null)))
                .isEmpty();
    }

    @Test
    void another_customer_or_another_model_is_not_a_repeat() {
        register("t-1", registration("13800005678", null, "KFR-35", "no cold air", null));
        org.assertj.core.api.Assertions.assertThat(register("t-2", registration("13900001111", null, "KFR-35", "noisy", null)))
                .isEmpty();
        org.assertj.core.api.Assertions.assertThat(register("t-3", registration("13800005678", null, "KFR-50", "leaks", null)))
                .isEmpty();
    }

    @Test
    void the_customer_id_identifies_the_customer_before_the_contact_number() {
        register("t-1", registration("13800005678", "C-9", "KFR-35", "no cold air", null));
        org.assertj.core.api.Assertions.assertThat(register("t-2", registration("13900001111", "C-9", "KFR-35", "noisy", null)))
                .containsExactly(repeat("t-2", "KFR-35", List.of("t-1"), NOW));
        org.assertj.core.api.Assertions.assertThat(register("t-3", registration("13800005678", "C-10", "KFR-35", "leaks", null)))
                .isEmpty();
    }

    @Test
    void the_same_customer_and_model_in_another_tenant_is_not_a_repeat() {
        register("t-1", registration("13800005678", null, "KFR-35", "no cold air", null));
        org.assertj.core.api.Assertions.assertThat(register("t-2", registration("13800005678", null, "KFR-35", "noisy", null),
                callerAs("nimbus", "li-agent", "AGENT"))).isEmpty();
    }

    @Test
    void a_tenant_without_mark_rules_marks_nothing_and_keeps_no_keys() {
        configure("acme", 2, MarkRules.NONE);
        register("t-1", registration("13800005678", null, "KFR-35", "no cold air", null));
        org.assertj.core.api.Assertions.assertThat(register("t-2", registration("13800005678", null, "KFR-35", "no cold air", null)))
                .isEmpty();
        org.assertj.core.api.Assertions.assertThat(keys.size()).isZero();
    }

    @Test
    void a_changed_window_applies_to_the_next_registration_without_a_restart() {
        configure("acme", 2, new MarkRules(new RepeatRule(Duration.ofDays(1)), null));
        register("t-1", registration("13800005678", null, "KFR-35", "no cold air", null));
        clock.move(Duration.ofDays(2));
        org.assertj.core.api.Assertions.assertThat(register("t-2", registration("13800005678", null, "KFR-35", "noisy", null)))
                .isEmpty();
        configure("acme", 3, new MarkRules(new RepeatRule(REPEAT_WINDOW), null));
        org.assertj.core.api.Assertions.assertThat(register("t-3", registration("13800005678", null, "KFR-35", "leaks", null)))
                .containsExactly(repeat("t-3", "KFR-35", List.of("t-1", "t-2"), clock.instant()));
    }

    @Test
    void batch_forms_at_exactly_the_threshold_with_all_its_tickets_and_raises_the_forming_ones_priority() {
        org.assertj.core.api.Assertions.assertThat(register("t-1", registration("13800000001", null, "KFR-35", "No cold air!", "low")))
                .isEmpty();
        clock.move(Duration.ofHours(5));
        org.assertj.core.api.Assertions.assertThat(register("t-2", registration("13800000002", null, "kfr-35", "no cold air", "low")))
                .isEmpty();
        clock.move(Duration.ofHours(5));
        String reason = "BATCH batch-t-3: 3 tickets of model KFR-35 with the same fault within PT24H reached the threshold of 3;"
                + " priority raised to urgent";
        org.assertj.core.api.Assertions.assertThat(register("t-3", registration("13800000003", null, "KFR-35", "no  cold air", "normal")))
                .containsExactly(
                        new TicketMarked("t-3", EnumSet.of(Mark.BATCH), Marking.ACTOR, clock.instant(), reason,
                                List.of("t-1", "t-2"), "batch-t-3"),
                        new TicketClassified("t-3", "repair", "urgent", null, Marking.ACTOR, clock.instant(), 1L),
                        new TicketBatchFormed("t-3", "acme", "batch-t-3", "KFR-35", "nocoldair", List.of("t-1", "t-2", "t-3"),
                                "urgent", reason, clock.instant()));
    }

    @Test
    void a_batch_does_not_form_with_tickets_outside_the_window_or_of_another_fault() {
        register("t-1", registration("13800000001", null, "KFR-35", "no cold air", null));
        clock.move(BATCH_WINDOW.plusSeconds(1));
        register("t-2", registration("13800000002", null, "KFR-35", "no cold air", null));
        org.assertj.core.api.Assertions.assertThat(register("t-3", registration("13800000003", null, "KFR-35", "water leaks", null)))
                .isEmpty();
        org.assertj.core.api.Assertions.assertThat(register("t-4", registration("13800000004", null, "KFR-35", "no cold air", null)))
                .isEmpty();
        org.assertj.core.api.Assertions.assertThat(register("t-5", registration("13800000005", null, "KFR-35", "no cold air", null)))
                .hasSize(3).element(2).isInstanceOf(TicketBatchFormed.class)
                .extracting(event -> ((TicketBatchFormed) event).ticketIds()).isEqualTo(List.of("t-2", "t-4", "t-5"));
    }

    @Test
    void a_ticket_after_the_threshold_joins_the_batch_and_a_configured_level_is_never_a_lowering() {
        configure("acme", 2, new MarkRules(null, new BatchRule(BATCH_WINDOW, 2, "normal")));
        register("t-1", registration("13800000001", null, "KFR-35", "no cold air", null));
        List<Object> forming = register("t-2", registration("13800000002", null, "KFR-35", "no cold air", "urgent"));
        org.assertj.core.api.Assertions.assertThat(forming).hasSize(2).element(1).isInstanceOf(TicketBatchFormed.class);
        String joined = "BATCH batch-t-2: another ticket of model KFR-35 with the same fault within PT24H of the batch forming;"
                + " priority raised to normal";
        org.assertj.core.api.Assertions.assertThat(register("t-3", registration("13800000003", null, "KFR-35", "no cold air", "low")))
                .containsExactly(
                        new TicketMarked("t-3", EnumSet.of(Mark.BATCH), Marking.ACTOR, NOW, joined, List.of("t-1", "t-2"), "batch-t-2"),
                        new TicketClassified("t-3", "repair", "normal", null, Marking.ACTOR, NOW, 2L));
    }

    @Test
    void a_repeat_that_forms_a_batch_carries_both_marks() {
        register("t-1", registration("13800000001", null, "KFR-35", "no cold air", "urgent"));
        register("t-2", registration("13800000002", null, "KFR-35", "no cold air", "urgent"));
        List<Object> events = register("t-3", registration("13800000001", null, "KFR-35", "no cold air", "urgent"));
        org.assertj.core.api.Assertions.assertThat(events).hasSize(3);
        org.assertj.core.api.Assertions.assertThat(events.get(0)).isEqualTo(repeat("t-3", "KFR-35", List.of("t-1"), NOW));
        org.assertj.core.api.Assertions.assertThat(((TicketMarked) events.get(1)).marks()).containsExactlyInAnyOrder(Mark.REPEAT, Mark.BATCH);
        org.assertj.core.api.Assertions.assertThat(events.get(2)).isInstanceOf(TicketBatchFormed.class);
    }

    @Test
    void a_refused_registration_and_one_rolled_back_leave_no_key_entry() {
        Registration unknownType = new Registration(Channel.PHONE, "teleportation", null,
                new Registration.Customer("张*", "张*", "13800000001", null, null, false),
                new Registration.Product("KFR-35", null, null, null),
                new Registration.Problem("no cold air", "no cold air", null, null, null, null, null), List.of(), null, null);
        fixture.givenNoPriorActivity().when(new OpenTicket("t-9", unknownType), AGENT)
                .expectException(refusal(RefusalCode.TICKET_TYPE_UNKNOWN));
        org.assertj.core.api.Assertions.assertThat(keys.size()).isZero();
        fixture.given(opened("low")).when(new OpenTicket("t-1", registration("13800000001", null, "KFR-35", "no cold air", null)), AGENT)
                .expectException(Exception.class);
        org.assertj.core.api.Assertions.assertThat(keys.size()).as("the second registration of t-1 was not stored").isZero();
    }

    static TicketOpened opened(String priority) {
        return new TicketOpened("t-1", "acme", "20240520001", registration("13800000001", null, "KFR-35", "no cold air", priority),
                "li-agent", NOW);
    }

    static LinkToBatch link(String raiseTo) {
        return new LinkToBatch("t-1", null, "batch-t-3", raiseTo, "BATCH batch-t-3: why", List.of("t-2", "t-3"));
    }

    @Test
    void linking_an_earlier_ticket_marks_it_batch_with_the_reason_and_raises_its_priority() {
        fixture.given(opened("low"), new TicketMarked("t-1", EnumSet.of(Mark.VIP), "li-agent", NOW))
                .when(link("urgent"), RULE)
                .expectEvents(new TicketMarked("t-1", EnumSet.of(Mark.VIP, Mark.BATCH), Marking.ACTOR, NOW, "BATCH batch-t-3: why",
                                List.of("t-2", "t-3"), "batch-t-3"),
                        new TicketClassified("t-1", "repair", "urgent", null, Marking.ACTOR, NOW, 1L));
    }

    @Test
    void linking_never_lowers_a_priority_nor_raises_a_resolved_ticket_and_links_once() {
        fixture.given(opened("urgent"))
                .when(link("normal"), RULE)
                .expectEvents(new TicketMarked("t-1", EnumSet.of(Mark.BATCH), Marking.ACTOR, NOW, "BATCH batch-t-3: why",
                        List.of("t-2", "t-3"), "batch-t-3"));
        fixture.given(opened("low"), new LifecycleEvents.TicketAssigned("t-1", "technical", "li", "li-agent", NOW),
                        new LifecycleEvents.AssignmentAccepted("t-1", "li", false, NOW),
                        new TicketResolved("t-1", "fixed", "li", NOW))
                .when(link("urgent"), RULE)
                .expectEvents(new TicketMarked("t-1", EnumSet.of(Mark.BATCH), Marking.ACTOR, NOW, "BATCH batch-t-3: why",
                        List.of("t-2", "t-3"), "batch-t-3"));
        fixture.given(opened("low"), new TicketMarked("t-1", EnumSet.of(Mark.BATCH), Marking.ACTOR, NOW, "earlier",
                        List.of("t-2", "t-3"), "batch-t-3"))
                .when(link("urgent"), RULE)
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void linking_is_refused_to_an_agent_on_an_archived_ticket_without_a_reason_or_level_and_across_tenants() {
        fixture.given(opened("low")).when(link("urgent"), AGENT)
                .expectException(refusal(RefusalCode.ROLE_NOT_ALLOWED)).expectNoEvents();
        fixture.given(opened("low"), new TicketArchived("t-1", "sup", NOW)).when(link("urgent"), RULE)
                .expectException(refusal(RefusalCode.TICKET_STATE_CONFLICT)).expectNoEvents();
        fixture.given(opened("low"))
                .when(new LinkToBatch("t-1", null, "batch-t-3", "urgent", " ", List.of()), RULE)
                .expectException(refusal(RefusalCode.REASON_REQUIRED)).expectNoEvents();
        fixture.given(opened("low")).when(link("P0"), RULE)
                .expectException(refusal(RefusalCode.PRIORITY_UNKNOWN)).expectNoEvents();
        fixture.given(opened("low")).when(link("urgent"), callerAs("nimbus", Marking.ACTOR, "SUPERVISOR"))
                .expectException(refusal(RefusalCode.TICKET_NOT_FOUND)).expectNoEvents();
    }

    /** A clock the test moves forward. */
    static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void move(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
