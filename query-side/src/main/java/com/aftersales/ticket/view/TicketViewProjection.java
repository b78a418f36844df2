package com.aftersales.ticket.view;

import com.aftersales.ticket.TicketAcknowledged;
import com.aftersales.ticket.TicketOpened;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Keeps the ticket views. Idempotent: a view records the sequence number of the last event
 * applied, and an event at or below it changes nothing, so a redelivered event is harmless.
 */
@Component
@ProcessingGroup(TicketViewProjection.PROCESSING_GROUP)
public class TicketViewProjection {

    public static final String PROCESSING_GROUP = "ticket-views";

    private final TicketViewStore store;

    public TicketViewProjection(TicketViewStore store) {
        this.store = store;
    }

    @EventHandler
    void on(TicketOpened event, @SequenceNumber long sequence) {
        TicketView view = new TicketView(event.ticketId(), event.tenantId(), event.number(), "REGISTERED",
                event.registration(), event.registrar(), event.registeredAt(), null, sequence);
        try {
            Mono.from(store.collection(event.tenantId()).insertOne(store.toDocument(view))).block();
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    @EventHandler
    void on(TicketAcknowledged event, @SequenceNumber long sequence,
            @org.axonframework.messaging.annotation.MetaDataValue("tenantId") String tenantId) {
        TicketView.Acknowledgement acknowledgement = new TicketView.Acknowledgement(
                event.promisedResponseBy(), event.channel(), event.acknowledgedBy(), event.acknowledgedAt());
        apply(tenantId, event.ticketId(), sequence,
                Updates.set("acknowledgement", store.toDocument(acknowledgement)));
    }

    /**
     * Reads and writes by {@code _id} alone, the form the embedded server answers from an index. The
     * version check needs no atomic filter: a ticket's events reach this handler one at a time, in
     * order (one processor segment per aggregate).
     */
    private void apply(String tenantId, String ticketId, long sequence, Bson update) {
        var collection = store.collection(tenantId);
        Document view = Mono.from(collection.find(Filters.eq("_id", ticketId)).first()).block();
        if (view == null || !tenantId.equals(view.getString("tenantId"))
                || ((Number) view.get("version")).longValue() >= sequence) {
            return;
        }
        Mono.from(collection.updateOne(Filters.eq("_id", ticketId),
                Updates.combine(update, Updates.set("version", sequence)))).block();
    }
}
