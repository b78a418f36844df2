package com.aftersales.gateway.ticket;

import com.aftersales.ticket.Channel;
import com.aftersales.ticket.Mark;
import com.aftersales.ticket.Responsibility;
import com.aftersales.ticket.ComplaintCommands.ComplaintMeasure;
import com.aftersales.ticket.ComplaintCommands.ComplaintOutcome;
import com.aftersales.ticket.ComplaintCommands.RootCause;
import com.aftersales.ticket.HandlingCommands.DiagnosisMethod;
import com.aftersales.ticket.HandlingCommands.Direction;
import com.aftersales.ticket.HandlingCommands.EscalationLevel;
import com.aftersales.ticket.HandlingCommands.Satisfaction;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Bodies of the task endpoints under {@code /api/v1/tickets/{id}/}. */
public final class TicketActionRequests {

    private TicketActionRequests() {
    }

    public record Acknowledgement(@NotNull Instant promisedResponseBy, @NotNull Channel channel) {
    }

    public record Classification(@NotBlank @Size(max = 40) String type, @NotBlank @Size(max = 10) String priority,
                                 Responsibility responsibility) {
    }

    public record Marks(@NotNull @Size(max = 3) Set<Mark> marks) {
    }

    public record Assignment(@NotBlank @Size(max = 100) String department, @NotBlank @Size(max = 200) String assigneeId) {
    }

    public record Reassignment(@NotBlank @Size(max = 100) String department, @NotBlank @Size(max = 200) String assigneeId,
                               @NotBlank @Size(max = 1000) String reason) {
    }

    public record CoHandler(@NotBlank @Size(max = 200) String handlerId) {
    }

    public record SendBack(@NotBlank @Size(max = 2000) String missing) {
    }

    public record Supplement(@NotBlank @Size(max = 4000) String information) {
    }

    public record Diagnosis(@NotNull DiagnosisMethod method, @NotBlank @Size(max = 4000) String findings,
                            Instant appointmentAt) {
    }

    public record Plan(@Size(max = 2000) String temporaryMeasure, @Size(max = 2000) String permanentFix,
                       @Size(max = 20) List<@NotBlank @Size(max = 200) String> measures,
                       @DecimalMin("0.00") @Digits(integer = 12, fraction = 2) BigDecimal cost,
                       @Valid PlanCompensation compensation, Instant deadline) {
    }

    public record PlanCompensation(@NotNull @DecimalMin("0.00") @Digits(integer = 12, fraction = 2) BigDecimal amount,
                                   @NotBlank @Size(max = 100) String form) {
    }

    public record Decision(@Size(max = 2000) String reason) {
    }

    public record Progress(@NotBlank @Size(max = 60) String progress) {
    }

    public record Contact(@NotNull Channel channel, @NotNull Direction direction,
                          @NotBlank @Size(max = 4000) String summary) {
    }

    public record CustomerUpdate(@NotNull Channel channel, @NotBlank @Size(max = 4000) String summary) {
    }

    public record Escalation(@NotNull EscalationLevel to, @NotBlank @Size(max = 2000) String reason) {
    }

    public record Resolution(@NotBlank @Size(max = 4000) String resolution) {
    }

    public record Verdict(@NotNull Boolean accepted, @Size(max = 2000) String note) {
    }

    public record Survey(@NotNull Satisfaction satisfaction, @Min(1) @Max(5) int responseSpeed,
                         @Min(1) @Max(5) int resolutionEffect, @Min(1) @Max(5) int serviceAttitude,
                         @Min(1) @Max(5) int overall, @Min(0) @Max(10) int nps, @Size(max = 2000) String comment) {
    }

    public record ComplaintFeedback(@NotNull ComplaintOutcome outcome, @Size(max = 2000) String outcomeReason,
                                    @NotNull Boolean initialDemandMet, @Size(max = 2000) String demandReason,
                                    @Valid PlanCompensation compensation, @Size(max = 5) Set<ComplaintMeasure> measures,
                                    @Size(max = 4000) String keyTimePoints, @Size(max = 2000) String customerOpinion,
                                    @NotNull Satisfaction customerSatisfaction,
                                    @NotNull RootCause rootCause, @Size(max = 4000) String improvements) {
    }

    public record Review(@NotNull Boolean approve, @Size(max = 2000) String note) {
    }

    public record Warranty(@NotBlank @Size(max = 200) String part, @NotNull Instant warrantyUntil) {
    }

    public record PlanChange(@NotBlank @Size(max = 2000) String change,
                             @NotBlank @Size(max = 500) String customerConfirmation) {
    }

    public record FollowUpCall(@NotBlank @Size(max = 4000) String summary, @Size(max = 2000) String cause,
                               @Size(max = 2000) String improvementPlan) {
    }
}
