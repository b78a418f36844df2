package com.aftersales.ticket;

import static com.aftersales.ticket.TicketFixtures.ID;
import static com.aftersales.ticket.TicketFixtures.NOW;
import static com.aftersales.ticket.TicketFixtures.caller;
import static com.aftersales.ticket.TicketFixtures.callerAs;
import static com.aftersales.ticket.TicketFixtures.opened;
import static com.aftersales.ticket.TicketFixtures.refusal;

import com.aftersales.refusal.RefusalCode;
import com.aftersales.ticket.HandlingCommands.AcceptResolution;
import com.aftersales.ticket.HandlingCommands.ApprovePlan;
import com.aftersales.ticket.HandlingCommands.ArchiveTicket;
import com.aftersales.ticket.HandlingCommands.Compensation;
import com.aftersales.ticket.HandlingCommands.DiagnosisMethod;
import com.aftersales.ticket.HandlingCommands.Direction;
import com.aftersales.ticket.HandlingCommands.EscalateTicket;
import com.aftersales.ticket.HandlingCommands.EscalationLevel;
import com.aftersales.ticket.HandlingCommands.LogContact;
import com.aftersales.ticket.HandlingCommands.ProposePlan;
import com.aftersales.ticket.HandlingCommands.RecordCustomerUpdate;
import com.aftersales.ticket.HandlingCommands.RecordDiagnosis;
import com.aftersales.ticket.HandlingCommands.RecordFollowUpCall;
import com.aftersales.ticket.HandlingCommands.RecordSurvey;
import com.aftersales.ticket.HandlingCommands.RejectPlan;
import com.aftersales.ticket.HandlingCommands.RejectResolution;
import com.aftersales.ticket.HandlingCommands.ResolveTicket;
import com.aftersales.ticket.HandlingCommands.Satisfaction;
import com.aftersales.ticket.HandlingCommands.SetProgress;
import com.aftersales.ticket.HandlingEvents.ContactLogged;
import com.aftersales.ticket.HandlingEvents.CustomerUpdated;
import com.aftersales.ticket.HandlingEvents.DiagnosisRecorded;
import com.aftersales.ticket.HandlingEvents.FollowUpCallRecorded;
import com.aftersales.ticket.HandlingEvents.PlanApprovalRequired;
import com.aftersales.ticket.HandlingEvents.PlanApproved;
import com.aftersales.ticket.HandlingEvents.PlanProposed;
import com.aftersales.ticket.HandlingEvents.PlanRejected;
import com.aftersales.ticket.HandlingEvents.ProgressSet;
import com.aftersales.ticket.HandlingEvents.ResolutionAccepted;
import com.aftersales.ticket.HandlingEvents.ResolutionRejected;
import com.aftersales.ticket.HandlingEvents.SupervisorFollowUpOpened;
import com.aftersales.ticket.HandlingEvents.SurveyRecorded;
import com.aftersales.ticket.HandlingEvents.ThankYouDue;
import com.aftersales.ticket.HandlingEvents.TicketArchived;
import com.aftersales.ticket.HandlingEvents.TicketEscalated;
import com.aftersales.ticket.HandlingEvents.TicketResolved;
import com.aftersales.ticket.LifecycleCommands.AcceptAssignment;
import com.aftersales.ticket.LifecycleCommands.ClassifyTicket;
import com.aftersales.ticket.LifecycleEvents.AssignmentAccepted;
import com.aftersales.ticket.LifecycleEvents.TicketAssigned;
import com.aftersales.ticket.LifecycleEvents.TicketClassified;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

/** Handling, resolution, survey and archive (SPEC §5–§6): every accepted and every refused command. */
class TicketHandlingTest {

    static final String TECH = "wang-tech";

    FixtureConfiguration<Ticket> fixture = TicketFixtures.fixture(new TicketTest.RecordingNumbers());

    /** Example 1 in handling: urgent, assigned to and accepted by a senior technician. */
    static Object[] inProgress(String priority) {
        return new Object[] {opened(), new TicketClassified(ID, "repair", priority, null, "li-agent", NOW),
                new TicketAssigned(ID, "technical", TECH, "li-agent", NOW), new AssignmentAccepted(ID, TECH, true, NOW)};
    }

