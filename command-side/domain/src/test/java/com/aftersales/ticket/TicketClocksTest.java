package com.aftersales.ticket;

import static com.aftersales.sla.SlaMetric.CUSTOMER_UPDATE;
import static org.assertj.core.api.Assertions.assertThat;
import static com.aftersales.sla.SlaMetric.FIRST_RESPONSE;
import static com.aftersales.ticket.TicketFixtures.ID;
import static com.aftersales.ticket.TicketFixtures.NOW;
import static com.aftersales.ticket.TicketFixtures.caller;
import static com.aftersales.ticket.TicketFixtures.callerAs;
import static com.aftersales.ticket.TicketFixtures.clockStarted;
import static com.aftersales.ticket.TicketFixtures.refusal;
import static com.aftersales.ticket.TicketHandlingTest.TECH;
import static com.aftersales.ticket.TicketHandlingTest.inProgress;
import static com.aftersales.ticket.TicketHandlingTest.with;

import com.aftersales.infra.tenancy.CallerMetaData;
import com.aftersales.refusal.RefusalCode;
import com.aftersales.sla.PauseReason;
import com.aftersales.sla.SlaClock;
import com.aftersales.sla.SlaClockEvents.SlaClockStarted;
import com.aftersales.sla.SlaClockEvents.SlaClockWarned;
import com.aftersales.sla.SlaCommands.PauseSlaClocks;
import com.aftersales.sla.SlaCommands.RecordSlaDeadlines;
import com.aftersales.sla.SlaCommands.ResumeSlaClocks;
import com.aftersales.sla.SlaMetric;
import com.aftersales.sla.SlaPolicies;
import com.aftersales.sla.SlaSettings;
import com.aftersales.sla.WorkingCalendar;
import com.aftersales.ticket.HandlingCommands.AcceptResolution;
import com.aftersales.ticket.HandlingCommands.ArchiveTicket;
import com.aftersales.ticket.HandlingCommands.Direction;
import com.aftersales.ticket.HandlingCommands.LogContact;
import com.aftersales.ticket.HandlingCommands.RecordCustomerUpdate;
import com.aftersales.ticket.HandlingCommands.ResolveTicket;
import com.aftersales.ticket.HandlingCommands.SetProgress;
import com.aftersales.ticket.HandlingCommands.EscalationLevel;
import com.aftersales.ticket.HandlingEvents.ContactLogged;
import com.aftersales.ticket.HandlingEvents.TicketEscalated;
import com.aftersales.ticket.HandlingEvents.CustomerUpdated;
import com.aftersales.ticket.HandlingEvents.ProgressSet;
import com.aftersales.ticket.HandlingEvents.ResolutionAccepted;
import com.aftersales.ticket.HandlingEvents.TicketResolved;
import com.aftersales.ticket.LifecycleCommands.ClassifyTicket;
import com.aftersales.ticket.LifecycleEvents.TicketClassified;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

/** The ticket's SLA clocks as events: every accepted and every refused command that moves them. */
class TicketClocksTest {

    final FixtureConfiguration<Ticket> fixture = TicketFixtures.fixture(new TicketTest.RecordingNumbers());
    final SlaSettings settings = TicketFixtures.slaSettings();
    final WorkingCalendar calendar = settings.calendar("acme");
    static final MetaData TIMER = CallerMetaData.of("acme", "sla-timer", TicketClocks.SYSTEM, List.of());

    /** Example 1 (urgent), in progress, its first-response and update clocks started at {@code at}. */
    Object[] handling(Instant at) {
        return with(inProgress("urgent"), clockStarted(FIRST_RESPONSE, 1, "urgent", at),
                clockStarted(CUSTOMER_UPDATE, 1, "urgent", at));
    }

    SlaClock clock(Object... facts) {
        return SlaClock.replay(List.of(facts), calendar);
    }

