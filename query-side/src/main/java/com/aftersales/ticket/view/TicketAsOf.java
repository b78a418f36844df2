package com.aftersales.ticket.view;

import com.aftersales.ticket.view.TicketQueries.FindTicketAsOf;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * A ticket as it was at a past instant or sequence number: its events, read from the event store
 * (never from a snapshot), applied by {@link TicketViewProjection} — the code that keeps the live
 * views — to one view in memory. As of now, it equals the live view.
 */
@Component
public class TicketAsOf {

    private final EventStore events;
    private final TicketViewStore store;

    public TicketAsOf(EventStore events, TicketViewStore store) {
        this.events = events;
        this.store = store;
    }

    @QueryHandler
    public Optional<TicketView> find(FindTicketAsOf query) {
        InMemoryTicketView view = new InMemoryTicketView(query.tenantId());
        AnnotationEventHandlerAdapter projection = new AnnotationEventHandlerAdapter(new TicketViewProjection(store, view));
        DomainEventStream stream = events.readEvents(query.ticketId(), 0);
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.peek();
            if (!query.includes(event.getSequenceNumber(), event.getTimestamp())) {
                break;
            }
            stream.next();
            try {
                projection.handle(event);
            } catch (Exception e) {
                throw new IllegalStateException("Replaying " + event.getPayloadType().getSimpleName() + " failed", e);
            }
            if (view.view() == null) {
                return Optional.empty(); // another tenant's ticket: nothing of it is applied
            }
        }
        return Optional.ofNullable(view.view()).map(store::toView);
    }

}