    static Object[] with(Object[] given, Object... more) {
        Object[] all = java.util.Arrays.copyOf(given, given.length + more.length);
        System.arraycopy(more, 0, all, given.length, more.length);
        return all;
    }

    static PlanProposed plan(String approvalBy) {
        return new PlanProposed(ID, null, "replace the capacitor", List.of("on-site repair"), new BigDecimal("80"),
                null, NOW.plusSeconds(3600), approvalBy, TECH, NOW);
    }

    static ProposePlan proposal(Compensation compensation) {
        return new ProposePlan(ID, null, null, "replace the capacitor", List.of("on-site repair"), new BigDecimal("80"),
                compensation, NOW.plusSeconds(3600));
    }

    static Object[] resolved() {
        return with(inProgress("low"), new TicketResolved(ID, "capacitor replaced", TECH, NOW));
    }

    static Object[] closed() {
        return with(resolved(), new ResolutionAccepted(ID, "works", "li-agent", NOW));
    }

    static SurveyRecorded goodSurvey() {
        return new SurveyRecorded(ID, Satisfaction.SATISFIED, 5, 5, 5, 5, 9, null, "li-agent", NOW);
    }

    /** Closed, surveyed and thanked: ready to archive. */
    static Object[] surveyed() {
        return with(closed(), goodSurvey(), new ThankYouDue(ID, 5, NOW));
    }

    // diagnosis and progress

    @Test
    void the_technician_records_an_on_site_diagnosis_and_progress() {
        fixture.given(inProgress("urgent"))
                .when(new RecordDiagnosis(ID, null, DiagnosisMethod.ON_SITE, "capacitor failed", NOW), callerAs("acme", TECH, "HANDLER"))
                .expectEvents(new DiagnosisRecorded(ID, DiagnosisMethod.ON_SITE, "capacitor failed", NOW, TECH, NOW))
                .expectResultMessagePayload(4L);
        fixture.given(inProgress("urgent"))
                .when(new SetProgress(ID, null, "parts-procurement"), callerAs("acme", TECH, "HANDLER"))
                .expectEvents(new ProgressSet(ID, "parts-procurement", TECH, NOW))
                .expectResultMessagePayload(4L);
    }

    @Test
    void only_handlers_of_the_ticket_diagnose_and_findings_are_required() {
        fixture.given(inProgress("urgent"))
                .when(new RecordDiagnosis(ID, null, DiagnosisMethod.PHONE, "x", null), callerAs("acme", "zhao", "HANDLER"))
                .expectException(refusal(RefusalCode.NOT_A_HANDLER)).expectNoEvents();
        fixture.given(inProgress("urgent"))
                .when(new RecordDiagnosis(ID, null, DiagnosisMethod.PHONE, " ", null), callerAs("acme", TECH, "HANDLER"))
                .expectException(refusal(RefusalCode.REASON_REQUIRED)).expectNoEvents();
        fixture.given(opened())
                .when(new SetProgress(ID, null, "inspection"), callerAs("acme", TECH, "HANDLER"))
                .expectException(refusal(RefusalCode.TICKET_STATE_CONFLICT)).expectNoEvents();
    }

    // plans and approvals

    @Test
    void a_plan_for_the_highest_level_needs_the_manager_the_second_a_supervisor_others_none() {
        fixture.given(inProgress("urgent")).when(proposal(null), callerAs("acme", TECH, "HANDLER"))
                .expectEvents(plan("MANAGER"))
                .expectResultMessagePayload(4L);
        fixture.given(inProgress("normal")).when(proposal(null), callerAs("acme", TECH, "HANDLER"))
                .expectEvents(plan("SUPERVISOR"))
                .expectResultMessagePayload(4L);
        fixture.given(inProgress("low")).when(proposal(null), callerAs("acme", TECH, "HANDLER"))
                .expectEvents(plan(null))
                .expectResultMessagePayload(4L);
    }

