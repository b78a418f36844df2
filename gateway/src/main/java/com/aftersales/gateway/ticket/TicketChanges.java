package com.aftersales.gateway.ticket;

import com.aftersales.access.Caller;
import com.aftersales.gateway.problem.RefusalException;
import com.aftersales.ticket.view.TicketQueries.TicketViewUpdated;
import com.aftersales.ticket.view.TicketQueries.WatchTicket;
import com.aftersales.ticket.view.TicketQueries.WatchTickets;
import com.aftersales.ticket.view.TicketView;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Live changes of ticket views for readers (GraphQL subscriptions): the query side's notices that a
 * view now shows a version (the same subscription queries as read-your-writes, see
 * {@link TicketWatch}), each followed by one key read of the view. Only the caller's tenant is
 * watched; each view is emitted once per version.
 */
@Component
public class TicketChanges {

    private final QueryGateway queries;
    private final TicketViews views;

    public TicketChanges(QueryGateway queries, TicketViews views) {
        this.queries = queries;
        this.views = views;
    }

    /**
     * Changes of one ticket of the caller's tenant; TICKET_NOT_FOUND (also for another tenant's) when
     * the tenant has no such ticket. Subscribed before the check, so no change in between is missed.
     */
    public Flux<TicketView> ofTicket(Caller caller, String ticketId) {
        return Flux.using(() -> queries.subscriptionQuery(new WatchTicket(caller.tenantId(), ticketId),
                                ResponseTypes.optionalInstanceOf(TicketView.class),
                                ResponseTypes.instanceOf(TicketViewUpdated.class)),
                        watch -> views.find(caller, ticketId)
                                .switchIfEmpty(Mono.error(() -> new RefusalException("TICKET_NOT_FOUND")))
                                .thenMany(watch.updates()),
                        SubscriptionQueryResult::cancel)
                .concatMap(update -> views.find(caller, update.ticketId()))
                .distinctUntilChanged(TicketView::version);
    }

    /** Changes of every ticket of the caller's tenant. */
    public Flux<TicketView> ofTenant(Caller caller) {
        return Flux.using(() -> queries.subscriptionQuery(new WatchTickets(caller.tenantId()),
                                ResponseTypes.instanceOf(Boolean.class),
                                ResponseTypes.instanceOf(TicketViewUpdated.class)),
                        SubscriptionQueryResult::updates, SubscriptionQueryResult::cancel)
                .filter(update -> caller.tenantId().equals(update.tenantId()))
                .concatMap(update -> views.find(caller, update.ticketId())
                        .filter(view -> view.version() >= update.version()));
    }
}
