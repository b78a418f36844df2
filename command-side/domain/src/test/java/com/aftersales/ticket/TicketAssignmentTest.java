package com.aftersales.ticket;

import static com.aftersales.ticket.TicketFixtures.ID;
import static com.aftersales.ticket.TicketFixtures.NOW;
import static com.aftersales.ticket.TicketFixtures.caller;
import static com.aftersales.ticket.TicketFixtures.callerAs;
import static com.aftersales.ticket.TicketFixtures.opened;
import static com.aftersales.ticket.TicketFixtures.refusal;

import com.aftersales.refusal.RefusalCode;
import com.aftersales.ticket.LifecycleCommands.AcceptAssignment;
import com.aftersales.ticket.LifecycleCommands.AddCoHandler;
import com.aftersales.ticket.LifecycleCommands.AssignTicket;
import com.aftersales.ticket.LifecycleCommands.ClassifyTicket;
import com.aftersales.ticket.LifecycleCommands.MarkTicket;
import com.aftersales.ticket.LifecycleCommands.ReassignTicket;
import com.aftersales.ticket.LifecycleCommands.SendBackForInformation;
import com.aftersales.ticket.LifecycleCommands.SupplyInformation;
import com.aftersales.ticket.LifecycleEvents.AssignmentAccepted;
import com.aftersales.ticket.LifecycleEvents.CoHandlerAdded;
import com.aftersales.ticket.LifecycleEvents.InformationSupplied;
import com.aftersales.ticket.LifecycleEvents.TicketAssigned;
import com.aftersales.ticket.LifecycleEvents.TicketClassified;
import com.aftersales.ticket.LifecycleEvents.TicketMarked;
import com.aftersales.ticket.LifecycleEvents.TicketReassigned;
import com.aftersales.ticket.LifecycleEvents.TicketSentBack;
import java.util.EnumSet;
import java.util.Set;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

/** Classification, marks and assignment (SPEC §3–§4): every accepted and every refused command. */
class TicketAssignmentTest {

    FixtureConfiguration<Ticket> fixture = TicketFixtures.fixture(new TicketTest.RecordingNumbers());

    static TicketAssigned assigned(String assignee) {
        return new TicketAssigned(ID, "technical", assignee, "li-agent", NOW);
    }

    static TicketClassified classified(String priority) {
        return new TicketClassified(ID, "repair", priority, Responsibility.INTERNAL, "li-agent", NOW, 1L);
    }

    // classification

    @Test
    void an_agent_classifies_type_priority_and_responsibility() {
        fixture.given(opened())
                .when(new ClassifyTicket(ID, null, "repair", "normal", Responsibility.INTERNAL), caller("acme", "AGENT"))
                .expectEvents(classified("normal"))
                .expectResultMessagePayload(1L);
    }

    @Test
    void a_command_sent_against_a_version_that_has_changed_since_is_refused() {
        fixture.given(opened())
                .when(new ClassifyTicket(ID, 0L, "repair", "low", null), caller("acme", "AGENT"))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(1L);
        fixture.given(opened(), new TicketMarked(ID, EnumSet.of(Mark.VIP), "li-agent", NOW))
                .when(new ClassifyTicket(ID, 0L, "repair", "low", null), caller("acme", "AGENT"))
                .expectException(refusal(RefusalCode.VERSION_MISMATCH)).expectNoEvents();
        fixture.given(opened()) // a version the ticket never had
                .when(new ClassifyTicket(ID, 5L, "repair", "low", null), caller("acme", "AGENT"))
                .expectException(refusal(RefusalCode.VERSION_MISMATCH));
    }

    /** Otherwise the version check would tell another tenant that the ticket exists. */
    @Test
    void another_tenant_naming_any_version_learns_nothing() {
        for (Long version : new Long[] {0L, 7L}) {
            fixture.given(opened())
                    .when(new ClassifyTicket(ID, version, "repair", "low", null), caller("nimbus", "AGENT"))
                    .expectException(refusal(RefusalCode.TICKET_NOT_FOUND)).expectNoEvents();
        }
    }