    @Test
    void compensation_over_the_cap_of_the_order_amount_needs_the_manager() {
        // worked example 1 has no order amount: any compensation needs the manager
        Compensation coupon = new Compensation(new BigDecimal("100"), "coupon");
        fixture.given(inProgress("low")).when(proposal(coupon), callerAs("acme", TECH, "HANDLER"))
                .expectEvents(new PlanProposed(ID, null, "replace the capacitor", List.of("on-site repair"),
                        new BigDecimal("80"), coupon, NOW.plusSeconds(3600), "MANAGER", TECH, NOW))
                .expectResultMessagePayload(4L);
    }

    @Test
    void a_plan_needs_a_temporary_or_permanent_measure() {
        fixture.given(inProgress("low"))
                .when(new ProposePlan(ID, null, " ", null, List.of(), null, null, null), callerAs("acme", TECH, "HANDLER"))
                .expectException(refusal(RefusalCode.PLAN_INCOMPLETE)).expectNoEvents();
    }

    @Test
    void the_manager_approves_a_p0_plan_a_supervisor_cannot_and_a_handler_may_not_at_all() {
        fixture.given(with(inProgress("urgent"), plan("MANAGER")))
                .when(new ApprovePlan(ID, null), callerAs("acme", "boss", "MANAGER"))
                .expectEvents(new PlanApproved(ID, "boss", NOW))
                .expectResultMessagePayload(5L);
        fixture.given(with(inProgress("urgent"), plan("MANAGER")))
                .when(new ApprovePlan(ID, null), callerAs("acme", "sup", "SUPERVISOR"))
                .expectException(refusal(RefusalCode.PLAN_APPROVAL_LEVEL)).expectNoEvents();
        fixture.given(with(inProgress("urgent"), plan("MANAGER")))
                .when(new ApprovePlan(ID, null), callerAs("acme", TECH, "HANDLER", "SENIOR"))
                .expectException(refusal(RefusalCode.ROLE_NOT_ALLOWED)).expectNoEvents();
    }

    @Test
    void a_supervisor_approves_or_rejects_a_p1_plan_with_a_reason() {
        fixture.given(with(inProgress("normal"), plan("SUPERVISOR")))
                .when(new ApprovePlan(ID, null), callerAs("acme", "sup", "SUPERVISOR"))
                .expectEvents(new PlanApproved(ID, "sup", NOW))
                .expectResultMessagePayload(5L);
        fixture.given(with(inProgress("normal"), plan("SUPERVISOR")))
                .when(new RejectPlan(ID, null, "too expensive"), callerAs("acme", "sup", "SUPERVISOR"))
                .expectEvents(new PlanRejected(ID, "too expensive", "sup", NOW))
                .expectResultMessagePayload(5L);
        fixture.given(with(inProgress("normal"), plan("SUPERVISOR")))
                .when(new RejectPlan(ID, null, ""), callerAs("acme", "sup", "SUPERVISOR"))
                .expectException(refusal(RefusalCode.REASON_REQUIRED)).expectNoEvents();
    }

    @Test
    void there_is_nothing_to_approve_without_a_pending_plan() {
        fixture.given(with(inProgress("low"), plan(null)))
                .when(new ApprovePlan(ID, null), callerAs("acme", "boss", "MANAGER"))
                .expectException(refusal(RefusalCode.NO_PLAN_PENDING)).expectNoEvents();
    }

    // contact log, customer updates, escalation

    @Test
    void staff_log_contacts_and_customer_updates_and_escalate_with_a_reason() {
        fixture.given(inProgress("urgent"))
                .when(new LogContact(ID, null, Channel.PHONE, Direction.OUTBOUND, "appointment 10:00"), callerAs("acme", TECH, "HANDLER"))
                .expectEvents(new ContactLogged(ID, Channel.PHONE, Direction.OUTBOUND, "appointment 10:00", TECH, NOW))
                .expectResultMessagePayload(4L);
        fixture.given(inProgress("urgent"))
                .when(new RecordCustomerUpdate(ID, null, Channel.PHONE, "technician on the way"), caller("acme", "AGENT"))
                .expectEvents(new CustomerUpdated(ID, Channel.PHONE, "technician on the way", "li-agent", NOW))
                .expectResultMessagePayload(4L);
        fixture.given(inProgress("urgent"))
                .when(new EscalateTicket(ID, null, EscalationLevel.MANAGER, "overdue urgent"), caller("acme", "AGENT"))
                .expectEvents(new TicketEscalated(ID, EscalationLevel.MANAGER, "overdue urgent", "li-agent", NOW))
                .expectResultMessagePayload(4L);
    }

