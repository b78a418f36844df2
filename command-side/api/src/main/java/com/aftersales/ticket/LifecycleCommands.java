package com.aftersales.ticket;

import java.util.List;
import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Classification and assignment (SPEC §3–§4), as orders to a ticket. {@code expectedVersion}
 * (optional) is the ticket version the sender saw: a ticket changed since is refused.
 */
public final class LifecycleCommands {

    private LifecycleCommands() {
    }

    /** Set type, priority level and responsibility attribution. */
    public record ClassifyTicket(@TargetAggregateIdentifier String ticketId,
                                 Long expectedVersion,
                                 String type, String priority, Responsibility responsibility) implements TicketCommand {
    }

    /** Replace the ticket's special marks. */
    public record MarkTicket(@TargetAggregateIdentifier String ticketId,
                             Long expectedVersion,
                             Set<Mark> marks) implements TicketCommand {
    }

    /**
     * Link the ticket to a batch 批量 the tenant's rule formed: mark it BATCH and raise an open
     * ticket's priority to {@code raiseTo} (never lower it), recording {@code reason}. Sent by the
     * batch rule; a ticket already in the batch stays as it is.
     */
    public record LinkToBatch(@TargetAggregateIdentifier String ticketId,
                              Long expectedVersion,
                              String batchId, String raiseTo, String reason,
                              List<String> relatedTicketIds) implements TicketCommand {
        public LinkToBatch {
            relatedTicketIds = relatedTicketIds == null ? List.of() : List.copyOf(relatedTicketIds);
        }
    }

    /** Route to a department and a person (the lead). */
    public record AssignTicket(@TargetAggregateIdentifier String ticketId,
                               Long expectedVersion,
                               String department, String assigneeId) implements TicketCommand {
    }

    /** Move to another department or person, with the reason. */
    public record ReassignTicket(@TargetAggregateIdentifier String ticketId,
                                 Long expectedVersion,
                                 String department, String assigneeId, String reason) implements TicketCommand {
    }

    /** Add a handler to a cross-department task force 专项小组. */
    public record AddCoHandler(@TargetAggregateIdentifier String ticketId,
                               Long expectedVersion,
                               String handlerId) implements TicketCommand {
    }

    /** The assignee confirms receipt. */
    public record AcceptAssignment(@TargetAggregateIdentifier String ticketId,
                                   Long expectedVersion) implements TicketCommand {
    }

    /** The assignee sends the ticket back to intake for missing details. */
    public record SendBackForInformation(@TargetAggregateIdentifier String ticketId,
                                         Long expectedVersion,
                                         String missing) implements TicketCommand {
    }

    /** Intake supplies what was missing; the ticket goes back to its assignee. */
    public record SupplyInformation(@TargetAggregateIdentifier String ticketId,
                                    Long expectedVersion,
                                    String information) implements TicketCommand {
    }
}
