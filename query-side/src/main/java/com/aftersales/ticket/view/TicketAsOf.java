package com.aftersales.ticket.view;

import com.aftersales.ticket.view.TicketQueries.FindTicketAsOf;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import java.util.Optional;
import org.bson.Document;
import reactor.core.publisher.Mono;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * A ticket as it was at a past instant or sequence number: its events, read from the event store
 * (never from a snapshot), applied by {@link TicketViewProjection} — the code that keeps the live
 * views — to one view in memory. As of now, it equals the live view. A replay starts from the
 * nearest state this node kept from an earlier replay of the ticket ({@link PastViews}).
 */
@Component
public class TicketAsOf {

    private final EventStore events;
    private final TicketViewStore store;
    /** States after every 100th event of up to 500 tickets (a few KB each). */
    private final PastViews past = new PastViews(100, 500);

    public TicketAsOf(EventStore events, TicketViewStore store) {
        this.events = events;
        this.store = store;
    }

    /**
     * A ticket whose personal data was erased or disposed of shows it erased at every past instant
     * too, and no state kept from before the erasure is used or kept (issue 13).
     */
    @QueryHandler
    public Optional<TicketView> find(FindTicketAsOf query) {
        boolean erased = erased(query.tenantId(), query.ticketId());
        if (erased) {
            past.forget(query.tenantId(), query.ticketId());
        }
        Optional<PastViews.State> start = past.latestFor(query);
        InMemoryTicketView view = start.map(state -> new InMemoryTicketView(query.tenantId(), state.view()))
                .orElseGet(() -> new InMemoryTicketView(query.tenantId()));
        AnnotationEventHandlerAdapter projection = new AnnotationEventHandlerAdapter(new TicketViewProjection(store, view));
        DomainEventStream stream = events.readEvents(query.ticketId(), start.map(state -> state.sequence() + 1).orElse(0L));
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
            if (!erased && past.worthKeeping(event.getSequenceNumber())) {
                past.keep(query.tenantId(), query.ticketId(),
                        new PastViews.State(event.getSequenceNumber(), event.getTimestamp(), view.copy()));
            }
        }
        if (erased && view.view() != null) {
            PersonalFields.eraseView(view.view());
        }
        return Optional.ofNullable(view.view()).map(store::toView);
    }

    /**
     * Key lookups of the live view and of the tenant's erasures (waited for like the event store read
     * that follows); the erasures outlive a rebuild, during which the view may not be erased yet.
     */
    private boolean erased(String tenantId, String ticketId) {
        Document live = Mono.from(store.collection(tenantId).find(Filters.eq("_id", ticketId))
                .projection(Projections.include(PersonalFields.ERASED_FLAG)).first()).toFuture().join();
        if (live != null && Boolean.TRUE.equals(live.getBoolean(PersonalFields.ERASED_FLAG))) {
            return true;
        }
        return Mono.from(store.erasures(tenantId).find(Filters.eq("_id", ticketId)).first()).toFuture().join() != null;
    }

}
