package com.aftersales.ticket.view;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import reactor.core.publisher.Mono;

/**
 * The live views: each tenant's view collection, each version written announced to writers
 * waiting for it ({@link TicketViewUpdates}).
 */
final class StoredTicketViews implements TicketViewWriter {

    private final TicketViewStore store;
    private final TicketViewUpdates updates;

    StoredTicketViews(TicketViewStore store, TicketViewUpdates updates) {
        this.store = store;
        this.updates = updates;
    }

    @Override
    public void insert(String tenantId, String ticketId, long sequence, Document view) {
        try {
            Mono.from(store.collection(tenantId).insertOne(view)).block();
            updates.applied(tenantId, ticketId, sequence);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    /**
     * Reads and writes by {@code _id} alone, the form the embedded server answers from an index. The
     * version check needs no atomic filter: a ticket's events reach the projection one at a time, in
     * order (one processor segment per aggregate).
     */
    @Override
    public void apply(String tenantId, String ticketId, long sequence, Bson update) {
        var collection = store.collection(tenantId);
        Document view = Mono.from(collection.find(Filters.eq("_id", ticketId)).first()).block();
        if (view == null || !tenantId.equals(view.getString("tenantId"))
                || ((Number) view.get("version")).longValue() >= sequence) {
            return;
        }
        Bson version = Updates.set("version", sequence);
        Mono.from(collection.updateOne(Filters.eq("_id", ticketId),
                update == null ? version : Updates.combine(update, version))).block();
        if (update != null && Boolean.TRUE.equals(view.get(PersonalFields.ERASED_FLAG))) {
            // a late or retried event of an erased ticket: what it set is erased before anyone is told
            Document changed = Mono.from(collection.find(Filters.eq("_id", ticketId)).first()).block();
            PersonalFields.eraseView(changed);
            Mono.from(collection.replaceOne(Filters.eq("_id", ticketId), changed)).block();
        }
        updates.applied(tenantId, ticketId, sequence);
    }

    /**
     * Read, erased and replaced by {@code _id}: erasing twice changes nothing more. A missing view
     * (lagging or dead-lettered) throws, so the erasure is dead-lettered and retried, never skipped.
     */
    @Override
    public void erase(String tenantId, String ticketId, Long sequence) {
        var collection = store.collection(tenantId);
        Document view = Mono.from(collection.find(Filters.eq("_id", ticketId)).first()).block();
        if (view == null || !tenantId.equals(view.getString("tenantId"))) {
            throw new IllegalStateException("No view of ticket " + ticketId + " to erase (yet)");
        }
        Mono.from(store.erasures(tenantId).replaceOne(Filters.eq("_id", ticketId), new Document("_id", ticketId),
                new ReplaceOptions().upsert(true))).block();
        PersonalFields.eraseView(view);
        boolean moves = sequence != null && ((Number) view.get("version")).longValue() < sequence;
        if (moves) {
            view.put("version", sequence);
        }
        Mono.from(collection.replaceOne(Filters.eq("_id", ticketId), view)).block();
        if (moves) {
            updates.applied(tenantId, ticketId, sequence);
        }
    }
}
