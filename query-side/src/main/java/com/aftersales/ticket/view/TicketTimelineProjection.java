package com.aftersales.ticket.view;

import com.aftersales.infra.tenancy.CallerMetaData;
import com.aftersales.privacy.PrivacyEvents.DataSubjectErased;
import com.aftersales.privacy.PrivacyEvents.TicketPersonalDataDisposed;
import com.aftersales.ticket.TicketOpened;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.reactivestreams.client.MongoCollection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The process log 处理过程记录 of each ticket (SPEC §5): one entry per event with when, who and
 * what, keyed {@code ticketId/sequence} in the tenant's {@code timeline_<tenant>} collection so
 * that a ticket's entries are read by key. Idempotent: an entry is written once.
 * <p>
 * Issue 13: an erased ticket gets a marker {@code ticketId/erased}; an entry written after it (a
 * retried or late event) is written erased, so no retry brings personal text back.
 */
@Component
@ProcessingGroup(TicketTimelineProjection.PROCESSING_GROUP)
public class TicketTimelineProjection {

    public static final String PROCESSING_GROUP = "ticket-timeline";
    /** Entries read per {@code _id $in} when erasing a ticket's log. */
    static final int ERASE_BATCH = 100;

    private final TicketViewStore store;
    private final RebuildableReadModels readModels;

    public TicketTimelineProjection(TicketViewStore store, RebuildableReadModels readModels) {
        this.store = store;
        this.readModels = readModels;
    }

    /** A rebuild: every tenant's log is emptied inside Axon's token reset (see {@link TicketViewProjection}). */
    @ResetHandler
    void reset() {
        readModels.clear(PROCESSING_GROUP);
    }

    @EventHandler
    void on(Object payload, DomainEventMessage<?> event) {
        if (!"Ticket".equals(event.getType())) {
            return;
        }
        String tenantId = (String) event.getMetaData().get(CallerMetaData.TENANT);
        String ticketId = event.getAggregateIdentifier();
        Document details = details(payload);
        if (isErased(tenantId, ticketId)) {
            details = PersonalFields.eraseDetails(details);
        }
        Document entry = new Document("_id", key(ticketId, event.getSequenceNumber()))
                .append("ticketId", ticketId)
                .append("tenantId", tenantId)
                .append("sequence", event.getSequenceNumber())
                .append("kind", payload.getClass().getSimpleName())
                .append("by", event.getMetaData().get(CallerMetaData.ACTOR))
                .append("at", Date.from(event.getTimestamp()))
                .append("details", details);
        try {
            Mono.from(store.timeline(tenantId).insertOne(entry)).block();
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    /** Issue 13: logged like any event, then the ticket's earlier entries lose their personal texts. */
    @EventHandler
    void on(TicketPersonalDataDisposed payload, DomainEventMessage<?> event) {
        on((Object) payload, event);
        erase((String) event.getMetaData().get(CallerMetaData.TENANT), payload.ticketId());
    }

    @EventHandler
    void on(DataSubjectErased event) {
        event.tickets().forEach(ticketId -> erase(event.tenantId(), ticketId));
    }

    /**
     * Marks the ticket erased, then erases its entries, read by {@code _id $in} over consecutive
     * sequence numbers (a ticket's events are numbered without gaps) until a batch comes back short.
     * A ticket without any entry throws: the event is dead-lettered, never skipped silently.
     */
    private void erase(String tenantId, String ticketId) {
        if (tenantId == null) {
            throw new IllegalStateException("Erasure of ticket " + ticketId + " names no tenant");
        }
        MongoCollection<Document> timeline = store.timeline(tenantId);
        Mono.from(timeline.replaceOne(Filters.eq("_id", marker(ticketId)),
                new Document("_id", marker(ticketId)).append("ticketId", ticketId).append("tenantId", tenantId)
                        .append("erased", true), new ReplaceOptions().upsert(true))).block();
        long found = 0;
        for (long from = 0; ; from += ERASE_BATCH) {
            List<Document> entries = entries(timeline, ticketId, from);
            entries.stream().filter(entry -> tenantId.equals(entry.getString("tenantId"))
                            && entry.get("details") instanceof Document)
                    .forEach(entry -> Mono.from(timeline.replaceOne(Filters.eq("_id", entry.get("_id")),
                            entry.append("details", PersonalFields.eraseDetails(entry.get("details", Document.class)))))
                            .block());
            found += entries.size();
            if (entries.size() < ERASE_BATCH) {
                break;
            }
        }
        if (found == 0) {
            throw new IllegalStateException("No process log of ticket " + ticketId + " to erase (yet)");
        }
    }

    private static List<Document> entries(MongoCollection<Document> timeline, String ticketId, long from) {
        List<String> keys = LongStream.range(from, from + ERASE_BATCH).mapToObj(sequence -> key(ticketId, sequence))
                .toList();
        return Flux.from(timeline.find(Filters.in("_id", keys))).collectList().block();
    }

    private boolean isErased(String tenantId, String ticketId) {
        return Mono.from(store.timeline(tenantId).find(Filters.eq("_id", marker(ticketId))).first()).blockOptional()
                .isPresent();
    }

    static String key(String ticketId, long sequence) {
        return ticketId + "/" + sequence;
    }

    /** Not a sequence number, so never read as an entry ({@code TimelineQueryHandler} reads entries by key). */
    static String marker(String ticketId) {
        return ticketId + "/erased";
    }

    /** The registration form stays in the ticket view (masked there); the log names the number only. */
    private Document details(Object payload) {
        if (payload instanceof TicketOpened opened) {
            return new Document(Map.of("number", opened.number(), "channel", opened.registration().channel().name()));
        }
        Document details = store.toDocument(payload);
        details.remove("ticketId");
        return details;
    }
}
