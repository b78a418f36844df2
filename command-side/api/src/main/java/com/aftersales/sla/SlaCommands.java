package com.aftersales.sla;

import com.aftersales.ticket.TicketCommand;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Orders to a ticket's SLA clocks (docs/sla.md). */
public final class SlaCommands {

    /** The actor kind of the durable timer's commands; no token carries it. */
    public static final String TIMER_ACTOR_KIND = "system";

    private SlaCommands() {
    }

    /**
     * Records the warnings and breaches due by now on the ticket's open clocks; sent by the durable
     * timer (actor kind {@code system}), idempotent: nothing is recorded twice.
     */
    public record RecordSlaDeadlines(@TargetAggregateIdentifier String ticketId) implements TicketCommand {
        @Override
        public Long expectedVersion() {
            return null;
        }
    }

    /** The ticket waits on someone outside the tenant's staff: its running clocks stop counting. */
    public record PauseSlaClocks(@TargetAggregateIdentifier String ticketId, Long expectedVersion,
                                 PauseReason reason) implements TicketCommand {
    }

    /** The wait is over: the paused clocks count again. */
    public record ResumeSlaClocks(@TargetAggregateIdentifier String ticketId, Long expectedVersion)
            implements TicketCommand {
    }
}
