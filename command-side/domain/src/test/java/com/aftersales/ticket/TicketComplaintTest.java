package com.aftersales.ticket;

import static com.aftersales.ticket.TicketFixtures.ID;
import static com.aftersales.ticket.TicketFixtures.NOW;
import static com.aftersales.ticket.TicketFixtures.callerAs;
import static com.aftersales.ticket.TicketFixtures.refusal;
import static com.aftersales.ticket.TicketHandlingTest.TECH;
import static com.aftersales.ticket.TicketHandlingTest.with;

import com.aftersales.refusal.RefusalCode;
import com.aftersales.ticket.ComplaintCommands.ComplaintMeasure;
import com.aftersales.ticket.ComplaintCommands.ComplaintOutcome;
import com.aftersales.ticket.ComplaintCommands.RecordPlanChange;
import com.aftersales.ticket.ComplaintCommands.RecordWarranty;
import com.aftersales.ticket.ComplaintCommands.ReviewComplaintFeedback;
import com.aftersales.ticket.ComplaintCommands.RootCause;
import com.aftersales.ticket.ComplaintCommands.SubmitComplaintFeedback;
import com.aftersales.ticket.ComplaintEvents.ComplaintFeedbackApproved;
import com.aftersales.ticket.ComplaintEvents.ComplaintFeedbackSentBack;
import com.aftersales.ticket.ComplaintEvents.ComplaintFeedbackSubmitted;
import com.aftersales.ticket.ComplaintEvents.PlanChangeConfirmed;
import com.aftersales.ticket.ComplaintEvents.WarrantyRecorded;
import com.aftersales.ticket.HandlingCommands.ArchiveTicket;
import com.aftersales.ticket.HandlingCommands.Compensation;
import com.aftersales.ticket.HandlingCommands.Satisfaction;
import com.aftersales.ticket.HandlingEvents.PlanProposed;
import com.aftersales.ticket.HandlingEvents.ResolutionAccepted;
import com.aftersales.ticket.HandlingEvents.ResolutionRejected;
import com.aftersales.ticket.HandlingEvents.TicketArchived;
import com.aftersales.ticket.HandlingEvents.TicketResolved;
import com.aftersales.ticket.LifecycleEvents.AssignmentAccepted;
import com.aftersales.ticket.LifecycleEvents.TicketAssigned;
import com.aftersales.ticket.LifecycleEvents.TicketClassified;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Set;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

/** The complaint feedback form and its review (SPEC §7), warranties and confirmed plan changes. */
class TicketComplaintTest {

    static final Compensation COUPON = new Compensation(new BigDecimal("100"), "coupon");

    FixtureConfiguration<Ticket> fixture = TicketFixtures.fixture(new TicketTest.RecordingNumbers());

    /** Worked example 3: a complaint about a late technician, resolved and accepted. */
    static Object[] closedComplaint() {
        return new Object[] {TicketFixtures.opened(), new TicketClassified(ID, "complaint", "low", null, "li-agent", NOW),
                new TicketAssigned(ID, "complaint-team", TECH, "li-agent", NOW), new AssignmentAccepted(ID, TECH, true, NOW),
                new TicketResolved(ID, "apologised, coupon", TECH, NOW), new ResolutionAccepted(ID, "ok", "li-agent", NOW)};
    }

    static SubmitComplaintFeedback form(ComplaintOutcome outcome, String reason) {
        return new SubmitComplaintFeedback(ID, null, outcome, reason, true, null, COUPON,
                Set.of(ComplaintMeasure.COMPENSATION, ComplaintMeasure.PROCESS_OPTIMIZATION), "09:00 call, 11:00 visit",
                "satisfied", Satisfaction.SATISFIED, RootCause.PROCESS_GAP, "roster technicians by distance");
    }

    static ComplaintFeedbackSubmitted submitted(ComplaintOutcome outcome, String reason, java.time.Instant due) {
        return new ComplaintFeedbackSubmitted(ID, outcome, reason, true, null, COUPON,
                Set.of(ComplaintMeasure.COMPENSATION, ComplaintMeasure.PROCESS_OPTIMIZATION), "09:00 call, 11:00 visit",
                "satisfied", Satisfaction.SATISFIED, RootCause.PROCESS_GAP, "roster technicians by distance", due, TECH, NOW);
    }

