package com.aftersales.tenant;

import com.aftersales.infra.tenancy.TenantEntry;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;

/**
 * The tenant directory's read model: one document per tenant ({@code _id} = tenant id, the entry as
 * JSON and its version), and a change counter every node polls by key. Tenants are few, so
 * reloading all of them after a change reads a small collection.
 */
public class TenantDirectoryStore {

    static final String COLLECTION = "tenant_directory";
    static final String CHANGES = "tenant_directory_changes";
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS);

    private final MongoCollection<Document> entries;
    private final MongoCollection<Document> changes;

    public TenantDirectoryStore(MongoDatabase database) {
        this.entries = database.getCollection(COLLECTION);
        this.changes = database.getCollection(CHANGES);
    }

    public TenantEntry find(String tenantId) {
        Document document = entries.find(Filters.eq("_id", tenantId)).first();
        return document == null ? null : read(document);
    }

    public List<TenantEntry> all() {
        List<TenantEntry> all = new ArrayList<>();
        entries.find().forEach(document -> all.add(read(document)));
        return all;
    }

    /** Stores the entry, then counts a change so that every node reloads. */
    public void save(TenantEntry entry) {
        try {
            entries.replaceOne(Filters.eq("_id", entry.id()), new Document("_id", entry.id())
                    .append("version", entry.version()).append("entry", JSON.writeValueAsString(entry)),
                    new ReplaceOptions().upsert(true));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the directory entry of tenant " + entry.id(), e);
        }
        changes.updateOne(Filters.eq("_id", "changes"), Updates.inc("count", 1L), new UpdateOptions().upsert(true));
    }

    public long changeCount() {
        Document document = changes.find(Filters.eq("_id", "changes")).first();
        return document == null ? 0 : document.get("count", Number.class).longValue();
    }

    private static TenantEntry read(Document document) {
        try {
            return JSON.readValue(document.getString("entry"), TenantEntry.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable directory entry of tenant " + document.get("_id"), e);
        }
    }
}
