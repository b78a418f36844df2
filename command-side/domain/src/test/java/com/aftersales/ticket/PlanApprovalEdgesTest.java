package com.aftersales.ticket;

import static com.aftersales.ticket.TicketFixtures.ID;
import static com.aftersales.ticket.TicketFixtures.NOW;
import static com.aftersales.ticket.TicketFixtures.callerAs;
import static com.aftersales.ticket.TicketHandlingTest.TECH;
import static com.aftersales.ticket.TicketHandlingTest.inProgress;
import static com.aftersales.ticket.TicketHandlingTest.plan;
import static com.aftersales.ticket.TicketHandlingTest.proposal;
import static com.aftersales.ticket.TicketHandlingTest.with;

import com.aftersales.refusal.Refusal;
import com.aftersales.refusal.RefusalCode;
import com.aftersales.refusal.RefusedException;
import com.aftersales.ticket.ComplaintCommands.ComplaintOutcome;
import com.aftersales.ticket.ComplaintCommands.RootCause;
import com.aftersales.ticket.ComplaintCommands.SubmitComplaintFeedback;
import com.aftersales.ticket.HandlingCommands.Compensation;
import com.aftersales.ticket.HandlingCommands.ResolveTicket;
import com.aftersales.ticket.HandlingCommands.Satisfaction;
import com.aftersales.ticket.HandlingEvents.PlanApprovalRequired;
import com.aftersales.ticket.HandlingEvents.PlanApproved;
import com.aftersales.ticket.HandlingEvents.PlanProposed;
import com.aftersales.ticket.HandlingEvents.PlanRejected;
import com.aftersales.ticket.LifecycleCommands.ClassifyTicket;
import com.aftersales.ticket.LifecycleEvents.AssignmentAccepted;
import com.aftersales.ticket.LifecycleEvents.TicketAssigned;
import com.aftersales.ticket.LifecycleEvents.TicketClassified;
import java.math.BigDecimal;
import java.util.List;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.CustomMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.Test;

/** SPEC §5 at its edges: the compensation cap, zero compensation, and who must approve after a change of level. */
class PlanApprovalEdgesTest {

    FixtureConfiguration<Ticket> fixture = TicketFixtures.fixture(new TicketTest.RecordingNumbers());

    static final MetaData THE_TECHNICIAN = callerAs("acme", TECH, "HANDLER");
    static final MetaData AGENT = callerAs("acme", "li-agent", "AGENT");

    static Matcher<Object> refused(Refusal expected) {
        return new CustomMatcher<>("refused with " + expected) {
            @Override
            public boolean matches(Object item) {
                return item instanceof RefusedException e && e.refusal().equals(expected);
            }
        };
    }

    /** A low-priority repair of an order of 1,000: the tenant's cap (30 %) is 300. */
    static Object[] lowPriorityOrderOf1000InProgress() {
        Registration r = WorkedExamples.airConditionerRepair();
        Registration withOrder = new Registration(r.channel(), r.type(), "low", r.customer(),
                new Registration.Product("A", null, null, new BigDecimal("1000")), r.problem(), r.attachments(),
                r.expectedResolutionAt(), r.emotion());
        return new Object[] {new TicketOpened(ID, "acme", "20240520001", withOrder, "li-agent", NOW),
                new TicketAssigned(ID, "technical", TECH, "li-agent", NOW), new AssignmentAccepted(ID, TECH, false, NOW)};
    }

    static PlanProposed proposed(Compensation compensation, String approvalBy) {
        return new PlanProposed(ID, null, "replace the capacitor", List.of("on-site repair"), new BigDecimal("80"),
                compensation, NOW.plusSeconds(3600), approvalBy, TECH, NOW);
    }

    @Test
    void compensation_of_exactly_the_cap_needs_no_manager_one_cent_more_does() {
        Compensation atCap = new Compensation(new BigDecimal("300"), "refund");
        fixture.given(lowPriorityOrderOf1000InProgress()).when(proposal(atCap), THE_TECHNICIAN)
                .expectEvents(proposed(atCap, null));
        Compensation overCap = new Compensation(new BigDecimal("300.01"), "refund");
        fixture.given(lowPriorityOrderOf1000InProgress()).when(proposal(overCap), THE_TECHNICIAN)
                .expectEvents(proposed(overCap, "MANAGER"));
    }

    @Test
    void zero_compensation_needs_no_approval_even_when_the_order_amount_is_unknown() {
        Compensation none = new Compensation(BigDecimal.ZERO, "none");
        fixture.given(inProgress("low")).when(proposal(none), THE_TECHNICIAN)
                .expectEvents(proposed(none, null));
    }

    @Test
    void a_complaint_form_reporting_zero_compensation_needs_no_approved_plan() {
        SubmitComplaintFeedback form = new SubmitComplaintFeedback(ID, null, ComplaintOutcome.RESOLVED, null, true, null,
                new Compensation(BigDecimal.ZERO, "none"), null, null, null, Satisfaction.SATISFIED,
                RootCause.PROCESS_GAP, null);
        fixture.given(TicketComplaintTest.closedComplaint()).when(form, THE_TECHNICIAN)
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void raising_the_level_of_a_supervisor_approved_plan_to_the_highest_needs_the_manager() {
        fixture.given(with(inProgress("normal"), plan("SUPERVISOR"), new PlanApproved(ID, "sup", NOW)))
                .when(new ClassifyTicket(ID, null, "repair", "urgent", null), AGENT)
                .expectEvents(new TicketClassified(ID, "repair", "urgent", null, "li-agent", NOW, 1L),
                        new PlanApprovalRequired(ID, "MANAGER", NOW));
    }

    @Test
    void raising_a_direct_plan_to_the_second_level_needs_a_supervisor() {
        fixture.given(with(inProgress("low"), plan(null)))
                .when(new ClassifyTicket(ID, null, "repair", "normal", null), AGENT)
                .expectEvents(new TicketClassified(ID, "repair", "normal", null, "li-agent", NOW, 1L),
                        new PlanApprovalRequired(ID, "SUPERVISOR", NOW));
    }

    @Test
    void lowering_the_level_never_reopens_an_approval() {
        fixture.given(with(inProgress("urgent"), plan("MANAGER"), new PlanApproved(ID, "boss", NOW)))
                .when(new ClassifyTicket(ID, null, "repair", "normal", null), AGENT)
                .expectEvents(new TicketClassified(ID, "repair", "normal", null, "li-agent", NOW, 1L));
        fixture.given(with(inProgress("normal"), plan("SUPERVISOR"), new PlanApproved(ID, "sup", NOW)))
                .when(new ClassifyTicket(ID, null, "repair", "normal", null), AGENT)
                .expectEvents(new TicketClassified(ID, "repair", "normal", null, "li-agent", NOW, 1L));
    }

    @Test
    void resolving_before_approval_names_who_must_approve_and_after_a_rejection_asks_for_a_new_plan() {
        fixture.given(with(inProgress("normal"), plan("SUPERVISOR")))
                .when(new ResolveTicket(ID, null, "done"), THE_TECHNICIAN)
                .expectException(refused(Refusal.of(RefusalCode.PLAN_NOT_APPROVED, "approvalBy", "SUPERVISOR")))
                .expectNoEvents();
        fixture.given(with(inProgress("normal"), plan("SUPERVISOR"), new PlanRejected(ID, "too costly", "sup", NOW)))
                .when(new ResolveTicket(ID, null, "done"), THE_TECHNICIAN)
                .expectException(refused(Refusal.of(RefusalCode.PLAN_NOT_APPROVED, "approvalBy", "a new plan")))
                .expectNoEvents();
    }
}