    /** Example 3 approved the coupon with its plan; the order amount is unknown, so any compensation is over the cap. */
    static Object[] closedComplaintWithApprovedCoupon() {
        return with(closedComplaint(), new com.aftersales.ticket.HandlingEvents.PlanProposed(ID, null, "apologise",
                java.util.List.of(), null, COUPON, null, "MANAGER", TECH, NOW),
                new com.aftersales.ticket.HandlingEvents.PlanApproved(ID, "boss", NOW));
    }

    @Test
    void compensation_reported_over_the_cap_must_have_been_approved_by_the_manager() {
        fixture.given(closedComplaint())
                .when(form(ComplaintOutcome.RESOLVED, null), callerAs("acme", TECH, "HANDLER"))
                .expectException(refusal(RefusalCode.COMPENSATION_NOT_APPROVED)).expectNoEvents();
        fixture.given(closedComplaintWithApprovedCoupon())
                .when(new SubmitComplaintFeedback(ID, null, ComplaintOutcome.RESOLVED, null, true, null,
                        new Compensation(new BigDecimal("150"), "coupon"), null, null, null, Satisfaction.SATISFIED, RootCause.PROCESS_GAP, null),
                        callerAs("acme", TECH, "HANDLER"))
                .expectException(refusal(RefusalCode.COMPENSATION_NOT_APPROVED)).expectNoEvents();
    }

    /** Example 3 with an order amount of 1,000: a 100-yuan coupon is within the 30 % cap. */
    static Object[] closedComplaintWithOrderAmount() {
        Object[] closed = closedComplaint();
        TicketOpened opened = (TicketOpened) closed[0];
        Registration r = opened.registration();
        closed[0] = new TicketOpened(ID, "acme", opened.number(), new Registration(r.channel(), r.type(), r.priority(),
                r.customer(), new Registration.Product("C", null, null, new BigDecimal("1000")), r.problem(),
                r.attachments(), r.expectedResolutionAt(), r.emotion()), opened.registrar(), NOW);
        return closed;
    }

    @Test
    void compensation_within_the_cap_is_reported_only_as_far_as_a_plan_in_effect_promised_it() {
        fixture.given(closedComplaintWithOrderAmount())
                .when(form(ComplaintOutcome.RESOLVED, null), callerAs("acme", TECH, "HANDLER"))
                .expectException(refusal(RefusalCode.COMPENSATION_NOT_APPROVED)).expectNoEvents();
        Object[] withSmallerCoupon = with(closedComplaintWithOrderAmount(), new PlanProposed(ID, null, "apologise",
                java.util.List.of(), null, new Compensation(new BigDecimal("50"), "coupon"), null, null, TECH, NOW));
        fixture.given(withSmallerCoupon)
                .when(form(ComplaintOutcome.RESOLVED, null), callerAs("acme", TECH, "HANDLER"))
                .expectException(refusal(RefusalCode.COMPENSATION_NOT_APPROVED)).expectNoEvents();
        fixture.given(with(closedComplaintWithOrderAmount(), new PlanProposed(ID, null, "apologise",
                        java.util.List.of(), null, COUPON, null, null, TECH, NOW)))
                .when(form(ComplaintOutcome.RESOLVED, null), callerAs("acme", TECH, "HANDLER"))
                .expectEvents(submitted(ComplaintOutcome.RESOLVED, null, null))
                .expectResultMessagePayload(7L);
    }

