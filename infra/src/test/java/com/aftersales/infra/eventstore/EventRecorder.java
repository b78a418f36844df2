package com.aftersales.infra.eventstore;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.TrackingToken;

/** Records what a tracking processor hands over, in order. */
public class EventRecorder {

    public record Seen(String eventId, String aggregateId, long sequence, TrackingToken token) {
    }

    final List<Seen> seen = new CopyOnWriteArrayList<>();

    @EventHandler
    void on(Object payload, DomainEventMessage<?> event, TrackingToken token) {
        seen.add(new Seen(event.getIdentifier(), event.getAggregateIdentifier(), event.getSequenceNumber(), token));
    }
}
