package com.aftersales.ticket.view;

import com.aftersales.infra.tenancy.CallerMetaData;
import com.aftersales.ticket.LifecycleEvents.AssignmentAccepted;
import com.aftersales.ticket.LifecycleEvents.CoHandlerAdded;
import com.aftersales.ticket.LifecycleEvents.InformationSupplied;
import com.aftersales.ticket.LifecycleEvents.TicketAssigned;
import com.aftersales.ticket.LifecycleEvents.TicketClassified;
import com.aftersales.ticket.LifecycleEvents.TicketMarked;
import com.aftersales.ticket.LifecycleEvents.TicketReassigned;
import com.aftersales.ticket.LifecycleEvents.TicketSentBack;
import com.aftersales.ticket.TicketAcknowledged;
import com.aftersales.ticket.TicketOpened;
import com.aftersales.ticket.TicketStatus;
import java.util.List;
import java.util.Set;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.MetaDataValue;
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
    private static final String TENANT = CallerMetaData.TENANT;

    private final TicketViewStore store;

    public TicketViewProjection(TicketViewStore store) {
        this.store = store;
    }

    @EventHandler
    void on(TicketOpened event, @SequenceNumber long sequence) {
        TicketView view = new TicketView(event.ticketId(), event.tenantId(), event.number(),
                TicketStatus.REGISTERED.name(), event.registration().type(), event.registration().priority(), null,
                Set.of(), null, event.registration(), event.registrar(), event.registeredAt(), null, sequence);
        try {
            Mono.from(store.collection(event.tenantId()).insertOne(store.toDocument(view))).block();
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    @EventHandler
    void on(TicketAcknowledged event, @SequenceNumber long sequence, @MetaDataValue(TENANT) String tenantId) {
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
    @EventHandler
    void on(TicketClassified event, @SequenceNumber long sequence, @MetaDataValue(TENANT) String tenantId) {
        apply(tenantId, event.ticketId(), sequence, Updates.combine(Updates.set("type", event.type()),
                Updates.set("priority", event.priority()),
                Updates.set("responsibility", event.responsibility() == null ? null : event.responsibility().name())));
    }

    @EventHandler
    void on(TicketMarked event, @SequenceNumber long sequence, @MetaDataValue(TENANT) String tenantId) {
        apply(tenantId, event.ticketId(), sequence,
                Updates.set("marks", event.marks().stream().map(Enum::name).sorted().toList()));
    }

    @EventHandler
    void on(TicketAssigned event, @SequenceNumber long sequence, @MetaDataValue(TENANT) String tenantId) {
        apply(tenantId, event.ticketId(), sequence, Updates.combine(status(TicketStatus.ASSIGNED),
                Updates.set("assignment", new Document("department", event.department())
                        .append("assigneeId", event.assigneeId()).append("coHandlers", List.of()))));
    }

    @EventHandler
    void on(TicketReassigned event, @SequenceNumber long sequence, @MetaDataValue(TENANT) String tenantId) {
        apply(tenantId, event.ticketId(), sequence, Updates.combine(status(TicketStatus.ASSIGNED),
                Updates.set("assignment.department", event.department()),
                Updates.set("assignment.assigneeId", event.assigneeId()),
                Updates.pull("assignment.coHandlers", event.assigneeId())));
    }

    @EventHandler
    void on(CoHandlerAdded event, @SequenceNumber long sequence, @MetaDataValue(TENANT) String tenantId) {
        apply(tenantId, event.ticketId(), sequence, Updates.addToSet("assignment.coHandlers", event.handlerId()));
    }

    @EventHandler
    void on(AssignmentAccepted event, @SequenceNumber long sequence, @MetaDataValue(TENANT) String tenantId) {
        apply(tenantId, event.ticketId(), sequence, status(TicketStatus.IN_PROGRESS));
    }

    @EventHandler
    void on(TicketSentBack event, @SequenceNumber long sequence, @MetaDataValue(TENANT) String tenantId) {
        apply(tenantId, event.ticketId(), sequence, Updates.combine(status(TicketStatus.RETURNED_FOR_INFORMATION),
                Updates.set("assignment.sentBackFor", event.missing())));
    }

    @EventHandler
    void on(InformationSupplied event, @SequenceNumber long sequence, @MetaDataValue(TENANT) String tenantId) {
        apply(tenantId, event.ticketId(), sequence, Updates.combine(status(TicketStatus.ASSIGNED),
                Updates.unset("assignment.sentBackFor")));
    }

    private static Bson status(TicketStatus status) {
        return Updates.set("status", status.name());
    }

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