    @Test
    void log_entries_need_content_and_auditors_only_read() {
        fixture.given(inProgress("urgent"))
                .when(new LogContact(ID, null, Channel.PHONE, Direction.INBOUND, ""), caller("acme", "AGENT"))
                .expectException(refusal(RefusalCode.REASON_REQUIRED)).expectNoEvents();
        fixture.given(inProgress("urgent"))
                .when(new RecordCustomerUpdate(ID, null, Channel.PHONE, "x"), caller("acme", "AUDITOR"))
                .expectException(refusal(RefusalCode.ROLE_NOT_ALLOWED)).expectNoEvents();
        fixture.given(inProgress("urgent"))
                .when(new EscalateTicket(ID, null, EscalationLevel.MANAGER, " "), caller("acme", "AGENT"))
                .expectException(refusal(RefusalCode.REASON_REQUIRED)).expectNoEvents();
    }

    // resolution and the customer's verdict

    @Test
    void the_technician_resolves_once_the_plan_is_approved() {
        fixture.given(with(inProgress("urgent"), plan("MANAGER")))
                .when(new ResolveTicket(ID, null, "capacitor replaced"), callerAs("acme", TECH, "HANDLER"))
                .expectException(refusal(RefusalCode.PLAN_NOT_APPROVED)).expectNoEvents();
        fixture.given(with(inProgress("urgent"), plan("MANAGER"), new PlanApproved(ID, "boss", NOW)))
                .when(new ResolveTicket(ID, null, "capacitor replaced"), callerAs("acme", TECH, "HANDLER"))
                .expectEvents(new TicketResolved(ID, "capacitor replaced", TECH, NOW))
                .expectResultMessagePayload(6L);
    }

    @Test
    void the_two_highest_levels_are_resolved_only_through_a_plan_in_effect() {
        ResolveTicket resolve = new ResolveTicket(ID, null, "capacitor replaced");
        for (String priority : List.of("urgent", "normal")) {
            fixture.given(inProgress(priority)).when(resolve, callerAs("acme", TECH, "HANDLER"))
                    .expectException(refusal(RefusalCode.PLAN_REQUIRED)).expectNoEvents();
        }
        fixture.given(inProgress("low")).when(resolve, callerAs("acme", TECH, "HANDLER"))
                .expectEvents(new TicketResolved(ID, "capacitor replaced", TECH, NOW))
                .expectResultMessagePayload(4L);
        fixture.given(with(inProgress("normal"), plan("SUPERVISOR"), new PlanApproved(ID, "sup", NOW)))
                .when(resolve, callerAs("acme", TECH, "HANDLER"))
                .expectEvents(new TicketResolved(ID, "capacitor replaced", TECH, NOW))
                .expectResultMessagePayload(6L);
    }

    @Test
    void a_follow_up_call_before_the_survey_does_not_close_the_supervisor_follow_up_a_poor_score_opens() {
        Object[] calledEarlyThenPoor = with(closed(), new FollowUpCallRecorded(ID, "called early", null, null, "li-agent", NOW),
                new SurveyRecorded(ID, Satisfaction.UNSATISFIED, 2, 2, 2, 2, 3, null, "li-agent", NOW),
                new SupervisorFollowUpOpened(ID, 2, NOW));
        fixture.given(calledEarlyThenPoor)
                .when(new ArchiveTicket(ID, null), callerAs("acme", "sup", "SUPERVISOR"))
                .expectException(refusal(RefusalCode.FOLLOW_UP_OPEN)).expectNoEvents();
        fixture.given(with(calledEarlyThenPoor, new FollowUpCallRecorded(ID, "called", "late", "rostering", "sup", NOW)))
                .when(new ArchiveTicket(ID, null), callerAs("acme", "sup", "SUPERVISOR"))
                .expectEvents(new TicketArchived(ID, "sup", NOW))
                .expectResultMessagePayload(10L);
    }

