package com.aftersales.ticket;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.PushOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * Mark keys in {@code mark_keys}, one document per key ({@code _id} "tenant|kind|key", carrying its
 * tenant), read and written by {@code _id} only. An append is one {@code findOneAndUpdate} that pushes
 * the entry (keeping the last n) and answers the document as it was BEFORE: the form both MongoDB
 * servers run atomically, so registrations on any node see the entries in one order.
 */
@Component
public class MongoMarkKeys implements MarkKeys {

    private final MongoCollection<Document> keys;

    public MongoMarkKeys(MongoDatabase database) {
        this.keys = database.getCollection("mark_keys");
    }

    @Override
    public List<Entry> append(String tenantId, String kind, String key, Entry entry, int keep) {
        Document pushed = new Document("t", entry.ticketId()).append("at", Date.from(entry.at()));
        Document before = keys.findOneAndUpdate(Filters.eq("_id", id(tenantId, kind, key)),
                Updates.combine(Updates.setOnInsert("tenantId", tenantId), Updates.setOnInsert("kind", kind),
                        Updates.pushEach("entries", List.of(pushed), new PushOptions().slice(-keep))),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.BEFORE));
        if (before == null) {
            return List.of();
        }
        return before.getList("entries", Document.class, List.of()).stream()
                .map(stored -> new Entry(stored.getString("t"), stored.getDate("at").toInstant()))
                .toList();
    }

    @Override
    public void remove(String tenantId, String kind, String key, Entry entry) {
        keys.updateOne(Filters.eq("_id", id(tenantId, kind, key)), Updates.pull("entries",
                new Document("t", entry.ticketId()).append("at", Date.from(entry.at()))));
    }

    static String id(String tenantId, String kind, String key) {
        return tenantId + "|" + kind + "|" + key;
    }
}
