package com.aftersales.ticket.view;

import com.aftersales.ticket.view.TicketQueries.FindTicket;
import com.mongodb.client.model.Filters;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Answers queries on one ticket from the caller's tenant collection only, by key. Lists are
 * answered from the search index ({@code ticket.search.TicketListQueryHandler}), the process log
 * by {@link TimelineQueryHandler}.
 */
@Component
public class TicketQueryHandler {

    private final TicketViewStore store;

    public TicketQueryHandler(TicketViewStore store) {
        this.store = store;
    }

    /** By {@code _id} alone — the one form the embedded server answers from an index; the tenant is checked here. */
    @QueryHandler
    public CompletableFuture<Optional<TicketView>> find(FindTicket query) {
        return Mono.from(store.collection(query.tenantId()).find(Filters.eq("_id", query.ticketId())).first())
                .filter(document -> query.tenantId().equals(document.getString("tenantId")))
                .map(store::toView)
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .toFuture();
    }
}
