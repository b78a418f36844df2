package com.aftersales.infra.eventstore;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A minimal event-sourced aggregate for exercising the event store (fields visible for snapshots). */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class Counter {

    public record CreateCounter(@TargetAggregateIdentifier String id) {
    }

    public record IncrementCounter(@TargetAggregateIdentifier String id) {
    }

    public record CounterCreated(String id) {
    }

    public record CounterIncremented(String id, long value) {
    }

    @AggregateIdentifier
    private String id;
    private long value;

    protected Counter() {
    }

    @CommandHandler
    public Counter(CreateCounter command) {
        apply(new CounterCreated(command.id()));
    }

    /** Returns the value after the increment. */
    @CommandHandler
    public long handle(IncrementCounter command) {
        apply(new CounterIncremented(id, value + 1));
        return value;
    }

    @EventSourcingHandler
    void on(CounterCreated event) {
        this.id = event.id();
    }

    @EventSourcingHandler
    void on(CounterIncremented event) {
        this.value = event.value();
    }
}