    @Test
    void an_outbound_contact_is_the_first_response_and_an_inbound_one_is_not() {
        SlaClockStarted first = clockStarted(FIRST_RESPONSE, 1, "urgent", NOW);
        fixture.given(handling(NOW))
                .when(new LogContact(ID, null, Channel.PHONE, Direction.OUTBOUND, "technician calls"), caller("acme", "AGENT"))
                .expectEvents(new ContactLogged(ID, Channel.PHONE, Direction.OUTBOUND, "technician calls", "li-agent", NOW),
                        clock(first).fulfil(NOW));
        fixture.given(handling(NOW))
                .when(new LogContact(ID, null, Channel.PHONE, Direction.INBOUND, "customer chases"), caller("acme", "AGENT"))
                .expectEvents(new ContactLogged(ID, Channel.PHONE, Direction.INBOUND, "customer chases", "li-agent", NOW));
    }

    @Test
    void each_customer_update_fulfils_the_running_update_clock_and_starts_the_next() {
        Instant earlier = NOW.minus(Duration.ofHours(13));
        Object[] given = handling(earlier);
        SlaClockStarted first = (SlaClockStarted) given[given.length - 2];
        SlaClockStarted update = (SlaClockStarted) given[given.length - 1];
        fixture.given(given)
                .when(new RecordCustomerUpdate(ID, null, Channel.PHONE, "parts ordered"), caller("acme", "AGENT"))
                .expectEvents(new CustomerUpdated(ID, Channel.PHONE, "parts ordered", "li-agent", NOW),
                        clock(first).fulfil(NOW), clock(update).fulfil(NOW), clockStarted(CUSTOMER_UPDATE, 2, "urgent", NOW));
    }

    @Test
    void the_fulfilment_says_whether_the_target_was_met() {
        SlaClockStarted update = clockStarted(CUSTOMER_UPDATE, 1, "urgent", NOW.minus(Duration.ofHours(13)));
        org.assertj.core.api.Assertions.assertThat(clock(update).fulfil(NOW).met()).as("12 h target, 13 h counted").isFalse();
        org.assertj.core.api.Assertions.assertThat(clock(update).fulfil(NOW.minus(Duration.ofHours(2))).met()).isTrue();
    }

    @Test
    void waiting_for_the_customer_pauses_every_clock_waiting_for_parts_all_but_the_updates_and_other_progress_resumes() {
        Instant start = NOW.minus(Duration.ofHours(1));
        Object[] given = handling(start);
        SlaClockStarted first = (SlaClockStarted) given[given.length - 2];
        SlaClockStarted update = (SlaClockStarted) given[given.length - 1];
        var firstPaused = clock(first).pause(PauseReason.WAITING_FOR_CUSTOMER, NOW);
        var updatePaused = clock(update).pause(PauseReason.WAITING_FOR_CUSTOMER, NOW);
        fixture.given(given)
                .when(new SetProgress(ID, null, "waiting-for-customer"), callerAs("acme", TECH, "HANDLER"))
                .expectEvents(new ProgressSet(ID, "waiting-for-customer", TECH, NOW), firstPaused, updatePaused);
        fixture.given(given)
                .when(new SetProgress(ID, null, "parts-procurement"), callerAs("acme", TECH, "HANDLER"))
                .expectEvents(new ProgressSet(ID, "parts-procurement", TECH, NOW),
                        clock(first).pause(PauseReason.WAITING_FOR_PARTS, NOW));
        var firstResumed = clock(first, firstPaused).resume(NOW);
        var updateResumed = clock(update, updatePaused).resume(NOW);
        fixture.given(with(given, firstPaused, updatePaused))
                .when(new SetProgress(ID, null, "executing-plan"), callerAs("acme", TECH, "HANDLER"))
                .expectEvents(new ProgressSet(ID, "executing-plan", TECH, NOW), firstResumed, updateResumed);
        fixture.given(with(given, firstPaused, updatePaused))
                .when(new SetProgress(ID, null, "parts-procurement"), callerAs("acme", TECH, "HANDLER"))
                .expectEvents(new ProgressSet(ID, "parts-procurement", TECH, NOW), firstResumed,
                        clock(first, firstPaused, firstResumed).pause(PauseReason.WAITING_FOR_PARTS, NOW), updateResumed);
    }