    @Test
    void the_customer_accepts_and_the_ticket_closes_or_rejects_and_it_is_handled_again_within_3_days() {
        fixture.given(resolved())
                .when(new AcceptResolution(ID, null, "works for an hour"), caller("acme", "AGENT"))
                .expectEvents(new ResolutionAccepted(ID, "works for an hour", "li-agent", NOW))
                .expectResultMessagePayload(5L);
        fixture.given(resolved())
                .when(new RejectResolution(ID, null, "still no cold air"), caller("acme", "AGENT"))
                .expectEvents(new ResolutionRejected(ID, "still no cold air", NOW.plus(Duration.ofDays(3)), "li-agent", NOW),
                        TicketFixtures.clockStarted(com.aftersales.sla.SlaMetric.SECOND_HANDLING, 1, "low", NOW))
                .expectResultMessagePayload(6L);
        fixture.given(resolved())
                .when(new RejectResolution(ID, null, ""), caller("acme", "AGENT"))
                .expectException(refusal(RefusalCode.REASON_REQUIRED)).expectNoEvents();
        fixture.given(inProgress("low"))
                .when(new AcceptResolution(ID, null, "ok"), caller("acme", "AGENT"))
                .expectException(refusal(RefusalCode.TICKET_STATE_CONFLICT)).expectNoEvents();
    }

    // survey and follow-up

    @Test
    void a_good_survey_makes_a_thank_you_due_and_a_poor_one_opens_a_supervisor_follow_up() {
        fixture.given(closed())
                .when(new RecordSurvey(ID, null, Satisfaction.SATISFIED, 5, 5, 5, 5, 9, "great"), caller("acme", "AGENT"))
                .expectEvents(new SurveyRecorded(ID, Satisfaction.SATISFIED, 5, 5, 5, 5, 9, "great", "li-agent", NOW),
                        new ThankYouDue(ID, 5, NOW))
                .expectResultMessagePayload(7L);
        fixture.given(closed())
                .when(new RecordSurvey(ID, null, Satisfaction.UNSATISFIED, 2, 3, 2, 3, 4, "slow"), caller("acme", "AGENT"))
                .expectEvents(new SurveyRecorded(ID, Satisfaction.UNSATISFIED, 2, 3, 2, 3, 4, "slow", "li-agent", NOW),
                        new SupervisorFollowUpOpened(ID, 3, NOW))
                .expectResultMessagePayload(7L);
    }

    @Test
    void survey_scores_are_checked_and_recorded_once() {
        fixture.given(closed())
                .when(new RecordSurvey(ID, null, Satisfaction.SATISFIED, 6, 5, 5, 5, 9, null), caller("acme", "AGENT"))
                .expectException(refusal(RefusalCode.SURVEY_INVALID)).expectNoEvents();
        fixture.given(with(closed(), new SurveyRecorded(ID, Satisfaction.SATISFIED, 5, 5, 5, 5, 9, null, "li-agent", NOW)))
                .when(new RecordSurvey(ID, null, Satisfaction.SATISFIED, 5, 5, 5, 5, 9, null), caller("acme", "AGENT"))
                .expectException(refusal(RefusalCode.SURVEY_ALREADY_RECORDED)).expectNoEvents();
    }

