package com.aftersales.ticket.search;

import static com.aftersales.ticket.search.SearchFixture.AT;
import static com.aftersales.ticket.search.SearchFixture.opened;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aftersales.sla.PauseReason;
import com.aftersales.sla.SlaClockEvents.SlaClockBreached;
import com.aftersales.sla.SlaClockEvents.SlaClockFulfilled;
import com.aftersales.sla.SlaClockEvents.SlaClockPaused;
import com.aftersales.sla.SlaClockEvents.SlaClockResumed;
import com.aftersales.sla.SlaClockEvents.SlaClockRetargeted;
import com.aftersales.sla.SlaClockEvents.SlaClockStarted;
import com.aftersales.sla.SlaClockEvents.SlaClockWarned;
import com.aftersales.sla.SlaMetric;
import com.aftersales.sla.SlaTarget;
import com.aftersales.ticket.HandlingCommands.EscalationLevel;
import com.aftersales.ticket.HandlingEvents.ResolutionAccepted;
import com.aftersales.ticket.HandlingEvents.TicketEscalated;
import com.aftersales.ticket.LifecycleEvents.TicketAssigned;
import com.aftersales.ticket.LifecycleEvents.TicketReassigned;
import com.aftersales.ticket.search.EscalationTargets.Target;
import com.aftersales.ticket.search.SearchFixture.Event;
import com.aftersales.ticket.view.TicketQueries.CountTickets;
import com.aftersales.ticket.view.TicketQueries.ListTickets;
import com.aftersales.ticket.view.TicketQueries.Queue;
import com.aftersales.ticket.view.TicketQueries.TicketCounts;
import com.aftersales.ticket.view.TicketQueries.TicketSort;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The SLA queues of the search index: at risk, breached, escalated to me, and the order by next due time. */
class SlaQueuesSearchTest {

    final SearchFixture fixture = SearchFixture.inMemory();
    /** zhou supervises technical, qian heads it, sun supervises tenant-wide; nimbus's zhou supervises there. */
    final Map<String, List<Target>> staff = Map.of(
            "acme/zhou", List.of(new Target("SUPERVISOR", "technical")),
            "acme/qian", List.of(new Target("MANAGER", "technical")),
            "acme/sun", List.of(new Target("SUPERVISOR", null)),
            "nimbus/zhou", List.of(new Target("SUPERVISOR", "technical")));
    final TicketSearch search = new TicketSearch(fixture.indexes,
            (tenant, person) -> staff.getOrDefault(tenant + "/" + person, List.of()));
    final Map<String, Long> sequences = new HashMap<>();
    long position;

    private void apply(String tenantId, String ticketId, Object payload) {
        long sequence = sequences.merge(tenantId + "/" + ticketId, 1L, Long::sum) - 1;
        fixture.apply(List.of(new Event(position++, tenantId, ticketId, sequence, payload)));
    }

    /** A ticket with a first-response clock due {@code dueInHours} after {@link SearchFixture#AT}. */
    private void openWithClock(String tenantId, String ticketId, int dueInHours) {
        apply(tenantId, ticketId, opened(tenantId, ticketId, AT, "空调不制冷", "KFR-35GW", "urgent"));
        Instant due = AT.plus(Duration.ofHours(dueInHours));
        apply(tenantId, ticketId, new SlaClockStarted(ticketId, "FIRST_RESPONSE#1", SlaMetric.FIRST_RESPONSE, "urgent",
                SlaTarget.calendar(Duration.ofHours(dueInHours)), 80, AT, "cn-1", due, AT.plus(Duration.ofHours(dueInHours).multipliedBy(8).dividedBy(10))));
    }

    private List<String> ids(String tenantId, Queue queue, String person, TicketSort sort) {
        List<String> all = new ArrayList<>();
        String cursor = null;
        do {
            TicketSearch.Hits hits = search.list(new ListTickets(tenantId, SearchFixture.queue(queue, person), sort, cursor, 2), 2);
            all.addAll(hits.ids());
            cursor = hits.nextCursor();
        } while (cursor != null);
        return all;
    }

    private List<String> due(Queue queue) {
        return ids("acme", queue, null, TicketSort.DUE);
    }

    private TicketCounts counts(String person) {
        return search.count(new CountTickets("acme", person));
    }

