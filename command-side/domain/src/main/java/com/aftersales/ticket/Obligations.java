package com.aftersales.ticket;

import com.aftersales.ticket.ComplaintEvents.ComplaintFeedbackApproved;
import com.aftersales.ticket.ComplaintEvents.ComplaintFeedbackSentBack;
import com.aftersales.ticket.ComplaintEvents.ComplaintFeedbackSubmitted;
import com.aftersales.ticket.HandlingCommands.Compensation;
import com.aftersales.ticket.HandlingEvents.FollowUpCallRecorded;
import com.aftersales.ticket.HandlingEvents.PlanApprovalRequired;
import com.aftersales.ticket.HandlingEvents.PlanApproved;
import com.aftersales.ticket.HandlingEvents.PlanProposed;
import com.aftersales.ticket.HandlingEvents.PlanRejected;
import com.aftersales.ticket.HandlingEvents.ResolutionRejected;
import com.aftersales.ticket.HandlingEvents.SupervisorFollowUpOpened;
import com.aftersales.ticket.HandlingEvents.SurveyRecorded;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.eventsourcing.EventSourcingHandler;

/**
 * What a ticket still owes before it may be resolved or archived: the plan's approval, the survey
 * and the supervisor's follow-up, the complaint form's review. Part of the {@link Ticket} aggregate
 * (an aggregate member); the ticket's command handlers decide, this keeps the state.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
class Obligations {

    String planApprovalBy;
    boolean planPending;
    boolean planRejected;
    /** Compensation a MANAGER approved with a plan (the most a feedback form may report over the cap). */
    java.math.BigDecimal managerApprovedCompensation;
    String planProposer;
    Compensation planCompensation;
    boolean surveyRecorded;
    boolean supervisorFollowUp;
    boolean followUpDone;
    boolean feedbackSubmitted;
    boolean feedbackApproved;
    boolean feedbackSettled;
    String feedbackSubmitter;

    @EventSourcingHandler
    void on(PlanProposed event) {
        this.planApprovalBy = event.approvalBy();
        this.planPending = event.approvalBy() != null;
        this.planRejected = false;
        this.planProposer = event.by();
        this.planCompensation = event.compensation();
    }
    @EventSourcingHandler
    void on(PlanApprovalRequired event) {
        this.planApprovalBy = event.approvalBy();
        this.planPending = true;
    }
    @EventSourcingHandler
    void on(PlanApproved event) {
        if ("MANAGER".equals(planApprovalBy) && planCompensation != null) {
            this.managerApprovedCompensation = planCompensation.amount();
        }
        this.planPending = false;
    }
    @EventSourcingHandler
    void on(PlanRejected event) {
        this.planPending = false;
        this.planRejected = true;
    }
    @EventSourcingHandler
    void on(SurveyRecorded event) {
        this.surveyRecorded = true;
    }
    @EventSourcingHandler
    void on(SupervisorFollowUpOpened event) {
        this.supervisorFollowUp = true;
    }
    @EventSourcingHandler
    void on(ComplaintFeedbackSubmitted event) {
        this.feedbackSubmitted = true;
        this.feedbackApproved = false;
        this.feedbackSettled = event.secondResultDue() == null;
        this.feedbackSubmitter = event.by();
    }
    /** Only a call made while the supervisor's follow-up is open can close it (a call before the survey cannot). */
    @EventSourcingHandler
    void on(FollowUpCallRecorded event) {
        if (supervisorFollowUp) {
            this.followUpDone = true;
        }
    }
    @EventSourcingHandler
    void on(ComplaintFeedbackApproved event) {
        this.feedbackApproved = true;
    }
    @EventSourcingHandler
    void on(ComplaintFeedbackSentBack event) {
        this.feedbackSubmitted = false;
    }

    /** A second handling needs a new complaint form, and that form a new review. */
    @EventSourcingHandler
    void on(ResolutionRejected event) {
        this.feedbackApproved = false;
        this.feedbackSubmitted = false;
        this.feedbackSettled = false;
    }

    /** A plan was proposed and needs no approval, or got it. */
    boolean planInEffect() {
        return planProposer != null && !planPending && !planRejected;
    }

    /** The compensation of the plan in effect, if any. */
    java.math.BigDecimal compensationInEffect() {
        return planInEffect() && planCompensation != null ? planCompensation.amount() : null;
    }
}