    @Test
    void after_a_rejected_resolution_the_old_form_cannot_be_approved_again() {
        Object[] secondHandling = with(closedComplaintWithApprovedCoupon(), submitted(ComplaintOutcome.RESOLVED, null, null),
                new ComplaintFeedbackApproved(ID, null, "sup", NOW),
                new ResolutionRejected(ID, "still late", NOW.plus(Duration.ofDays(3)), "li-agent", NOW));
        fixture.given(secondHandling)
                .when(new ReviewComplaintFeedback(ID, null, true, "ok"), callerAs("acme", "sup", "SUPERVISOR"))
                .expectException(refusal(RefusalCode.NO_FEEDBACK_TO_REVIEW)).expectNoEvents();
        fixture.given(with(secondHandling, submitted(ComplaintOutcome.RESOLVED, null, null)))
                .when(new ReviewComplaintFeedback(ID, null, true, "ok"), callerAs("acme", "sup", "SUPERVISOR"))
                .expectEvents(new ComplaintFeedbackApproved(ID, "ok", "sup", NOW))
                .expectResultMessagePayload(12L);
    }

    @Test
    void the_responsible_person_submits_the_feedback_form_and_the_supervisor_approves_archiving() {
        fixture.given(closedComplaintWithApprovedCoupon())
                .when(form(ComplaintOutcome.RESOLVED, null), callerAs("acme", TECH, "HANDLER"))
                .expectEvents(submitted(ComplaintOutcome.RESOLVED, null, null))
                .expectResultMessagePayload(8L);
        fixture.given(with(closedComplaint(), submitted(ComplaintOutcome.RESOLVED, null, null)))
                .when(new ReviewComplaintFeedback(ID, null, true, "complete"), callerAs("acme", "sup", "SUPERVISOR"))
                .expectEvents(new ComplaintFeedbackApproved(ID, "complete", "sup", NOW))
                .expectResultMessagePayload(7L);
    }

    @Test
    void an_unresolved_complaint_gets_a_second_result_due_in_3_days() {
        fixture.given(closedComplaintWithApprovedCoupon())
                .when(form(ComplaintOutcome.NEGOTIATING, "customer wants a refund"), callerAs("acme", TECH, "HANDLER"))
                .expectEvents(submitted(ComplaintOutcome.NEGOTIATING, "customer wants a refund", NOW.plus(Duration.ofDays(3))),
                        TicketFixtures.clockStarted(com.aftersales.sla.SlaMetric.COMPLAINT_SECOND_RESULT, 1, "low", NOW))
                .expectResultMessagePayload(9L);
    }

    @Test
    void on_a_friday_afternoon_the_second_result_is_due_3_working_days_later_as_its_clock() {
        java.time.Instant friday = java.time.Instant.parse("2024-05-24T09:00:00Z"); // Friday 17:00 in Shanghai
        java.time.Instant wednesday = java.time.Instant.parse("2024-05-29T09:00:00Z"); // Wednesday 17:00
        var secondResult = TicketFixtures.clockStarted(com.aftersales.sla.SlaMetric.COMPLAINT_SECOND_RESULT, 1, "low", friday);
        org.assertj.core.api.Assertions.assertThat(secondResult.dueAt()).isEqualTo(wednesday);
        TicketFixtures.fixture(new TicketTest.RecordingNumbers(), friday).given(closedComplaintWithApprovedCoupon())
                .when(form(ComplaintOutcome.NEGOTIATING, "customer wants a refund"), callerAs("acme", TECH, "HANDLER"))
                .expectEvents(new ComplaintFeedbackSubmitted(ID, ComplaintOutcome.NEGOTIATING, "customer wants a refund",
                        true, null, COUPON, Set.of(ComplaintMeasure.COMPENSATION, ComplaintMeasure.PROCESS_OPTIMIZATION),
                        "09:00 call, 11:00 visit", "satisfied", Satisfaction.SATISFIED, RootCause.PROCESS_GAP,
                        "roster technicians by distance", wednesday, TECH, friday), secondResult);
    }