    @Test
    void classification_outside_the_tenants_types_or_scheme_is_refused() {
        fixture.given(opened())
                .when(new ClassifyTicket(ID, null, "repair", "P0", null), caller("acme", "AGENT"))
                .expectException(refusal(RefusalCode.PRIORITY_UNKNOWN)).expectNoEvents();
        fixture.given(opened())
                .when(new ClassifyTicket(ID, null, "spaceflight", "normal", null), caller("acme", "AGENT"))
                .expectException(refusal(RefusalCode.TICKET_TYPE_UNKNOWN)).expectNoEvents();
    }

    @Test
    void a_handler_may_not_classify() {
        fixture.given(opened())
                .when(new ClassifyTicket(ID, null, "repair", "low", null), caller("acme", "HANDLER"))
                .expectException(refusal(RefusalCode.ROLE_NOT_ALLOWED)).expectNoEvents();
    }

    @Test
    void another_tenant_cannot_classify_and_learns_nothing() {
        fixture.given(opened())
                .when(new ClassifyTicket(ID, null, "repair", "low", null), caller("nimbus", "AGENT"))
                .expectException(refusal(RefusalCode.TICKET_NOT_FOUND)).expectNoEvents();
    }

    // marks

    @Test
    void an_agent_marks_a_ticket_and_can_clear_the_marks() {
        fixture.given(opened())
                .when(new MarkTicket(ID, null, Set.of(Mark.VIP, Mark.REPEAT)), caller("acme", "AGENT"))
                .expectEvents(new TicketMarked(ID, EnumSet.of(Mark.VIP, Mark.REPEAT), "li-agent", NOW))
                .expectResultMessagePayload(1L);
        fixture.given(opened(), new TicketMarked(ID, EnumSet.of(Mark.VIP), "li-agent", NOW))
                .when(new MarkTicket(ID, null, Set.of()), caller("acme", "SUPERVISOR"))
                .expectEvents(new TicketMarked(ID, EnumSet.noneOf(Mark.class), "li-agent", NOW))
                .expectResultMessagePayload(2L);
    }

    @Test
    void an_auditor_may_not_mark() {
        fixture.given(opened())
                .when(new MarkTicket(ID, null, Set.of(Mark.BATCH)), caller("acme", "AUDITOR"))
                .expectException(refusal(RefusalCode.ROLE_NOT_ALLOWED)).expectNoEvents();
    }

    // assignment

    @Test
    void an_agent_routes_a_registered_ticket_to_a_department_and_person() {
        fixture.given(opened())
                .when(new AssignTicket(ID, null, "technical", "wang-tech"), caller("acme", "AGENT"))
                .expectEvents(assigned("wang-tech"))
                .expectResultMessagePayload(1L);
    }

    @Test
    void an_assignment_needs_department_and_person() {
        fixture.given(opened())
                .when(new AssignTicket(ID, null, "technical", " "), caller("acme", "AGENT"))
                .expectException(refusal(RefusalCode.ASSIGNMENT_INCOMPLETE)).expectNoEvents();
    }

    @Test
    void an_assigned_ticket_is_moved_by_reassignment_not_assigned_again() {
        fixture.given(opened(), assigned("wang-tech"))
                .when(new AssignTicket(ID, null, "technical", "zhao-tech"), caller("acme", "AGENT"))
                .expectException(refusal(RefusalCode.TICKET_STATE_CONFLICT)).expectNoEvents();
    }

    @Test
    void a_supervisor_reassigns_with_a_reason() {
        fixture.given(opened(), assigned("wang-tech"), new AssignmentAccepted(ID, "wang-tech", true, NOW))
                .when(new ReassignTicket(ID, null, "complaint-team", "zhao", "customer complaint"), caller("acme", "SUPERVISOR"))
                .expectEvents(new TicketReassigned(ID, "complaint-team", "zhao", "customer complaint", "li-agent", NOW))
                .expectResultMessagePayload(3L);
    }