    @Test
    void a_warned_then_breached_ticket_moves_through_the_queues_most_urgent_first_and_leaves_when_fulfilled() {
        openWithClock("acme", "t4", 4);
        openWithClock("acme", "t1", 1);
        openWithClock("acme", "t8", 8);
        openWithClock("nimbus", "n1", 1);
        apply("nimbus", "n1", new SlaClockWarned("n1", "FIRST_RESPONSE#1", AT, AT.plusSeconds(3600), "cn-1"));
        assertThat(ids("acme", Queue.ALL, null, TicketSort.DUE)).as("by next due time").containsExactly("t1", "t4", "t8");
        assertThat(due(Queue.AT_RISK)).as("nothing warned in acme; nimbus's warned ticket is not acme's").isEmpty();

        apply("acme", "t8", new SlaClockWarned("t8", "FIRST_RESPONSE#1", AT, AT.plusSeconds(8 * 3600), "cn-1"));
        apply("acme", "t4", new SlaClockWarned("t4", "FIRST_RESPONSE#1", AT, AT.plusSeconds(4 * 3600), "cn-1"));
        assertThat(due(Queue.AT_RISK)).containsExactly("t4", "t8");
        assertThat(ids("nimbus", Queue.AT_RISK, null, TicketSort.DUE)).as("the positive control").containsExactly("n1");

        apply("acme", "t4", new SlaClockBreached("t4", "FIRST_RESPONSE#1", AT, AT.plusSeconds(4 * 3600), "cn-1"));
        assertThat(due(Queue.AT_RISK)).containsExactly("t8");
        assertThat(due(Queue.BREACHED)).containsExactly("t4");
        assertThat(counts(null).atRisk()).isEqualTo(1);
        assertThat(counts(null).breached()).isEqualTo(1);

        apply("acme", "t1", new SlaClockWarned("t1", "FIRST_RESPONSE#1", AT, AT.plusSeconds(3600), "cn-1"));
        apply("acme", "t1", new SlaClockBreached("t1", "FIRST_RESPONSE#1", AT, AT.plusSeconds(3600), "cn-1"));
        assertThat(due(Queue.BREACHED)).as("most overdue first").containsExactly("t1", "t4");

        apply("acme", "t1", new SlaClockFulfilled("t1", "FIRST_RESPONSE#1", AT.plusSeconds(5 * 3600), false,
                Duration.ofHours(5), "cn-1"));
        assertThat(due(Queue.BREACHED)).containsExactly("t4");
        assertThat(ids("acme", Queue.ALL, null, TicketSort.DUE)).as("no open clock: last").containsExactly("t4", "t8", "t1");
    }

    @Test
    void a_paused_clock_sorts_after_every_counting_one_by_the_time_it_had_left() {
        openWithClock("acme", "p2", 2);
        openWithClock("acme", "p6", 6);
        openWithClock("acme", "r9", 9);
        apply("acme", "p6", new SlaClockPaused("p6", "FIRST_RESPONSE#1", PauseReason.WAITING_FOR_PARTS, AT, "cn-1"));
        apply("acme", "p2", new SlaClockPaused("p2", "FIRST_RESPONSE#1", PauseReason.WAITING_FOR_CUSTOMER, AT, "cn-1"));
        assertThat(ids("acme", Queue.ALL, null, TicketSort.DUE)).containsExactly("r9", "p2", "p6");

        Instant resumed = AT.plusSeconds(3600);
        apply("acme", "p6", new SlaClockResumed("p6", "FIRST_RESPONSE#1", resumed, "cn-1", resumed.plusSeconds(6 * 3600), null));
        assertThat(ids("acme", Queue.ALL, null, TicketSort.DUE)).as("p6 due at 7 h counts again")
                .containsExactly("p6", "r9", "p2");
    }

    private SlaClockRetargeted retargeted(String ticketId, String priority, int hours, Instant at, boolean counting) {
        Duration target = Duration.ofHours(hours);
        return new SlaClockRetargeted(ticketId, "FIRST_RESPONSE#1", priority, SlaTarget.calendar(target), 80, at, "cn-1",
                counting ? AT.plus(target) : null, counting ? AT.plus(target.multipliedBy(8).dividedBy(10)) : null);
    }

