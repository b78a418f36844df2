package com.aftersales.ticket;

import static com.aftersales.ticket.TicketFixtures.ID;
import static com.aftersales.ticket.TicketFixtures.NOW;
import static com.aftersales.ticket.TicketFixtures.callerAs;
import static com.aftersales.ticket.TicketFixtures.opened;
import static com.aftersales.ticket.TicketFixtures.refusal;
import static com.aftersales.ticket.TicketHandlingTest.TECH;
import static com.aftersales.ticket.TicketHandlingTest.closed;
import static com.aftersales.ticket.TicketHandlingTest.inProgress;
import static com.aftersales.ticket.TicketHandlingTest.proposal;
import static com.aftersales.ticket.TicketHandlingTest.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aftersales.refusal.RefusalCode;
import com.aftersales.ticket.ComplaintCommands.ComplaintOutcome;
import com.aftersales.ticket.ComplaintCommands.RootCause;
import com.aftersales.ticket.ComplaintCommands.SubmitComplaintFeedback;
import com.aftersales.ticket.HandlingCommands.Satisfaction;
import com.aftersales.ticket.LifecycleCommands.ClassifyTicket;
import com.aftersales.ticket.LifecycleCommands.MarkTicket;
import com.aftersales.ticket.LifecycleEvents.AssignmentAccepted;
import com.aftersales.ticket.LifecycleEvents.TicketAssigned;
import com.aftersales.ticket.LifecycleEvents.TicketClassified;
import com.aftersales.ticket.LifecycleEvents.TicketMarked;
import com.aftersales.ticket.LifecycleEvents.TicketSentBack;
import java.util.EnumSet;
import java.util.Set;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

/** Refusals at the edges of the lifecycle: each names the rule and checks that nothing is recorded. */
class TicketRefusalEdgesTest {

    TicketTest.RecordingNumbers numbers = new TicketTest.RecordingNumbers();
    FixtureConfiguration<Ticket> fixture = TicketFixtures.fixture(numbers);

    static final MetaData AGENT = callerAs("acme", "li-agent", "AGENT");
    static final MetaData THE_TECHNICIAN = callerAs("acme", TECH, "HANDLER");

    @Test
    void a_ticket_whose_tenant_is_no_longer_configured_refuses_commands() {
        TicketOpened ofGoneTenant = new TicketOpened(ID, "gone", "20240520001", WorkedExamples.airConditionerRepair(),
                "li-agent", NOW);
        fixture.given(ofGoneTenant)
                .when(new ClassifyTicket(ID, null, "repair", "low", null), callerAs("gone", "li-agent", "AGENT"))
                .expectException(refusal(RefusalCode.TENANT_UNKNOWN)).expectNoEvents();
    }

    @Test
    void a_ticket_whose_marks_were_cleared_loads_and_takes_new_marks() {
        fixture.given(opened(), new TicketMarked(ID, EnumSet.of(Mark.VIP), "li-agent", NOW),
                        new TicketMarked(ID, Set.of(), "li-agent", NOW))
                .when(new MarkTicket(ID, null, Set.of(Mark.REPEAT)), AGENT)
                .expectEvents(new TicketMarked(ID, EnumSet.of(Mark.REPEAT), "li-agent", NOW));
    }

    @Test
    void a_ticket_sent_back_for_information_cannot_become_a_complaint() {
        fixture.given(with(inProgress("low"), new TicketSentBack(ID, "serial number", TECH, NOW)))
                .when(new ClassifyTicket(ID, null, "complaint", "low", null), AGENT)
                .expectException(refusal(RefusalCode.COMPLAINT_TYPE_LOCKED)).expectNoEvents();
    }

    @Test
    void before_handling_starts_a_ticket_may_still_become_a_complaint() {
        fixture.given(opened(), new TicketAssigned(ID, "technical", TECH, "li-agent", NOW))
                .when(new ClassifyTicket(ID, null, "complaint", "low", null), AGENT)
                .expectEvents(new TicketClassified(ID, "complaint", "low", null, "li-agent", NOW, 1L));
    }

    @Test
    void a_ticket_that_is_not_a_complaint_has_no_feedback_form_to_submit() {
        fixture.given(closed()).when(TicketComplaintTest.form(ComplaintOutcome.RESOLVED, null), THE_TECHNICIAN)
                .expectException(refusal(RefusalCode.NOT_A_COMPLAINT)).expectNoEvents();
    }

    @Test
    void a_ticket_that_is_not_a_complaint_has_no_feedback_form_to_review() {
        fixture.given(closed())
                .when(new ComplaintCommands.ReviewComplaintFeedback(ID, null, true, null), callerAs("acme", "sup", "SUPERVISOR"))
                .expectException(refusal(RefusalCode.NOT_A_COMPLAINT)).expectNoEvents();
    }

    @Test
    void a_form_saying_the_customers_demand_was_not_met_gives_the_reason() {
        SubmitComplaintFeedback unmetWithoutReason = new SubmitComplaintFeedback(ID, null, ComplaintOutcome.RESOLVED,
                null, false, " ", null, null, null, null, Satisfaction.SATISFIED, RootCause.PROCESS_GAP, null);
        fixture.given(TicketComplaintTest.closedComplaint()).when(unmetWithoutReason, THE_TECHNICIAN)
                .expectException(refusal(RefusalCode.FEEDBACK_INCOMPLETE)).expectNoEvents();
        SubmitComplaintFeedback unmetWithReason = new SubmitComplaintFeedback(ID, null, ComplaintOutcome.RESOLVED,
                null, false, "wanted a new unit", null, null, null, null, Satisfaction.SATISFIED, RootCause.PROCESS_GAP,
                null);
        fixture.given(TicketComplaintTest.closedComplaint()).when(unmetWithReason, THE_TECHNICIAN)
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void a_ticket_handled_without_a_priority_level_gets_no_plan_until_it_has_one() {
        fixture.given(TicketFixtures.openedWithoutPriority(), new TicketAssigned(ID, "technical", TECH, "li-agent", NOW),
                        new AssignmentAccepted(ID, TECH, false, NOW))
                .when(proposal(null), THE_TECHNICIAN)
                .expectException(refusal(RefusalCode.PRIORITY_REQUIRED)).expectNoEvents();
    }

    @Test
    void a_registration_that_fails_to_be_stored_gives_its_number_back() {
        fixture.given(opened())
                .when(new OpenTicket(ID, WorkedExamples.airConditionerRepair()), AGENT)
                .expectException(Exception.class);
        assertThat(numbers.issued).hasSize(1);
        assertThat(numbers.released).containsExactlyElementsOf(numbers.issued);
    }

    @Test
    void a_command_without_a_lifecycle_rule_is_a_programming_error() {
        assertThatThrownBy(() -> TicketLifecycle.of(String.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("String");
    }
}
