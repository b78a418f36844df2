package com.aftersales.ticket;

import com.aftersales.infra.privacy.PersonalField;
import org.axonframework.serialization.Revision;
import com.aftersales.ticket.HandlingCommands.Compensation;
import com.aftersales.ticket.HandlingCommands.DiagnosisMethod;
import com.aftersales.ticket.HandlingCommands.Direction;
import com.aftersales.ticket.HandlingCommands.EscalationLevel;
import com.aftersales.ticket.HandlingCommands.Satisfaction;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** What happened in handling, resolution and closure (SPEC §5–§6). Each names who and when. */
public final class HandlingEvents {

    private HandlingEvents() {
    }

    @Revision(EventRevisions.FIRST)

    public record DiagnosisRecorded(String ticketId, DiagnosisMethod method, @PersonalField String findings,
                                    Instant appointmentAt,
                                    String by, Instant at) {
    }

    /**
     * @param approvalBy the role whose approval the plan needs (MANAGER, SUPERVISOR), or null when
     *                   it may be executed directly
     */
    @Revision(EventRevisions.FIRST)
    public record PlanProposed(String ticketId, String temporaryMeasure, String permanentFix, List<String> measures,
                               BigDecimal cost, Compensation compensation, Instant deadline, String approvalBy,
                               String by, Instant at) {
    }

    @Revision(EventRevisions.FIRST)

    public record PlanApproved(String ticketId, String by, Instant at) {
    }

    /** The priority rose after the plan was approved or proposed: it needs {@code approvalBy} now. */
    @Revision(EventRevisions.FIRST)
    public record PlanApprovalRequired(String ticketId, String approvalBy, Instant at) {
    }

    @Revision(EventRevisions.FIRST)

    public record PlanRejected(String ticketId, String reason, String by, Instant at) {
    }

    @Revision(EventRevisions.FIRST)

    public record ProgressSet(String ticketId, String progress, String by, Instant at) {
    }

    @Revision(EventRevisions.FIRST)

    public record ContactLogged(String ticketId, Channel channel, Direction direction, @PersonalField String summary,
                                String by,
                                Instant at) {
    }

    @Revision(EventRevisions.FIRST)

    public record CustomerUpdated(String ticketId, Channel channel, @PersonalField String summary, String by, Instant at) {
    }

    @Revision(EventRevisions.FIRST)

    public record TicketEscalated(String ticketId, EscalationLevel to, String reason, String by, Instant at) {
    }

    @Revision(EventRevisions.FIRST)

    public record TicketResolved(String ticketId, String resolution, String by, Instant at) {
    }

    @Revision(EventRevisions.FIRST)

    public record ResolutionAccepted(String ticketId, @PersonalField String note, String by, Instant at) {
    }

    /** Rejected by the customer: second handling 二次处理, result due by {@code secondHandlingDue}. */
    @Revision(EventRevisions.FIRST)
    public record ResolutionRejected(String ticketId, @PersonalField String note, Instant secondHandlingDue, String by,
                                     Instant at) {
    }

    @Revision(EventRevisions.FIRST)

    public record SurveyRecorded(String ticketId, Satisfaction satisfaction, int responseSpeed, int resolutionEffect,
                                 int serviceAttitude, int overall, int nps, @PersonalField String comment, String by,
                                 Instant at) {
    }

    /** Rule of SPEC §6: a score of 3 or less opens a follow-up by the complaint supervisor. */
    @Revision(EventRevisions.FIRST)
    public record SupervisorFollowUpOpened(String ticketId, int overall, Instant at) {
    }

    /** Rule of SPEC §6: a score of 4 or more means a thank-you message is due. */
    @Revision(EventRevisions.FIRST)
    public record ThankYouDue(String ticketId, int overall, Instant at) {
    }

    @Revision(EventRevisions.FIRST)

    public record FollowUpCallRecorded(String ticketId, @PersonalField String summary, String cause, String improvementPlan,
                                       String by, Instant at) {
    }

    @Revision(EventRevisions.FIRST)

    public record TicketArchived(String ticketId, String by, Instant at) {
    }
}
