package com.aftersales.ticket.view;

import com.aftersales.ticket.view.TicketQueries.FindTicket;
import com.aftersales.ticket.view.TicketQueries.TicketViewUpdated;
import com.aftersales.ticket.view.TicketQueries.WatchTicket;
import com.aftersales.ticket.view.TicketQueries.WatchTickets;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.stereotype.Component;

/**
 * Tells the subscribers of {@link WatchTicket} (writers waiting until their change is visible) which
 * version a ticket's view shows, once the projection has written it. Only subscriptions naming the
 * same tenant and ticket hear of it, and those of {@link WatchTickets} naming the same tenant; inside a processor's unit of work Axon emits after the commit.
 */
@Component
public class TicketViewUpdates {

    private final QueryUpdateEmitter emitter;
    private final TicketQueryHandler queries;

    public TicketViewUpdates(QueryUpdateEmitter emitter, TicketQueryHandler queries) {
        this.emitter = emitter;
        this.queries = queries;
    }

    /** The initial answer of a subscription: the view as it stands. */
    @QueryHandler
    public CompletableFuture<Optional<TicketView>> current(WatchTicket query) {
        return queries.find(new FindTicket(query.tenantId(), query.ticketId()));
    }

    /** The initial answer of a subscription to a tenant's tickets: nothing to read. */
    @QueryHandler
    public Boolean watching(WatchTickets query) {
        return Boolean.TRUE;
    }

    void applied(String tenantId, String ticketId, long version) {
        TicketViewUpdated update = new TicketViewUpdated(tenantId, ticketId, version);
        emitter.emit(WatchTicket.class, watch -> watch.tenantId().equals(tenantId) && watch.ticketId().equals(ticketId),
                update);
        emitter.emit(WatchTickets.class, watch -> watch.tenantId().equals(tenantId), update);
    }
}
