package com.aftersales.ticket.view;

import com.aftersales.ticket.view.TicketQueries.FindTicket;
import com.aftersales.ticket.view.TicketQueries.FindTimeline;
import com.aftersales.ticket.view.TicketQueries.FindTimelines;
import com.aftersales.ticket.view.TicketQueries.TimelinePages;
import com.aftersales.ticket.view.TicketQueries.TimelineRange;
import com.aftersales.ticket.view.TicketQueries.TimelinePage;
import com.mongodb.client.model.Filters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Pages of a ticket's process log. Entries are keyed {@code ticketId/sequence} and the view knows the
 * last sequence, so a page costs two key lookups whatever the ticket's length: the view by
 * {@code _id} (which also checks the tenant), then its entries by {@code _id $in} — one key more
 * than the page holds, to tell whether more follow.
 */
@Component
public class TimelineQueryHandler {

    private final TicketViewStore store;
    private final TicketQueryHandler tickets;

    public TimelineQueryHandler(TicketViewStore store, TicketQueryHandler tickets) {
        this.store = store;
        this.tickets = tickets;
    }

    @QueryHandler
    public CompletableFuture<Optional<TimelinePage>> timeline(FindTimeline query) {
        int limit = Math.max(1, Math.min(TimelinePage.MAX_LIMIT, query.limit()));
        return Mono.fromFuture(tickets.find(new FindTicket(query.tenantId(), query.ticketId())))
                .flatMap(Mono::justOrEmpty)
                .flatMap(view -> page(query, Math.max(0, query.from()), Math.min(view.version(), query.from() + limit), limit))
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .toFuture();
    }

    /**
     * Several tickets' pages in one {@code _id $in} read: the callers read the tickets' views (and
     * so their tenant and last sequence) already, e.g. a page of a list.
     */
    @QueryHandler
    public CompletableFuture<TimelinePages> timelines(FindTimelines query) {
        List<String> keys = new ArrayList<>();
        Map<String, TimelineRange> ranges = new HashMap<>();
        for (TimelineRange range : query.ranges()) {
            int limit = Math.max(1, Math.min(TimelinePage.MAX_LIMIT, range.limit()));
            long from = Math.max(0, range.from());
            ranges.put(range.ticketId(), new TimelineRange(range.ticketId(), from, range.to(), limit));
            for (long sequence = from; sequence <= Math.min(range.to(), from + limit); sequence++) {
                keys.add(TicketTimelineProjection.key(range.ticketId(), sequence));
            }
        }
        if (keys.isEmpty()) {
            return CompletableFuture.completedFuture(new TimelinePages(emptyPages(ranges)));
        }
        return Flux.from(store.timeline(query.tenantId()).find(Filters.in("_id", keys)))
                .filter(document -> query.tenantId().equals(document.getString("tenantId")))
                .map(store::toEntry)
                .collectMultimap(TimelineEntry::ticketId)
                .map(found -> {
                    Map<String, TimelinePage> pages = emptyPages(ranges);
                    found.forEach((ticketId, entries) -> {
                        List<TimelineEntry> sorted = entries.stream()
                                .sorted(Comparator.comparingLong(TimelineEntry::sequence)).toList();
                        int limit = ranges.get(ticketId).limit();
                        pages.put(ticketId, sorted.size() > limit
                                ? new TimelinePage(List.copyOf(sorted.subList(0, limit)), true)
                                : new TimelinePage(sorted, false));
                    });
                    return new TimelinePages(pages);
                })
                .toFuture();
    }

    private static Map<String, TimelinePage> emptyPages(Map<String, TimelineRange> ranges) {
        Map<String, TimelinePage> pages = new HashMap<>();
        ranges.keySet().forEach(ticketId -> pages.put(ticketId, new TimelinePage(List.of(), false)));
        return pages;
    }

    private Mono<TimelinePage> page(FindTimeline query, long from, long to, int limit) {
        List<String> keys = new ArrayList<>();
        for (long sequence = from; sequence <= to; sequence++) {
            keys.add(TicketTimelineProjection.key(query.ticketId(), sequence));
        }
        if (keys.isEmpty()) {
            return Mono.just(new TimelinePage(List.of(), false));
        }
        return Flux.from(store.timeline(query.tenantId()).find(Filters.in("_id", keys)))
                .filter(document -> query.tenantId().equals(document.getString("tenantId")))
                .map(store::toEntry)
                .sort(Comparator.comparingLong(TimelineEntry::sequence))
                .collectList()
                .map(entries -> entries.size() > limit
                        ? new TimelinePage(List.copyOf(entries.subList(0, limit)), true)
                        : new TimelinePage(entries, false));
    }
}