    @Test
    void an_unsatisfied_complaint_gets_a_second_result_due_in_3_days_even_when_resolved() {
        fixture.given(closedComplaintWithApprovedCoupon())
                .when(new SubmitComplaintFeedback(ID, null, ComplaintOutcome.RESOLVED, null, true, null, null, null,
                        null, "still angry", Satisfaction.UNSATISFIED, RootCause.PROCESS_GAP, null),
                        callerAs("acme", TECH, "HANDLER"))
                .expectEvents(new ComplaintFeedbackSubmitted(ID, ComplaintOutcome.RESOLVED, null, true, null, null, Set.of(),
                        null, "still angry", Satisfaction.UNSATISFIED, RootCause.PROCESS_GAP, null,
                        NOW.plus(Duration.ofDays(3)), TECH, NOW),
                        TicketFixtures.clockStarted(com.aftersales.sla.SlaMetric.COMPLAINT_SECOND_RESULT, 1, "low", NOW))
                .expectResultMessagePayload(9L);
    }

    @Test
    void a_form_without_root_cause_or_without_the_reason_of_an_open_outcome_is_refused() {
        fixture.given(closedComplaintWithApprovedCoupon())
                .when(form(ComplaintOutcome.UNRESOLVABLE, " "), callerAs("acme", TECH, "HANDLER"))
                .expectException(refusal(RefusalCode.FEEDBACK_INCOMPLETE)).expectNoEvents();
        fixture.given(closedComplaint())
                .when(new SubmitComplaintFeedback(ID, null, ComplaintOutcome.RESOLVED, null, true, null, null, null,
                        null, null, Satisfaction.SATISFIED, null, null), callerAs("acme", TECH, "HANDLER"))
                .expectException(refusal(RefusalCode.FEEDBACK_INCOMPLETE)).expectNoEvents();
    }

    @Test
    void which_types_are_complaints_is_the_tenants_setting() {
        TicketOpened nimbusTicket = new TicketOpened(ID, "nimbus", "SR202405200001", WorkedExamples.blackScreen(),
                "agent", NOW);
        Object[] handled = {nimbusTicket, new TicketClassified(ID, "complaint-rights", "P2", null, "agent", NOW),
                new TicketAssigned(ID, "complaint-team", TECH, "agent", NOW), new AssignmentAccepted(ID, TECH, true, NOW),
                new PlanProposed(ID, null, "apologise", java.util.List.of(), null, COUPON, null, null, TECH, NOW)};
        fixture.given(handled)
                .when(form(ComplaintOutcome.RESOLVED, null), callerAs("nimbus", TECH, "HANDLER"))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(5L);
        fixture.given(with(closedComplaint()))
                .when(new SubmitComplaintFeedback(ID, null, ComplaintOutcome.RESOLVED, null, true, null, null, null,
                        null, null, Satisfaction.SATISFIED, RootCause.OTHER, null), callerAs("acme", TECH, "HANDLER"))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(6L);
    }

    @Test
    void only_complaints_have_a_feedback_form() {
        fixture.given(TicketHandlingTest.closed())
                .when(form(ComplaintOutcome.RESOLVED, null), callerAs("acme", TECH, "HANDLER"))
                .expectException(refusal(RefusalCode.NOT_A_COMPLAINT)).expectNoEvents();
    }

    @Test
    void the_supervisor_sends_the_form_back_for_supplement_with_a_note_and_only_reviews_a_submitted_form() {
        Object[] submittedForm = with(closedComplaint(), submitted(ComplaintOutcome.RESOLVED, null, null));
        fixture.given(submittedForm)
                .when(new ReviewComplaintFeedback(ID, null, false, "add the communication records"),
                        callerAs("acme", "sup", "SUPERVISOR"))
                .expectEvents(new ComplaintFeedbackSentBack(ID, "add the communication records", "sup", NOW))
                .expectResultMessagePayload(7L);
        fixture.given(submittedForm)
                .when(new ReviewComplaintFeedback(ID, null, false, ""), callerAs("acme", "sup", "SUPERVISOR"))
                .expectException(refusal(RefusalCode.REASON_REQUIRED)).expectNoEvents();
        fixture.given(closedComplaint())
                .when(new ReviewComplaintFeedback(ID, null, true, null), callerAs("acme", "sup", "SUPERVISOR"))
                .expectException(refusal(RefusalCode.NO_FEEDBACK_TO_REVIEW)).expectNoEvents();
        fixture.given(submittedForm)
                .when(new ReviewComplaintFeedback(ID, null, true, null), callerAs("acme", "boss", "MANAGER"))
                .expectException(refusal(RefusalCode.ROLE_NOT_ALLOWED)).expectNoEvents();
    }