    @Test
    void after_a_poor_score_only_the_supervisor_calls_back_with_cause_and_improvement_plan() {
        Object[] poor = with(closed(), new SurveyRecorded(ID, Satisfaction.UNSATISFIED, 2, 2, 2, 2, 3, null, "li-agent", NOW),
                new SupervisorFollowUpOpened(ID, 2, NOW));
        fixture.given(poor)
                .when(new RecordFollowUpCall(ID, null, "called", null, null), caller("acme", "AGENT"))
                .expectException(refusal(RefusalCode.FOLLOW_UP_NEEDS_SUPERVISOR)).expectNoEvents();
        fixture.given(poor)
                .when(new RecordFollowUpCall(ID, null, "called", "late technician", null), callerAs("acme", "sup", "SUPERVISOR"))
                .expectException(refusal(RefusalCode.REASON_REQUIRED)).expectNoEvents();
        fixture.given(poor)
                .when(new RecordFollowUpCall(ID, null, "called", "late technician", "rostering"), callerAs("acme", "sup", "SUPERVISOR"))
                .expectEvents(new FollowUpCallRecorded(ID, "called", "late technician", "rostering", "sup", NOW))
                .expectResultMessagePayload(8L);
        fixture.given(closed())
                .when(new RecordFollowUpCall(ID, null, "thanked", null, null), caller("acme", "AGENT"))
                .expectEvents(new FollowUpCallRecorded(ID, "thanked", null, null, "li-agent", NOW))
                .expectResultMessagePayload(6L);
    }

    // archive

    @Test
    void a_supervisor_archives_a_closed_ticket_an_agent_cannot() {
        fixture.given(surveyed())
                .when(new ArchiveTicket(ID, null), callerAs("acme", "sup", "SUPERVISOR"))
                .expectEvents(new TicketArchived(ID, "sup", NOW))
                .expectResultMessagePayload(8L);
        fixture.given(surveyed())
                .when(new ArchiveTicket(ID, null), caller("acme", "AGENT"))
                .expectException(refusal(RefusalCode.ROLE_NOT_ALLOWED)).expectNoEvents();
        fixture.given(resolved())
                .when(new ArchiveTicket(ID, null), callerAs("acme", "sup", "SUPERVISOR"))
                .expectException(refusal(RefusalCode.TICKET_STATE_CONFLICT)).expectNoEvents();
    }

    @Test
    void nothing_is_archived_without_a_survey_or_with_a_supervisor_follow_up_still_open() {
        fixture.given(closed())
                .when(new ArchiveTicket(ID, null), callerAs("acme", "sup", "SUPERVISOR"))
                .expectException(refusal(RefusalCode.SURVEY_MISSING)).expectNoEvents();
        Object[] poor = with(closed(), new SurveyRecorded(ID, Satisfaction.UNSATISFIED, 2, 2, 2, 2, 3, null, "li-agent", NOW),
                new SupervisorFollowUpOpened(ID, 2, NOW));
        fixture.given(poor)
                .when(new ArchiveTicket(ID, null), callerAs("acme", "sup", "SUPERVISOR"))
                .expectException(refusal(RefusalCode.FOLLOW_UP_OPEN)).expectNoEvents();
        fixture.given(with(poor, new FollowUpCallRecorded(ID, "called", "late", "rostering", "sup", NOW)))
                .when(new ArchiveTicket(ID, null), callerAs("acme", "boss", "MANAGER"))
                .expectEvents(new TicketArchived(ID, "boss", NOW))
                .expectResultMessagePayload(9L);
    }

    @Test
    void an_unsatisfied_customer_gets_a_supervisor_follow_up_whatever_the_scores() {
        fixture.given(closed())
                .when(new RecordSurvey(ID, null, Satisfaction.UNSATISFIED, 4, 4, 4, 4, 6, null), caller("acme", "AGENT"))
                .expectEvents(new SurveyRecorded(ID, Satisfaction.UNSATISFIED, 4, 4, 4, 4, 6, null, "li-agent", NOW),
                        new SupervisorFollowUpOpened(ID, 4, NOW))
                .expectResultMessagePayload(7L);
    }

