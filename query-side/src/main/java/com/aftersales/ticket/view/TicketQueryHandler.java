package com.aftersales.ticket.view;

import com.aftersales.ticket.view.TicketQueries.FindTicket;
import com.aftersales.ticket.view.TicketQueries.FindTimeline;
import com.mongodb.client.model.Filters;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Answers queries on one ticket from the caller's tenant collection only, by key. Lists are
 * answered from the search index ({@code ticket.search.TicketListQueryHandler}).
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

    /** Entries are keyed ticketId/sequence and the view knows the last sequence: one key lookup. */
    @QueryHandler
    public CompletableFuture<List<TimelineEntry>> timeline(FindTimeline query) {
        return Mono.fromFuture(find(new FindTicket(query.tenantId(), query.ticketId())))
                .flatMap(Mono::justOrEmpty)
                .flatMapMany(view -> {
                    List<String> keys = new ArrayList<>();
                    for (long sequence = 0; sequence <= view.version(); sequence++) {
                        keys.add(TicketTimelineProjection.key(view.id(), sequence));
                    }
                    return Flux.from(store.timeline(query.tenantId()).find(Filters.in("_id", keys)));
                })
                .filter(document -> query.tenantId().equals(document.getString("tenantId")))
                .map(store::toEntry)
                .sort(java.util.Comparator.comparingLong(TimelineEntry::sequence))
                .collectList()
                .toFuture();
    }

}
