package com.aftersales.ticket.search;

import com.aftersales.ticket.view.TicketQueries.CountTickets;
import com.aftersales.ticket.view.TicketQueries.ListTickets;
import com.aftersales.ticket.view.TicketQueries.TicketCounts;
import com.aftersales.ticket.view.TicketQueries.TicketPage;
import com.aftersales.ticket.view.TicketViewStore;
import java.util.concurrent.CompletableFuture;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Lists and queue counts: the search index picks and orders the ticket ids, the views are then
 * fetched by {@code _id}. Neither step reads more than the page, however many tickets a tenant has.
 */
@Component
public class TicketListQueryHandler {

    public static final int MAX_PAGE = 100;

    private final TicketSearch search;
    private final TicketViewStore views;

    public TicketListQueryHandler(TicketSearch search, TicketViewStore views) {
        this.search = search;
        this.views = views;
    }

    @QueryHandler
    public CompletableFuture<TicketPage> list(ListTickets query) {
        int limit = Math.max(1, Math.min(MAX_PAGE, query.limit()));
        return Mono.fromCallable(() -> search.list(query, limit))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(hits -> views.views(query.tenantId(), hits.ids())
                        .map(items -> new TicketPage(items, hits.nextCursor())))
                .toFuture();
    }

    @QueryHandler
    public CompletableFuture<TicketCounts> count(CountTickets query) {
        return CompletableFuture.completedFuture(search.count(query));
    }
}