    @Test
    void a_complaint_is_archived_only_after_its_form_is_approved() {
        fixture.given(closedComplaint())
                .when(new ArchiveTicket(ID, null), callerAs("acme", "sup", "SUPERVISOR"))
                .expectException(refusal(RefusalCode.COMPLAINT_REVIEW_PENDING)).expectNoEvents();
        fixture.given(with(closedComplaint(), TicketHandlingTest.goodSurvey(),
                        submitted(ComplaintOutcome.RESOLVED, null, null), new ComplaintFeedbackApproved(ID, null, "sup", NOW)))
                .when(new ArchiveTicket(ID, null), callerAs("acme", "sup", "SUPERVISOR"))
                .expectEvents(new TicketArchived(ID, "sup", NOW))
                .expectResultMessagePayload(9L);
    }

    @Test
    void an_unsettled_complaint_is_not_approved_a_new_form_needs_a_new_review_and_nobody_reviews_their_own() {
        fixture.given(with(closedComplaint(), submitted(ComplaintOutcome.NEGOTIATING, "refund", NOW.plus(Duration.ofDays(3)))))
                .when(new ReviewComplaintFeedback(ID, null, true, null), callerAs("acme", "sup", "SUPERVISOR"))
                .expectException(refusal(RefusalCode.COMPLAINT_NOT_SETTLED)).expectNoEvents();
        fixture.given(with(closedComplaint(), submitted(ComplaintOutcome.RESOLVED, null, null),
                        new ComplaintFeedbackApproved(ID, null, "sup", NOW), submitted(ComplaintOutcome.RESOLVED, null, null),
                        TicketHandlingTest.goodSurvey()))
                .when(new ArchiveTicket(ID, null), callerAs("acme", "sup", "SUPERVISOR"))
                .expectException(refusal(RefusalCode.COMPLAINT_REVIEW_PENDING)).expectNoEvents();
        fixture.given(with(closedComplaint(), new ComplaintFeedbackSubmitted(ID, ComplaintOutcome.RESOLVED, null, true,
                        null, null, Set.of(), null, null, Satisfaction.SATISFIED, RootCause.OTHER, null, null, "sup", NOW)))
                .when(new ReviewComplaintFeedback(ID, null, true, null), callerAs("acme", "sup", "SUPERVISOR"))
                .expectException(refusal(RefusalCode.SELF_APPROVAL)).expectNoEvents();
    }

    @Test
    void replaced_parts_get_their_warranty_and_confirmed_plan_changes_are_recorded() {
        Object[] handling = TicketHandlingTest.inProgress("low");
        fixture.given(handling)
                .when(new RecordWarranty(ID, null, "capacitor", NOW.plus(Duration.ofDays(365))), callerAs("acme", TECH, "HANDLER"))
                .expectEvents(new WarrantyRecorded(ID, "capacitor", NOW.plus(Duration.ofDays(365)), TECH, NOW))
                .expectResultMessagePayload(4L);
        fixture.given(handling)
                .when(new RecordPlanChange(ID, null, "one day later", "SMS 2024-05-21 08:00"), callerAs("acme", TECH, "HANDLER"))
                .expectEvents(new PlanChangeConfirmed(ID, "one day later", "SMS 2024-05-21 08:00", TECH, NOW))
                .expectResultMessagePayload(4L);
        fixture.given(handling)
                .when(new RecordPlanChange(ID, null, "extra fee 50", " "), callerAs("acme", TECH, "HANDLER"))
                .expectException(refusal(RefusalCode.REASON_REQUIRED)).expectNoEvents();
        fixture.given(handling)
                .when(new RecordWarranty(ID, null, "capacitor", null), callerAs("acme", TECH, "HANDLER"))
                .expectException(refusal(RefusalCode.REASON_REQUIRED)).expectNoEvents();
    }
}