    @Test
    void reassignment_needs_a_reason_and_a_supervisor() {
        fixture.given(opened(), assigned("wang-tech"))
                .when(new ReassignTicket(ID, null, "technical", "zhao", ""), caller("acme", "SUPERVISOR"))
                .expectException(refusal(RefusalCode.REASON_REQUIRED)).expectNoEvents();
        fixture.given(opened(), assigned("wang-tech"))
                .when(new ReassignTicket(ID, null, "technical", "zhao", "load"), caller("acme", "AGENT"))
                .expectException(refusal(RefusalCode.ROLE_NOT_ALLOWED)).expectNoEvents();
    }

    @Test
    void a_registered_ticket_cannot_be_reassigned() {
        fixture.given(opened())
                .when(new ReassignTicket(ID, null, "technical", "zhao", "load"), caller("acme", "SUPERVISOR"))
                .expectException(refusal(RefusalCode.TICKET_STATE_CONFLICT)).expectNoEvents();
    }

    @Test
    void a_supervisor_adds_co_handlers_to_a_task_force_once_each() {
        fixture.given(opened(), assigned("wang-tech"))
                .when(new AddCoHandler(ID, null, "rd-liu"), caller("acme", "SUPERVISOR"))
                .expectEvents(new CoHandlerAdded(ID, "rd-liu", "li-agent", NOW))
                .expectResultMessagePayload(2L);
        fixture.given(opened(), assigned("wang-tech"), new CoHandlerAdded(ID, "rd-liu", "li-agent", NOW))
                .when(new AddCoHandler(ID, null, "rd-liu"), caller("acme", "SUPERVISOR"))
                .expectException(refusal(RefusalCode.ALREADY_A_HANDLER)).expectNoEvents();
        fixture.given(opened(), assigned("wang-tech"))
                .when(new AddCoHandler(ID, null, "wang-tech"), caller("acme", "MANAGER"))
                .expectException(refusal(RefusalCode.ALREADY_A_HANDLER)).expectNoEvents();
    }

    @Test
    void co_handlers_join_assigned_or_handled_tickets_only() {
        fixture.given(opened())
                .when(new AddCoHandler(ID, null, "rd-liu"), caller("acme", "SUPERVISOR"))
                .expectException(refusal(RefusalCode.TICKET_STATE_CONFLICT)).expectNoEvents();
    }

    // acceptance

    @Test
    void the_assignee_confirms_receipt_of_a_low_priority_ticket_and_the_escalation_clock_starts() {
        fixture.given(opened(), classified("low"), assigned("wang-tech"))
                .when(new AcceptAssignment(ID, null), callerAs("acme", "wang-tech", "HANDLER"))
                .expectEvents(new AssignmentAccepted(ID, "wang-tech", false, NOW),
                        TicketFixtures.clockStarted(com.aftersales.sla.SlaMetric.ESCALATION, 1, "low", NOW))
                .expectResultMessagePayload(4L);
    }

    @Test
    void the_two_highest_levels_need_a_senior_engineer_or_supervisor_as_lead() {
        fixture.given(opened(), classified("normal"), assigned("wang-tech"))
                .when(new AcceptAssignment(ID, null), callerAs("acme", "wang-tech", "HANDLER"))
                .expectException(refusal(RefusalCode.LEAD_NOT_QUALIFIED)).expectNoEvents();
        fixture.given(opened(), classified("normal"), assigned("wang-tech"))
                .when(new AcceptAssignment(ID, null), callerAs("acme", "wang-tech", "SUPERVISOR"))
                .expectEvents(new AssignmentAccepted(ID, "wang-tech", true, NOW),
                        TicketFixtures.clockStarted(com.aftersales.sla.SlaMetric.ESCALATION, 1, "normal", NOW))
                .expectResultMessagePayload(4L);
        fixture.given(opened(), assigned("wang-tech"))
                .when(new AcceptAssignment(ID, null), callerAs("acme", "wang-tech", "HANDLER"))
                .expectException(refusal(RefusalCode.LEAD_NOT_QUALIFIED)).expectNoEvents();
        fixture.given(opened(), assigned("wang-tech"))
                .when(new AcceptAssignment(ID, null), callerAs("acme", "wang-tech", "HANDLER", "SENIOR"))
                .expectEvents(new AssignmentAccepted(ID, "wang-tech", true, NOW),
                        TicketFixtures.clockStarted(com.aftersales.sla.SlaMetric.ESCALATION, 1, "urgent", NOW))
                .expectResultMessagePayload(3L);
    }

