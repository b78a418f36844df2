package com.aftersales.ticket;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Handling, resolution and closure (SPEC §5–§6), as orders to a ticket. */
public final class HandlingCommands {

    private HandlingCommands() {
    }

    /** How the problem was diagnosed, and what was found (诊断). */
    public record RecordDiagnosis(@TargetAggregateIdentifier String ticketId,
                                  @TargetAggregateVersion Long expectedVersion,
                                  DiagnosisMethod method, String findings, Instant appointmentAt) {
    }

    /** A resolution plan 处理方案: temporary and/or permanent, measures, cost, compensation, deadline. */
    public record ProposePlan(@TargetAggregateIdentifier String ticketId,
                              @TargetAggregateVersion Long expectedVersion,
                              String temporaryMeasure, String permanentFix, List<String> measures, BigDecimal cost,
                              Compensation compensation, Instant deadline) {
    }

    public record ApprovePlan(@TargetAggregateIdentifier String ticketId,
                              @TargetAggregateVersion Long expectedVersion) {
    }

    public record RejectPlan(@TargetAggregateIdentifier String ticketId,
                             @TargetAggregateVersion Long expectedVersion, String reason) {
    }

    /** Progress state 处理状态, e.g. technical-inspection, parts-procurement, executing-plan, waiting-for-customer. */
    public record SetProgress(@TargetAggregateIdentifier String ticketId,
                              @TargetAggregateVersion Long expectedVersion, String progress) {
    }

    /** A contact with the customer or a third party 处理过程记录. */
    public record LogContact(@TargetAggregateIdentifier String ticketId,
                             @TargetAggregateVersion Long expectedVersion,
                             Channel channel, Direction direction, String summary) {
    }

    /** The customer was told how things stand 进度同步. */
    public record RecordCustomerUpdate(@TargetAggregateIdentifier String ticketId,
                                       @TargetAggregateVersion Long expectedVersion, Channel channel, String summary) {
    }

    /** Escalate 问题升级 with the reason, to a supervisor or the department head. */
    public record EscalateTicket(@TargetAggregateIdentifier String ticketId,
                                 @TargetAggregateVersion Long expectedVersion, EscalationLevel to, String reason) {
    }

    /** The problem is solved; the customer is asked to verify 客户验收. */
    public record ResolveTicket(@TargetAggregateIdentifier String ticketId,
                                @TargetAggregateVersion Long expectedVersion, String resolution) {
    }

    /** The customer accepted the resolution 验收通过: the ticket closes. */
    public record AcceptResolution(@TargetAggregateIdentifier String ticketId,
                                   @TargetAggregateVersion Long expectedVersion, String note) {
    }

    /** The customer rejected the resolution: second handling 二次处理 with its own deadline. */
    public record RejectResolution(@TargetAggregateIdentifier String ticketId,
                                   @TargetAggregateVersion Long expectedVersion, String note) {
    }

    /** The satisfaction survey 满意度: 3 levels, 4 dimensions 1–5, NPS 0–10, comment. */
    public record RecordSurvey(@TargetAggregateIdentifier String ticketId,
                               @TargetAggregateVersion Long expectedVersion,
                               Satisfaction satisfaction, int responseSpeed, int resolutionEffect, int serviceAttitude,
                               int overall, int nps, String comment) {
    }

    /** The follow-up call 回访; after a low score the supervisor records cause and improvement plan. */
    public record RecordFollowUpCall(@TargetAggregateIdentifier String ticketId,
                                     @TargetAggregateVersion Long expectedVersion,
                                     String summary, String cause, String improvementPlan) {
    }

    /** Archive 归档: read-only afterwards. */
    public record ArchiveTicket(@TargetAggregateIdentifier String ticketId,
                                @TargetAggregateVersion Long expectedVersion) {
    }

    public record Compensation(BigDecimal amount, String form) {
    }

    public enum DiagnosisMethod { REMOTE, PHONE, ON_SITE }

    public enum Direction { INBOUND, OUTBOUND }

    public enum EscalationLevel { SUPERVISOR, MANAGER }

    public enum Satisfaction { SATISFIED, BASICALLY_SATISFIED, UNSATISFIED }
}
