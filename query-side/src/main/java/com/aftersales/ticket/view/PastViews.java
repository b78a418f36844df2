package com.aftersales.ticket.view;

import com.aftersales.ticket.view.TicketQueries.FindTicketAsOf;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import org.bson.Document;

/**
 * Past states of tickets kept while replaying them for {@link TicketAsOf}: the view after every
 * {@code every}-th event, so that the next question about the ticket replays at most that many
 * events from the nearest kept state instead of the whole stream. Per tenant and ticket; bounded
 * by the number of tickets (least recently used ones go). The states are those built from the
 * events as they were read: verification, not this, is what checks the stored events.
 */
final class PastViews {

    /** The view after the event with {@code sequence}, stamped {@code at}. */
    record State(long sequence, Instant at, Document view) {
    }

    private final int every;
    private final Map<String, NavigableMap<Long, State>> tickets;

    PastViews(int every, int maxTickets) {
        this.every = every;
        this.tickets = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, NavigableMap<Long, State>> eldest) {
                return size() > maxTickets;
            }
        };
    }

    private static String key(String tenantId, String ticketId) {
        return tenantId + "/" + ticketId;
    }

    boolean worthKeeping(long sequence) {
        return (sequence + 1) % every == 0;
    }

    /** Drops the ticket's kept states: they may hold personal data erased since (issue 13). */
    synchronized void forget(String tenantId, String ticketId) {
        tickets.remove(key(tenantId, ticketId));
    }

    synchronized void keep(String tenantId, String ticketId, State state) {
        tickets.computeIfAbsent(key(tenantId, ticketId), k -> new TreeMap<>()).putIfAbsent(state.sequence(), state);
    }

    /** The latest kept state the query includes (its event and all before it). */
    synchronized Optional<State> latestFor(FindTicketAsOf query) {
        NavigableMap<Long, State> states = tickets.get(key(query.tenantId(), query.ticketId()));
        if (states == null) {
            return Optional.empty();
        }
        NavigableMap<Long, State> candidates = query.sequence() == null ? states : states.headMap(query.sequence(), true);
        for (State state : candidates.descendingMap().values()) {
            if (query.includes(state.sequence(), state.at())) {
                return Optional.of(state);
            }
        }
        return Optional.empty();
    }
}