    @Test
    void a_warned_ticket_lowered_to_a_later_warning_leaves_at_risk_and_one_raised_stays() {
        openWithClock("acme", "lowered", 2);
        openWithClock("acme", "raised", 4);
        Instant change = AT.plusSeconds(2 * 3600 - 60);
        apply("acme", "lowered", new SlaClockWarned("lowered", "FIRST_RESPONSE#1", AT.plusSeconds(5760), AT.plusSeconds(7200), "cn-1"));
        apply("acme", "raised", new SlaClockWarned("raised", "FIRST_RESPONSE#1", AT.plusSeconds(11520), AT.plusSeconds(14400), "cn-1"));
        assertThat(due(Queue.AT_RISK)).containsExactly("lowered", "raised");

        apply("acme", "lowered", retargeted("lowered", "low", 24, change, true)); // warns at 19.2 h: ahead
        apply("acme", "raised", retargeted("raised", "P0", 1, AT.plusSeconds(3 * 3600 + 600), true)); // 48 min: behind
        assertThat(due(Queue.AT_RISK)).as("lowered is no longer at risk; raised still is").containsExactly("raised");
        assertThat(ids("acme", Queue.ALL, null, TicketSort.DUE)).as("by the new due times").containsExactly("raised", "lowered");

        apply("acme", "lowered", new SlaClockWarned("lowered", "FIRST_RESPONSE#1", AT.plusSeconds(69120), AT.plusSeconds(86400), "cn-1"));
        assertThat(due(Queue.AT_RISK)).as("warned again at the new warning").containsExactly("raised", "lowered");
    }

    @Test
    void a_paused_clock_re_targeted_stays_paused_and_one_overdue_sorts_by_how_overdue_it_is() {
        openWithClock("acme", "overdue", 6);
        openWithClock("acme", "later", 5);
        openWithClock("acme", "r9", 9);
        Instant pause = AT.plusSeconds(3 * 3600);
        apply("acme", "overdue", new SlaClockPaused("overdue", "FIRST_RESPONSE#1", PauseReason.WAITING_FOR_PARTS, pause, "cn-1"));
        apply("acme", "later", new SlaClockPaused("later", "FIRST_RESPONSE#1", PauseReason.WAITING_FOR_PARTS, pause, "cn-1"));
        assertThat(ids("acme", Queue.ALL, null, TicketSort.DUE)).as("2 h and 3 h left").containsExactly("r9", "later", "overdue");

        Instant change = AT.plusSeconds(4 * 3600);
        apply("acme", "overdue", retargeted("overdue", "P0", 1, change, true)); // due at 1 h, 3 h counted: 3 h over
        apply("acme", "later", retargeted("later", "low", 24, change, false)); // no due time while paused
        assertThat(ids("acme", Queue.ALL, null, TicketSort.DUE))
                .as("both still paused, after the counting one; the overdue one first").containsExactly("r9", "overdue", "later");
        IndexedSla.OpenClock overdue = fixture.indexes.find("acme", "overdue").orElseThrow().sla().clocks().get("FIRST_RESPONSE#1");
        assertThat(overdue.dueAt()).as("paused: no due time").isNull();
        assertThat(overdue.leftAtPause()).isEqualTo(Duration.ofHours(-3));
    }

