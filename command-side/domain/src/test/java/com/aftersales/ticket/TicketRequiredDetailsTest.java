package com.aftersales.ticket;

import static com.aftersales.ticket.TicketFixtures.ID;
import static com.aftersales.ticket.TicketFixtures.NOW;
import static com.aftersales.ticket.TicketFixtures.callerAs;
import static com.aftersales.ticket.TicketFixtures.opened;
import static com.aftersales.ticket.TicketFixtures.refusal;
import static com.aftersales.ticket.TicketHandlingTest.TECH;
import static com.aftersales.ticket.TicketHandlingTest.closed;
import static com.aftersales.ticket.TicketHandlingTest.inProgress;
import static com.aftersales.ticket.TicketHandlingTest.with;

import com.aftersales.refusal.RefusalCode;
import com.aftersales.ticket.ComplaintCommands.RecordPlanChange;
import com.aftersales.ticket.ComplaintCommands.RecordWarranty;
import com.aftersales.ticket.Channel;
import com.aftersales.ticket.HandlingCommands.RecordCustomerUpdate;
import com.aftersales.ticket.HandlingCommands.RecordFollowUpCall;
import com.aftersales.ticket.HandlingCommands.ResolveTicket;
import com.aftersales.ticket.HandlingCommands.SetProgress;
import com.aftersales.ticket.HandlingEvents.SupervisorFollowUpOpened;
import com.aftersales.ticket.HandlingEvents.SurveyRecorded;
import com.aftersales.ticket.HandlingCommands.Satisfaction;
import com.aftersales.ticket.LifecycleCommands.AddCoHandler;
import com.aftersales.ticket.LifecycleCommands.AssignTicket;
import com.aftersales.ticket.LifecycleCommands.ReassignTicket;
import com.aftersales.ticket.LifecycleEvents.TicketAssigned;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

/** What each command must say to be recorded: without it the command is refused and nothing changes. */
class TicketRequiredDetailsTest {

    FixtureConfiguration<Ticket> fixture = TicketFixtures.fixture(new TicketTest.RecordingNumbers());

    static final MetaData AGENT = callerAs("acme", "li-agent", "AGENT");
    static final MetaData SUPERVISOR = callerAs("acme", "sup", "SUPERVISOR");
    static final MetaData THE_TECHNICIAN = callerAs("acme", TECH, "HANDLER");

    @Test
    void an_assignment_names_the_department() {
        fixture.given(opened()).when(new AssignTicket(ID, null, " ", TECH), AGENT)
                .expectException(refusal(RefusalCode.ASSIGNMENT_INCOMPLETE)).expectNoEvents();
        fixture.given(opened()).when(new AssignTicket(ID, null, null, TECH), AGENT)
                .expectException(refusal(RefusalCode.ASSIGNMENT_INCOMPLETE)).expectNoEvents();
    }

    @Test
    void a_reassignment_names_the_new_department_and_person() {
        Object[] assigned = {opened(), new TicketAssigned(ID, "technical", TECH, "li-agent", NOW)};
        fixture.given(assigned).when(new ReassignTicket(ID, null, "", "zhao-tech", "closer to the customer"), SUPERVISOR)
                .expectException(refusal(RefusalCode.ASSIGNMENT_INCOMPLETE)).expectNoEvents();
        fixture.given(assigned).when(new ReassignTicket(ID, null, "field", " ", "closer to the customer"), SUPERVISOR)
                .expectException(refusal(RefusalCode.ASSIGNMENT_INCOMPLETE)).expectNoEvents();
    }

    @Test
    void a_co_handler_is_named() {
        fixture.given(inProgress("low")).when(new AddCoHandler(ID, null, " "), SUPERVISOR)
                .expectException(refusal(RefusalCode.ASSIGNMENT_INCOMPLETE)).expectNoEvents();
    }

    @Test
    void progress_customer_updates_and_resolutions_have_content() {
        fixture.given(inProgress("low")).when(new SetProgress(ID, null, " "), THE_TECHNICIAN)
                .expectException(refusal(RefusalCode.REASON_REQUIRED)).expectNoEvents();
        fixture.given(inProgress("low")).when(new RecordCustomerUpdate(ID, null, Channel.PHONE, ""), AGENT)
                .expectException(refusal(RefusalCode.REASON_REQUIRED)).expectNoEvents();
        fixture.given(inProgress("low")).when(new ResolveTicket(ID, null, " "), THE_TECHNICIAN)
                .expectException(refusal(RefusalCode.REASON_REQUIRED)).expectNoEvents();
    }

    @Test
    void a_warranty_names_the_part_and_a_plan_change_says_what_changed() {
        fixture.given(inProgress("low"))
                .when(new RecordWarranty(ID, null, " ", NOW.plusSeconds(86_400)), THE_TECHNICIAN)
                .expectException(refusal(RefusalCode.REASON_REQUIRED)).expectNoEvents();
        fixture.given(inProgress("low"))
                .when(new RecordPlanChange(ID, null, "", "signed by the customer"), THE_TECHNICIAN)
                .expectException(refusal(RefusalCode.REASON_REQUIRED)).expectNoEvents();
    }

    @Test
    void a_follow_up_call_has_a_summary_and_after_a_poor_score_its_cause() {
        fixture.given(closed()).when(new RecordFollowUpCall(ID, null, " ", null, null), AGENT)
                .expectException(refusal(RefusalCode.REASON_REQUIRED)).expectNoEvents();
        Object[] poorScore = with(closed(), new SurveyRecorded(ID, Satisfaction.BASICALLY_SATISFIED, 2, 2, 3, 2, 4, null, "li-agent", NOW),
                new SupervisorFollowUpOpened(ID, 2, NOW));
        fixture.given(poorScore).when(new RecordFollowUpCall(ID, null, "called back", " ", "re-train"), SUPERVISOR)
                .expectException(refusal(RefusalCode.REASON_REQUIRED)).expectNoEvents();
    }
}
