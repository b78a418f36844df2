package com.aftersales.ticket;

import com.aftersales.ticket.HandlingCommands.Compensation;
import java.time.Instant;
import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The complaint feedback form 投诉处理责任人反馈表 (SPEC §7), warranty and confirmed plan changes.
 * Which ticket types are complaints is the tenant's setting ({@code complaint-types}).
 */
public final class ComplaintCommands {

    private ComplaintCommands() {
    }

    public record SubmitComplaintFeedback(@TargetAggregateIdentifier String ticketId,
                                          Long expectedVersion,
                                          ComplaintOutcome outcome, String outcomeReason,
                                          Boolean initialDemandMet, String demandReason,
                                          Compensation compensation, Set<ComplaintMeasure> measures,
                                          String keyTimePoints, String customerOpinion,
                                          HandlingCommands.Satisfaction customerSatisfaction,
                                          RootCause rootCause, String improvements) implements TicketCommand {
    }

    /** The supervisor's review: approve archiving 同意归档, or send back for supplement 需补充说明 with a note. */
    public record ReviewComplaintFeedback(@TargetAggregateIdentifier String ticketId,
                                          Long expectedVersion,
                                          boolean approve, String note) implements TicketCommand {
    }

    /** A replaced part gets its own warranty period. */
    public record RecordWarranty(@TargetAggregateIdentifier String ticketId,
                                 Long expectedVersion,
                                 String part, Instant warrantyUntil) implements TicketCommand {
    }

    /** A plan change (delay, extra fees) the customer confirmed in writing. */
    public record RecordPlanChange(@TargetAggregateIdentifier String ticketId,
                                   Long expectedVersion,
                                   String change, String customerConfirmation) implements TicketCommand {
    }

    public enum ComplaintOutcome { RESOLVED, NEGOTIATING, UNRESOLVABLE }

    public enum ComplaintMeasure { ON_SITE_REPAIR, REPLACEMENT, COMPENSATION, PROCESS_OPTIMIZATION, OTHER }

    public enum RootCause { PRODUCT_QUALITY_DEFECT, PROCESS_GAP, INFORMATION_ERROR, OTHER }
}