    @Test
    void staff_pause_for_a_third_party_and_resume_and_the_pause_needs_a_reason_and_a_staff_role() {
        Object[] given = handling(NOW);
        SlaClockStarted first = (SlaClockStarted) given[given.length - 2];
        var paused = clock(first).pause(PauseReason.WAITING_FOR_THIRD_PARTY, NOW);
        fixture.given(given)
                .when(new PauseSlaClocks(ID, null, PauseReason.WAITING_FOR_THIRD_PARTY), callerAs("acme", TECH, "HANDLER"))
                .expectEvents(paused)
                .expectResultMessagePayload(6L);
        fixture.given(with(given, paused))
                .when(new ResumeSlaClocks(ID, null), callerAs("acme", TECH, "HANDLER"))
                .expectEvents(clock(first, paused).resume(NOW));
        fixture.given(given)
                .when(new ResumeSlaClocks(ID, null), callerAs("acme", TECH, "HANDLER"))
                .expectSuccessfulHandlerExecution().expectNoEvents();
        fixture.given(given)
                .when(new PauseSlaClocks(ID, null, null), callerAs("acme", TECH, "HANDLER"))
                .expectException(refusal(RefusalCode.REASON_REQUIRED)).expectNoEvents();
        fixture.given(given)
                .when(new PauseSlaClocks(ID, null, PauseReason.WAITING_FOR_PARTS), caller("acme", "AUDITOR"))
                .expectException(refusal(RefusalCode.ROLE_NOT_ALLOWED)).expectNoEvents();
        fixture.given(given)
                .when(new PauseSlaClocks(ID, null, PauseReason.WAITING_FOR_PARTS), caller("nimbus", "AGENT"))
                .expectException(refusal(RefusalCode.TICKET_NOT_FOUND)).expectNoEvents();
    }

    @Test
    void a_priority_change_retargets_the_running_clocks() {
        Instant start = NOW.minus(Duration.ofHours(2));
        Object[] given = handling(start);
        SlaClockStarted first = (SlaClockStarted) given[given.length - 2];
        SlaClockStarted update = (SlaClockStarted) given[given.length - 1];
        fixture.given(given)
                .when(new ClassifyTicket(ID, null, "repair", "low", null), caller("acme", "AGENT"))
                .expectEvents(new TicketClassified(ID, "repair", "low", null, "li-agent", NOW, 1L),
                        clock(first).retarget("low", SlaPolicies.urgentNormalLow(), NOW),
                        clock(update).retarget("low", SlaPolicies.urgentNormalLow(), NOW));
        fixture.given(given)
                .when(new ClassifyTicket(ID, null, "repair", "urgent", null), caller("acme", "AGENT"))
                .expectEvents(new TicketClassified(ID, "repair", "urgent", null, "li-agent", NOW, 1L));
    }