    @Test
    void only_the_assignee_confirms_receipt() {
        fixture.given(opened(), classified("low"), assigned("wang-tech"))
                .when(new AcceptAssignment(ID, null), callerAs("acme", "zhao-tech", "HANDLER", "SENIOR"))
                .expectException(refusal(RefusalCode.NOT_THE_ASSIGNEE)).expectNoEvents();
    }

    @Test
    void receipt_is_confirmed_once() {
        fixture.given(opened(), classified("low"), assigned("wang-tech"), new AssignmentAccepted(ID, "wang-tech", true, NOW))
                .when(new AcceptAssignment(ID, null), callerAs("acme", "wang-tech", "HANDLER"))
                .expectException(refusal(RefusalCode.TICKET_STATE_CONFLICT)).expectNoEvents();
    }

    // send back and supply

    @Test
    void the_assignee_sends_a_ticket_back_for_missing_details_and_intake_supplies_them() {
        fixture.given(opened(), assigned("wang-tech"))
                .when(new SendBackForInformation(ID, null, "serial number"), callerAs("acme", "wang-tech", "HANDLER"))
                .expectEvents(new TicketSentBack(ID, "serial number", "wang-tech", NOW))
                .expectResultMessagePayload(2L);
        fixture.given(opened(), assigned("wang-tech"), new TicketSentBack(ID, "serial number", "wang-tech", NOW))
                .when(new SupplyInformation(ID, null, "SN 12345"), caller("acme", "AGENT"))
                .expectEvents(new InformationSupplied(ID, "SN 12345", "li-agent", NOW))
                .expectResultMessagePayload(3L);
    }

    @Test
    void sending_back_needs_the_assignee_and_what_is_missing() {
        fixture.given(opened(), assigned("wang-tech"))
                .when(new SendBackForInformation(ID, null, "serial number"), callerAs("acme", "zhao-tech", "HANDLER"))
                .expectException(refusal(RefusalCode.NOT_THE_ASSIGNEE)).expectNoEvents();
        fixture.given(opened(), assigned("wang-tech"))
                .when(new SendBackForInformation(ID, null, " "), callerAs("acme", "wang-tech", "HANDLER"))
                .expectException(refusal(RefusalCode.REASON_REQUIRED)).expectNoEvents();
    }

    @Test
    void information_is_supplied_only_to_a_ticket_sent_back_and_not_empty() {
        fixture.given(opened(), assigned("wang-tech"))
                .when(new SupplyInformation(ID, null, "SN 12345"), caller("acme", "AGENT"))
                .expectException(refusal(RefusalCode.TICKET_STATE_CONFLICT)).expectNoEvents();
        fixture.given(opened(), assigned("wang-tech"), new TicketSentBack(ID, "serial number", "wang-tech", NOW))
                .when(new SupplyInformation(ID, null, ""), caller("acme", "AGENT"))
                .expectException(refusal(RefusalCode.REASON_REQUIRED)).expectNoEvents();
    }

    @Test
    void after_information_is_supplied_the_assignee_confirms_receipt() {
        fixture.given(opened(), classified("low"), assigned("wang-tech"),
                        new TicketSentBack(ID, "serial number", "wang-tech", NOW),
                        new InformationSupplied(ID, "SN 12345", "li-agent", NOW))
                .when(new AcceptAssignment(ID, null), callerAs("acme", "wang-tech", "HANDLER"))
                .expectEvents(new AssignmentAccepted(ID, "wang-tech", false, NOW),
                        TicketFixtures.clockStarted(com.aftersales.sla.SlaMetric.ESCALATION, 1, "low", NOW))
                .expectResultMessagePayload(6L);
    }
}