    @Test
    void a_rejected_plan_must_be_replaced_before_resolving_and_nobody_approves_their_own_plan() {
        fixture.given(with(inProgress("normal"), plan("SUPERVISOR"), new PlanRejected(ID, "too expensive", "sup", NOW)))
                .when(new ResolveTicket(ID, null, "done anyway"), callerAs("acme", TECH, "HANDLER"))
                .expectException(refusal(RefusalCode.PLAN_NOT_APPROVED)).expectNoEvents();
        fixture.given(with(inProgress("normal"), new PlanProposed(ID, null, "fix", List.of(), null, null, null,
                        "SUPERVISOR", "sup", NOW)))
                .when(new ApprovePlan(ID, null), callerAs("acme", "sup", "SUPERVISOR"))
                .expectException(refusal(RefusalCode.SELF_APPROVAL)).expectNoEvents();
    }

    @Test
    void plans_and_acceptance_need_a_priority() {
        Object[] unclassified = {TicketFixtures.openedWithoutPriority(), new TicketAssigned(ID, "technical", TECH, "li-agent", NOW)};
        fixture.given(unclassified)
                .when(new AcceptAssignment(ID, null), callerAs("acme", TECH, "HANDLER"))
                .expectException(refusal(RefusalCode.PRIORITY_REQUIRED)).expectNoEvents();
    }

    @Test
    void raising_the_priority_reopens_approval_of_a_direct_plan_and_needs_a_qualified_lead() {
        fixture.given(with(inProgress("low"), plan(null)))
                .when(new ClassifyTicket(ID, null, "repair", "urgent", null), caller("acme", "SUPERVISOR"))
                .expectEvents(new TicketClassified(ID, "repair", "urgent", null, "li-agent", NOW, 1L),
                        new PlanApprovalRequired(ID, "MANAGER", NOW))
                .expectResultMessagePayload(6L);
        Object[] juniorLead = {opened(), new TicketClassified(ID, "repair", "low", null, "li-agent", NOW),
                new TicketAssigned(ID, "technical", TECH, "li-agent", NOW), new AssignmentAccepted(ID, TECH, false, NOW)};
        fixture.given(juniorLead)
                .when(new ClassifyTicket(ID, null, "repair", "urgent", null), caller("acme", "SUPERVISOR"))
                .expectException(refusal(RefusalCode.LEAD_NOT_QUALIFIED)).expectNoEvents();
        fixture.given(juniorLead)
                .when(new ClassifyTicket(ID, null, "complaint", "low", null), caller("acme", "SUPERVISOR"))
                .expectException(refusal(RefusalCode.COMPLAINT_TYPE_LOCKED)).expectNoEvents();
    }

    /** Snapshots are Jackson documents of the aggregate, its obligations included. */
    @Test
    void a_ticket_snapshot_round_trips_through_jackson() {
        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
        fixture.given(with(inProgress("urgent"), plan("MANAGER")))
                .when(new SetProgress(ID, null, "parts-procurement"), callerAs("acme", TECH, "HANDLER"))
                .expectState(ticket -> {
                    SerializedObject<String> json = serializer.serialize(ticket, String.class);
                    Ticket copy = serializer.deserialize(json);
                    org.assertj.core.api.Assertions.assertThat(serializer.serialize(copy, String.class).getData())
                            .isEqualTo(json.getData()).contains("\"planPending\":true").contains("\"assigneeId\":\"wang-tech\"");
                });
    }

    @Test
    void an_archived_ticket_refuses_every_change() {
        Object[] archived = with(surveyed(), new TicketArchived(ID, "sup", NOW));
        for (Object command : List.of(new ClassifyTicket(ID, null, "repair", "low", null),
                new LogContact(ID, null, Channel.PHONE, Direction.INBOUND, "hello"),
                new RecordCustomerUpdate(ID, null, Channel.PHONE, "hello"),
                new AcknowledgeTicket(ID, null, NOW, Channel.PHONE),
                new RecordSurvey(ID, null, Satisfaction.SATISFIED, 5, 5, 5, 5, 9, null),
                new ArchiveTicket(ID, null))) {
            fixture.given(archived)
                    .when(command, callerAs("acme", "boss", "MANAGER", "SUPERVISOR", "AGENT"))
                    .expectException(refusal(RefusalCode.TICKET_STATE_CONFLICT)).expectNoEvents();
        }
    }
}
