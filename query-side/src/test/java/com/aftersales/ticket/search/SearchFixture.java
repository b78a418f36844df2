package com.aftersales.ticket.search;

import com.aftersales.infra.tenancy.CallerMetaData;
import com.aftersales.infra.tenancy.PriorityScheme;
import com.aftersales.ticket.Channel;
import com.aftersales.ticket.CustomerEmotion;
import com.aftersales.ticket.Registration;
import com.aftersales.ticket.TicketOpened;
import com.aftersales.ticket.view.TicketQueries.ListTickets;
import com.aftersales.ticket.view.TicketQueries.Queue;
import com.aftersales.ticket.view.TicketQueries.TicketFilter;
import com.aftersales.ticket.view.TicketQueries.TicketSort;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.json.JacksonSerializer;

/** Search indexes fed through the projection's real handlers, as the processor feeds them. */
final class SearchFixture {

    static final Instant AT = Instant.parse("2024-05-20T01:30:00Z");

    /** One event of the stream: its global position, its ticket's sequence, its tenant. */
    record Event(long position, String tenantId, String ticketId, long sequence, Object payload) {
    }

    final TicketSearchIndexes indexes;
    final TicketSearch search;
    private final AnnotationEventHandlerAdapter handlers;

    SearchFixture(SearchIndexStorage storage, Duration commitInterval, Duration refreshInterval) {
        indexes = new TicketSearchIndexes(storage, new TokenCodec(JacksonSerializer.defaultSerializer()),
                (tenant, priority) -> {
                    int rank = PriorityScheme.URGENT_NORMAL_LOW.rankOf(priority);
                    return rank < 0 ? SearchFields.NO_PRIORITY_RANK : rank;
                }, commitInterval, refreshInterval, Clock.systemUTC());
        search = new TicketSearch(indexes);
        handlers = new AnnotationEventHandlerAdapter(new TicketSearchProjection(indexes));
        indexes.start(() -> "store-1");
    }

    static SearchFixture inMemory() {
        return new SearchFixture(SearchIndexStorage.memory(), Duration.ofDays(1), Duration.ZERO);
    }

    static SearchFixture onDisk(Path directory) {
        return new SearchFixture(SearchIndexStorage.files(directory), Duration.ofDays(1), Duration.ZERO);
    }

    /** As the service runs it: commits every second, refreshes at most every 50 ms. */
    static SearchFixture asConfigured(Path directory) {
        return new SearchFixture(SearchIndexStorage.files(directory), Duration.ofSeconds(1), Duration.ofMillis(50));
    }

    /** Handles the events as one processor batch, then checkpoints at the last one's position. */
    void apply(List<Event> events) {
        for (Event event : events) {
            try {
                handlers.handle(new GenericDomainEventMessage<>("Ticket", event.ticketId(), event.sequence(),
                        event.payload(), MetaData.with(CallerMetaData.TENANT, event.tenantId())));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        if (!events.isEmpty()) {
            indexes.checkpoint(new GlobalSequenceTrackingToken(events.get(events.size() - 1).position()));
        }
    }

    List<String> ids(String tenantId, TicketFilter filter) {
        return ids(tenantId, filter, TicketSort.REGISTERED_AT);
    }

    List<String> ids(String tenantId, TicketFilter filter, TicketSort sort) {
        List<String> all = new ArrayList<>();
        String cursor = null;
        do {
            TicketSearch.Hits hits = search.list(new ListTickets(tenantId, filter, sort, cursor, 7), 7);
            all.addAll(hits.ids());
            cursor = hits.nextCursor();
        } while (cursor != null);
        return all;
    }

    static TicketFilter queue(Queue queue, String handler) {
        return new TicketFilter(null, null, null, null, null, null, null, null, queue, null, handler, false);
    }

    static TicketFilter text(String text, boolean personalData) {
        return new TicketFilter(null, null, null, null, null, null, null, text, Queue.ALL, null, null, personalData);
    }

    static TicketFilter customer(String customer, boolean personalData) {
        return new TicketFilter(null, null, null, null, customer, null, null, null, Queue.ALL, null, null, personalData);
    }

    static TicketOpened opened(String tenantId, String ticketId, Instant at, String description, String model) {
        return opened(tenantId, ticketId, at, description, model, null);
    }

    static TicketOpened opened(String tenantId, String ticketId, Instant at, String description, String model,
                               String priority) {
        Registration registration = new Registration(Channel.PHONE, "repair", priority,
                new Registration.Customer("华东科技有限公司", "张经理", "138-0000-5678", "zhang@example.com", "C-77", false),
                new Registration.Product(model, "SN-1", LocalDate.parse("2023-05-10"), new BigDecimal("100")),
                new Registration.Problem(description, null, null, null, null, at, null), List.of(), null,
                CustomerEmotion.CALM);
        return new TicketOpened(ticketId, tenantId, "N-" + ticketId, registration, "agent", at);
    }

}
