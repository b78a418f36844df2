package com.aftersales.ticket.view;

import com.aftersales.infra.tenancy.CallerMetaData;
import com.aftersales.privacy.PrivacyEvents.DataSubjectErased;
import com.aftersales.privacy.PrivacyEvents.TicketPersonalDataDisposed;
import reactor.core.publisher.Flux;
import com.aftersales.ticket.TicketOpened;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import java.util.Date;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The process log 处理过程记录 of each ticket (SPEC §5): one entry per event with when, who and
 * what, keyed {@code ticketId/sequence} in the tenant's {@code timeline_<tenant>} collection so
 * that a ticket's entries are read by key. Idempotent: an entry is written once.
 */
@Component
@ProcessingGroup(TicketTimelineProjection.PROCESSING_GROUP)
public class TicketTimelineProjection {

    public static final String PROCESSING_GROUP = "ticket-timeline";

    private final TicketViewStore store;

    public TicketTimelineProjection(TicketViewStore store) {
        this.store = store;
    }

    @EventHandler
    void on(Object payload, DomainEventMessage<?> event) {
        if (!"Ticket".equals(event.getType())) {
            return;
        }
        String tenantId = (String) event.getMetaData().get(CallerMetaData.TENANT);
        Document entry = new Document("_id", key(event.getAggregateIdentifier(), event.getSequenceNumber()))
                .append("ticketId", event.getAggregateIdentifier())
                .append("tenantId", tenantId)
                .append("sequence", event.getSequenceNumber())
                .append("kind", payload.getClass().getSimpleName())
                .append("by", event.getMetaData().get(CallerMetaData.ACTOR))
                .append("at", Date.from(event.getTimestamp()))
                .append("details", details(payload));
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

    /** A scan of the tenant's log by ticket id (erasures are rare); each entry replaced by {@code _id}. */
    private void erase(String tenantId, String ticketId) {
        if (tenantId == null) {
            return;
        }
        var timeline = store.timeline(tenantId);
        Flux.from(timeline.find(com.mongodb.client.model.Filters.eq("ticketId", ticketId)))
                .filter(entry -> entry.get("details") instanceof Document)
                .concatMap(entry -> timeline.replaceOne(com.mongodb.client.model.Filters.eq("_id", entry.get("_id")),
                        entry.append("details", PersonalFields.eraseDetails(entry.get("details", Document.class)))))
                .blockLast();
    }

    static String key(String ticketId, long sequence) {
        return ticketId + "/" + sequence;
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