    @Test
    void an_escalated_ticket_is_in_the_queue_of_the_levels_holders_in_its_department_and_no_one_elses() {
        openWithClock("acme", "e1", 4);
        openWithClock("acme", "e2", 4);
        openWithClock("acme", "quiet", 4);
        openWithClock("nimbus", "n1", 4);
        apply("acme", "e1", new TicketAssigned("e1", "technical", "wang", "li", AT));
        apply("acme", "e2", new TicketAssigned("e2", "installation", "wu", "li", AT));
        apply("acme", "quiet", new TicketAssigned("quiet", "technical", "wang", "li", AT));
        apply("nimbus", "n1", new TicketAssigned("n1", "technical", "x", "y", AT));
        apply("nimbus", "n1", new TicketEscalated("n1", EscalationLevel.SUPERVISOR, "late", "y", AT));
        assertThat(ids("nimbus", Queue.ESCALATED, "zhou", TicketSort.REGISTERED_AT)).as("the positive control")
                .containsExactly("n1");
        assertThat(ids("acme", Queue.ESCALATED, "zhou", TicketSort.REGISTERED_AT)).as("not nimbus's").isEmpty();

        apply("acme", "e1", new TicketEscalated("e1", EscalationLevel.SUPERVISOR, "customer waiting", "wang", AT));
        apply("acme", "e2", new TicketEscalated("e2", EscalationLevel.SUPERVISOR, "customer waiting", "wu", AT));
        assertThat(ids("acme", Queue.ESCALATED, "zhou", TicketSort.REGISTERED_AT)).containsExactly("e1");
        assertThat(ids("acme", Queue.ESCALATED, "sun", TicketSort.REGISTERED_AT)).as("tenant-wide").containsExactlyInAnyOrder("e1", "e2");
        assertThat(ids("acme", Queue.ESCALATED, "qian", TicketSort.REGISTERED_AT)).isEmpty();
        assertThat(ids("acme", Queue.ESCALATED, "wang", TicketSort.REGISTERED_AT)).as("not in the staff list as a supervisor").isEmpty();
        assertThat(counts("zhou").escalated()).isEqualTo(1);
        assertThat(counts("sun").escalated()).isEqualTo(2);

        apply("acme", "e1", new TicketEscalated("e1", EscalationLevel.MANAGER, "SLA breached", "sla-timer", AT));
        apply("acme", "e1", new TicketEscalated("e1", EscalationLevel.SUPERVISOR, "again", "wang", AT));
        assertThat(ids("acme", Queue.ESCALATED, "qian", TicketSort.REGISTERED_AT)).as("stays with the highest level")
                .containsExactly("e1");
        assertThat(ids("acme", Queue.ESCALATED, "zhou", TicketSort.REGISTERED_AT)).isEmpty();

        apply("acme", "e2", new TicketReassigned("e2", "technical", "wang", "moved", "li", AT));
        assertThat(ids("acme", Queue.ESCALATED, "zhou", TicketSort.REGISTERED_AT)).as("follows its department").containsExactly("e2");
        apply("acme", "e2", new ResolutionAccepted("e2", "ok", "li", AT));
        assertThat(ids("acme", Queue.ESCALATED, "zhou", TicketSort.REGISTERED_AT)).as("closed: out of the queue").isEmpty();
    }

    @Test
    void an_unsolved_escalation_clock_puts_its_ticket_in_the_queues_like_any_other_clock() {
        openWithClock("acme", "t1", 48);
        apply("acme", "t1", new SlaClockStarted("t1", "ESCALATION#1", SlaMetric.ESCALATION, "urgent",
                SlaTarget.calendar(Duration.ofHours(24)), 80, AT, "cn-1", AT.plusSeconds(24 * 3600), AT.plusSeconds(69120)));
        apply("acme", "t1", new SlaClockWarned("t1", "ESCALATION#1", AT.plusSeconds(69120), AT.plusSeconds(24 * 3600), "cn-1"));
        assertThat(due(Queue.AT_RISK)).containsExactly("t1");
        apply("acme", "t1", new SlaClockBreached("t1", "ESCALATION#1", AT.plusSeconds(24 * 3600), AT.plusSeconds(24 * 3600), "cn-1"));
        assertThat(due(Queue.BREACHED)).containsExactly("t1");
        apply("acme", "t1", new SlaClockFulfilled("t1", "ESCALATION#1", AT.plusSeconds(25 * 3600), false,
                Duration.ofHours(25), "cn-1"));
        assertThat(due(Queue.BREACHED)).as("resolved: the escalation clock left; the first response is not breached").isEmpty();
    }

    @Test
    void a_clock_fact_without_a_tenant_fails_rather_than_being_dropped() {
        openWithClock("acme", "t1", 1);
        assertThatThrownBy(() -> fixture.apply(List.of(new Event(position++, null, "t1", 2,
                new SlaClockWarned("t1", "FIRST_RESPONSE#1", AT, AT.plusSeconds(3600), "cn-1")))))
                .hasRootCauseMessage("A ticket event without a tenant, ticket t1 at 2");
    }

    @Test
    void the_sla_marks_survive_a_reopened_index() {
        openWithClock("acme", "t1", 1);
        apply("acme", "t1", new SlaClockWarned("t1", "FIRST_RESPONSE#1", AT, AT.plusSeconds(3600), "cn-1"));
        IndexedTicket stored = fixture.indexes.find("acme", "t1").orElseThrow();
        byte[] json = new EntryCodec().encode(stored);
        assertThat(new EntryCodec().decode(json)).isEqualTo(stored);
        assertThat(stored.sla().state()).isEqualTo(IndexedSla.AT_RISK);
    }
}
