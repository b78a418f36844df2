package com.aftersales.ticket;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Handling, resolution and closure (SPEC §5–§6), as orders to a ticket. */
public final class HandlingCommands {

    private HandlingCommands() {
    }

    /** How the problem was diagnosed, and what was found (诊断). */
    public record RecordDiagnosis(@TargetAggregateIdentifier String ticketId,
                                  Long expectedVersion,
                                  DiagnosisMethod method, String findings, Instant appointmentAt) implements TicketCommand {
    }

    /** A resolution plan 处理方案: temporary and/or permanent, measures, cost, compensation, deadline. */
    public record ProposePlan(@TargetAggregateIdentifier String ticketId,
                              Long expectedVersion,
                              String temporaryMeasure, String permanentFix, List<String> measures, BigDecimal cost,
                              Compensation compensation, Instant deadline) implements TicketCommand {
    }

    public record ApprovePlan(@TargetAggregateIdentifier String ticketId,
                              Long expectedVersion) implements TicketCommand {
    }

    public record RejectPlan(@TargetAggregateIdentifier String ticketId,
                             Long expectedVersion, String reason) implements TicketCommand {
    }

    /** Progress state 处理状态, e.g. technical-inspection, parts-procurement, executing-plan, waiting-for-customer. */
    public record SetProgress(@TargetAggregateIdentifier String ticketId,
                              Long expectedVersion, String progress) implements TicketCommand {
    }

    /** A contact with the customer or a third party 处理过程记录. */
    public record LogContact(@TargetAggregateIdentifier String ticketId,
                             Long expectedVersion,
                             Channel channel, Direction direction, String summary) implements TicketCommand {
    }

    /** The customer was told how things stand 进度同步. */
    public record RecordCustomerUpdate(@TargetAggregateIdentifier String ticketId,
                                       Long expectedVersion, Channel channel, String summary) implements TicketCommand {
    }

    /** Escalate 问题升级 with the reason, to a supervisor or the department head. */
    public record EscalateTicket(@TargetAggregateIdentifier String ticketId,
                                 Long expectedVersion, EscalationLevel to, String reason) implements TicketCommand {
    }

    /** The problem is solved; the customer is asked to verify 客户验收. */
    public record ResolveTicket(@TargetAggregateIdentifier String ticketId,
                                Long expectedVersion, String resolution) implements TicketCommand {
    }

    /** The customer accepted the resolution 验收通过: the ticket closes. */
    public record AcceptResolution(@TargetAggregateIdentifier String ticketId,
                                   Long expectedVersion, String note) implements TicketCommand {
    }

    /** The customer rejected the resolution: second handling 二次处理 with its own deadline. */
    public record RejectResolution(@TargetAggregateIdentifier String ticketId,
                                   Long expectedVersion, String note) implements TicketCommand {
    }

    /** The satisfaction survey 满意度: 3 levels, 4 dimensions 1–5, NPS 0–10, comment. */
    public record RecordSurvey(@TargetAggregateIdentifier String ticketId,
                               Long expectedVersion,
                               Satisfaction satisfaction, int responseSpeed, int resolutionEffect, int serviceAttitude,
                               int overall, int nps, String comment) implements TicketCommand {
    }

    /** The follow-up call 回访; after a low score the supervisor records cause and improvement plan. */
    public record RecordFollowUpCall(@TargetAggregateIdentifier String ticketId,
                                     Long expectedVersion,
                                     String summary, String cause, String improvementPlan) implements TicketCommand {
    }

    /** Archive 归档: read-only afterwards. */
    public record ArchiveTicket(@TargetAggregateIdentifier String ticketId,
                                Long expectedVersion) implements TicketCommand {
    }

    public record Compensation(BigDecimal amount, String form) {
    }

    public enum DiagnosisMethod { REMOTE, PHONE, ON_SITE }

    public enum Direction { INBOUND, OUTBOUND }

    public enum EscalationLevel { SUPERVISOR, MANAGER }

    public enum Satisfaction { SATISFIED, BASICALLY_SATISFIED, UNSATISFIED }
}