    @Test
    void a_warned_clock_lowered_to_a_later_target_is_warned_again_by_the_timer_when_that_warning_is_due() {
        Instant start = NOW.minus(Duration.ofHours(40));
        SlaClockStarted first = clockStarted(FIRST_RESPONSE, 1, "urgent", start);
        Object warned = clock(first).deadlineFacts(start.plus(Duration.ofMinutes(1170))).get(0); // urgent: 19.2 h of 24 h
        var lowered = clock(first, warned).retarget("normal", SlaPolicies.urgentNormalLow(), start.plus(Duration.ofMinutes(1170)));
        Object[] given = with(inProgress("urgent"), first, warned, lowered);
        // normal: 48 h, warned at 38.4 h, before NOW (40 h); the first warning does not count for it
        fixture.given(given)
                .when(new RecordSlaDeadlines(ID), TIMER)
                .expectEvents(new SlaClockWarned(ID, "FIRST_RESPONSE#1", start.plus(Duration.ofMinutes(2304)),
                        lowered.dueAt(), "cn-1"));
        SlaClockStarted later = clockStarted(FIRST_RESPONSE, 1, "urgent", NOW.minus(Duration.ofHours(20)));
        Object laterWarned = clock(later).deadlineFacts(NOW.minus(Duration.ofMinutes(30))).get(0);
        fixture.given(with(inProgress("urgent"), later, laterWarned,
                        clock(later, laterWarned).retarget("normal", SlaPolicies.urgentNormalLow(), NOW.minus(Duration.ofMinutes(30)))))
                .when(new RecordSlaDeadlines(ID), TIMER)
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void a_ticket_registered_without_a_priority_starts_its_clocks_from_registration_when_classified() {
        fixture.given(TicketFixtures.openedWithoutPriority())
                .when(new ClassifyTicket(ID, null, "repair", "normal", null), caller("acme", "AGENT"))
                .expectEvents(new TicketClassified(ID, "repair", "normal", null, "li-agent", NOW, 1L),
                        clockStarted(FIRST_RESPONSE, 1, "normal", NOW), clockStarted(CUSTOMER_UPDATE, 1, "normal", NOW));
    }

    @Test
    void the_timer_records_warnings_and_breaches_due_once() {
        Instant start = NOW.minus(Duration.ofHours(20));
        Object[] given = handling(start);
        SlaClockStarted first = (SlaClockStarted) given[given.length - 2];
        SlaClockStarted update = (SlaClockStarted) given[given.length - 1];
        List<Object> due = new ArrayList<>(clock(first).deadlineFacts(NOW));
        due.addAll(clock(update).deadlineFacts(NOW));
        org.assertj.core.api.Assertions.assertThat(due).as("first response warned at 19.2 h; update warned and breached")
                .hasSize(3);
        var breached = (com.aftersales.sla.SlaClockEvents.SlaClockBreached) due.get(2);
        List<Object> expected = new ArrayList<>(due);
        expected.add(new TicketEscalated(ID, EscalationLevel.MANAGER,
                "SLA breached: CUSTOMER_UPDATE#1 (urgent) was due " + breached.dueAt(), "sla-timer", NOW));
        fixture.given(given)
                .when(new RecordSlaDeadlines(ID), TIMER)
                .expectEvents(expected.toArray());
        fixture.given(with(given, expected.toArray()))
                .when(new RecordSlaDeadlines(ID), TIMER)
                .expectSuccessfulHandlerExecution().expectNoEvents();
        fixture.given(given)
                .when(new RecordSlaDeadlines(ID), caller("acme", "SUPERVISOR"))
                .expectException(refusal(RefusalCode.ROLE_NOT_ALLOWED)).expectNoEvents();
        fixture.given(given)
                .when(new RecordSlaDeadlines(ID), CallerMetaData.of("nimbus", "sla-timer", TicketClocks.SYSTEM, List.of()))
                .expectException(refusal(RefusalCode.TICKET_NOT_FOUND)).expectNoEvents();
    }

    @Test
    void a_breach_escalates_to_the_supervisor_then_to_the_department_head_and_no_further() {
        Object[] overdue = with(inProgress("low"), clockStarted(CUSTOMER_UPDATE, 1, "low", NOW.minus(Duration.ofHours(25))));
        SlaClock late = clock(overdue[overdue.length - 1]);
        List<Object> lateFacts = late.deadlineFacts(NOW);
        var lateBreach = (com.aftersales.sla.SlaClockEvents.SlaClockBreached) lateFacts.get(1);
        String lateReason = "SLA breached: CUSTOMER_UPDATE#1 (low) was due " + lateBreach.dueAt();
        fixture.given(overdue)
                .when(new RecordSlaDeadlines(ID), TIMER)
                .expectEvents(lateFacts.get(0), lateFacts.get(1),
                        new TicketEscalated(ID, EscalationLevel.SUPERVISOR, lateReason, "sla-timer", NOW));
        fixture.given(with(overdue, new TicketEscalated(ID, EscalationLevel.SUPERVISOR, "stuck", "li-agent", NOW)))
                .when(new RecordSlaDeadlines(ID), TIMER)
                .expectEvents(lateFacts.get(0), lateFacts.get(1),
                        new TicketEscalated(ID, EscalationLevel.MANAGER, lateReason, "sla-timer", NOW));
        fixture.given(with(overdue, new TicketEscalated(ID, EscalationLevel.MANAGER, "stuck", "li-agent", NOW)))
                .when(new RecordSlaDeadlines(ID), TIMER)
                .expectEvents(lateFacts.get(0), lateFacts.get(1));
    }

    // "unsolvable within 24 h" (SPEC §5): the escalation clock, from the assignee's first acceptance

    /** Example 1 at {@code priority}, accepted at {@code acceptedAt}: its escalation clock runs from then. */
    Object[] accepted(String priority, Instant acceptedAt) {
        return with(inProgress(priority), clockStarted(SlaMetric.ESCALATION, 1, priority, acceptedAt));
    }

    @Test
    void a_ticket_not_solved_24_h_after_acceptance_is_escalated_to_the_supervisor_with_the_reason_once() {
        Object[] given = accepted("low", NOW.minus(Duration.ofHours(25)));
        List<Object> facts = clock(given[given.length - 1]).deadlineFacts(NOW);
        var breach = (com.aftersales.sla.SlaClockEvents.SlaClockBreached) facts.get(1);
        assertThat(breach.at()).isEqualTo(NOW.minus(Duration.ofHours(1)));
        TicketEscalated escalated = new TicketEscalated(ID, EscalationLevel.SUPERVISOR,
                "Not solved within PT24H of acceptance: ESCALATION#1 (low) was due " + breach.dueAt(), "sla-timer", NOW);
        fixture.given(given)
                .when(new RecordSlaDeadlines(ID), TIMER)
                .expectEvents(facts.get(0), facts.get(1), escalated);
        // the timer fires again (a re-fire after a crash, a second node): nothing more
        fixture.given(with(given, facts.get(0), facts.get(1), escalated))
                .when(new RecordSlaDeadlines(ID), TIMER)
                .expectEvents();
        // before the 24 h nothing is escalated; a staff caller cannot record deadlines
        fixture.given(accepted("low", NOW.minus(Duration.ofHours(10))))
                .when(new RecordSlaDeadlines(ID), TIMER)
                .expectEvents();
        fixture.given(given)
                .when(new RecordSlaDeadlines(ID), callerAs("acme", "sup", "SUPERVISOR"))
                .expectException(refusal(RefusalCode.ROLE_NOT_ALLOWED)).expectNoEvents();
    }

    @Test
    void unsolved_goes_one_level_up_even_at_the_highest_level_and_no_further_than_the_department_head() {
        Object[] urgent = accepted("urgent", NOW.minus(Duration.ofHours(25)));
        List<Object> facts = clock(urgent[urgent.length - 1]).deadlineFacts(NOW);
        var breach = (com.aftersales.sla.SlaClockEvents.SlaClockBreached) facts.get(1);
        String reason = "Not solved within PT24H of acceptance: ESCALATION#1 (urgent) was due " + breach.dueAt();
        fixture.given(urgent)
                .when(new RecordSlaDeadlines(ID), TIMER)
                .expectEvents(facts.get(0), facts.get(1),
                        new TicketEscalated(ID, EscalationLevel.SUPERVISOR, reason, "sla-timer", NOW));
        fixture.given(with(urgent, new TicketEscalated(ID, EscalationLevel.SUPERVISOR, "stuck", "li-agent", NOW)))
                .when(new RecordSlaDeadlines(ID), TIMER)
                .expectEvents(facts.get(0), facts.get(1),
                        new TicketEscalated(ID, EscalationLevel.MANAGER, reason, "sla-timer", NOW));
        fixture.given(with(urgent, new TicketEscalated(ID, EscalationLevel.MANAGER, "stuck", "li-agent", NOW)))
                .when(new RecordSlaDeadlines(ID), TIMER)
                .expectEvents(facts.get(0), facts.get(1));
    }

    @Test
    void the_resolution_stops_the_escalation_clock_and_a_second_acceptance_does_not_restart_it() {
        Object[] given = accepted("low", NOW.minus(Duration.ofHours(2)));
        SlaClockStarted escalation = (SlaClockStarted) given[given.length - 1];
        fixture.given(given)
                .when(new ResolveTicket(ID, null, "capacitor replaced"), callerAs("acme", TECH, "HANDLER"))
                .expectEvents(new TicketResolved(ID, "capacitor replaced", TECH, NOW), clock(escalation).fulfil(NOW));
        fixture.given(with(given, new com.aftersales.ticket.LifecycleEvents.TicketReassigned(ID, "technical", "zhao-tech",
                        "on leave", "sup", NOW)))
                .when(new com.aftersales.ticket.LifecycleCommands.AcceptAssignment(ID, null),
                        callerAs("acme", "zhao-tech", "HANDLER"))
                .expectEvents(new com.aftersales.ticket.LifecycleEvents.AssignmentAccepted(ID, "zhao-tech", false, NOW));
    }

    @Test
    void waiting_for_a_third_party_keeps_the_escalation_clock_running_and_waiting_for_the_customer_pauses_it() {
        Object[] given = accepted("low", NOW.minus(Duration.ofHours(2)));
        SlaClockStarted escalation = (SlaClockStarted) given[given.length - 1];
        fixture.given(given)
                .when(new SetProgress(ID, null, "waiting-for-third-party"), callerAs("acme", TECH, "HANDLER"))
                .expectEvents(new ProgressSet(ID, "waiting-for-third-party", TECH, NOW));
        fixture.given(given)
                .when(new SetProgress(ID, null, "waiting-for-customer"), callerAs("acme", TECH, "HANDLER"))
                .expectEvents(new ProgressSet(ID, "waiting-for-customer", TECH, NOW),
                        clock(escalation).pause(PauseReason.WAITING_FOR_CUSTOMER, NOW));
    }

    @Test
    void a_rejection_on_friday_afternoon_makes_the_second_result_due_3_working_days_later_as_its_clock() {
        Instant friday = Instant.parse("2024-05-24T09:00:00Z"); // Friday 17:00 in Shanghai
        Instant wednesday = Instant.parse("2024-05-29T09:00:00Z"); // 6.5 working hours into Wednesday: 17:00
        SlaClockStarted secondHandling = clockStarted(SlaMetric.SECOND_HANDLING, 1, "low", friday);
        assertThat(secondHandling.dueAt()).isEqualTo(wednesday);
        TicketFixtures.fixture(new TicketTest.RecordingNumbers(), friday).given(TicketHandlingTest.resolved())
                .when(new com.aftersales.ticket.HandlingCommands.RejectResolution(ID, null, "still no cold air"),
                        caller("acme", "AGENT"))
                .expectEvents(new com.aftersales.ticket.HandlingEvents.ResolutionRejected(ID, "still no cold air",
                        wednesday, "li-agent", friday), secondHandling);
    }

    @Test
    void resolution_fulfils_the_first_response_closing_the_updates_and_a_complaint_starts_its_feedback_clock() {
        Object[] given = with(inProgress("low"), clockStarted(FIRST_RESPONSE, 1, "low", NOW),
                clockStarted(CUSTOMER_UPDATE, 1, "low", NOW));
        SlaClockStarted first = (SlaClockStarted) given[given.length - 2];
        SlaClockStarted update = (SlaClockStarted) given[given.length - 1];
        var firstFulfilled = clock(first).fulfil(NOW);
        fixture.given(given)
                .when(new ResolveTicket(ID, null, "capacitor replaced"), callerAs("acme", TECH, "HANDLER"))
                .expectEvents(new TicketResolved(ID, "capacitor replaced", TECH, NOW), firstFulfilled);
        fixture.given(with(given, new TicketResolved(ID, "capacitor replaced", TECH, NOW), firstFulfilled))
                .when(new AcceptResolution(ID, null, "works"), caller("acme", "AGENT"))
                .expectEvents(new ResolutionAccepted(ID, "works", "li-agent", NOW), clock(update).fulfil(NOW));
        Object[] complaint = with(TicketComplaintTest.closedComplaint());
        complaint = java.util.Arrays.copyOf(complaint, 4); // opened, classified as complaint, assigned, accepted
        fixture.given(complaint)
                .when(new ResolveTicket(ID, null, "apologised"), callerAs("acme", TECH, "HANDLER"))
                .expectEvents(new TicketResolved(ID, "apologised", TECH, NOW),
                        clockStarted(SlaMetric.COMPLAINT_FEEDBACK, 1, "low", NOW));
    }
}
