package com.aftersales.infra.privacy;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.util.List;
import javax.crypto.SecretKey;
import org.bson.Document;

/**
 * Start-up check that the configured master keys are the ones this store's keys are wrapped with,
 * so that a wrong key fails the start at once, naming the setting, instead of reading every
 * personal field as erased. Also rewraps keys after a rotation.
 */
final class MasterKeyCheck {

    private static final String VERSIONS = "master-versions";
    private static final String CHECK = "master-check-";

    private final MongoCollection<Document> meta;
    private final MasterKeys master;

    MasterKeyCheck(MongoCollection<Document> meta, MasterKeys master) {
        this.meta = meta;
        this.master = master;
    }

    void run() {
        Document used = meta.find(Filters.eq("_id", VERSIONS)).first();
        for (Integer version : used == null ? List.<Integer>of() : used.getList("versions", Integer.class, List.of())) {
            if (!master.versions().contains(version)) {
                throw new IllegalStateException("Keys in this store are wrapped under master key version " + version
                        + ", which is not configured: set aftersales.privacy.master-key (and master-key-version) or "
                        + "aftersales.privacy.previous-master-keys." + version);
            }
        }
        for (Integer version : master.versions()) {
            Document check = meta.find(Filters.eq("_id", CHECK + version)).first();
            if (check != null) {
                master.unwrap(new MasterKeys.Wrapped(version, check.getString("check")), CHECK); // throws: wrong key
            } else if (version == master.current()) {
                insertCheck(version);
            }
        }
        meta.updateOne(Filters.eq("_id", VERSIONS), Updates.addToSet("versions", master.current()),
                new UpdateOptions().upsert(true));
    }

    private void insertCheck(int version) {
        try {
            meta.insertOne(new Document("_id", CHECK + version).append("check", master.wrap(Aead.newKey(), CHECK).key()));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            Document check = meta.find(Filters.eq("_id", CHECK + version)).first();
            master.unwrap(new MasterKeys.Wrapped(version, check.getString("check")), CHECK);
        }
    }

    /**
     * Rewraps every ticket and index key wrapped under an older version with the current one; each
     * key is replaced only if still wrapped as read. Then older versions are no longer needed.
     * A one-off administrative scan (not a hot path). Returns the keys rewrapped.
     */
    int rewrap(MongoCollection<Document> keys, MongoCollection<Document> tenants) {
        int rewrapped = 0;
        Iterable<Document> old = keys.find(Filters.and(Filters.exists("key"), Filters.ne("master", master.current())));
        for (Document stored : old) {
            rewrapped += rewrapOne(keys, stored, "key", stored.getString("_id"));
        }
        for (Document stored : tenants.find(Filters.ne("master", master.current()))) {
            rewrapped += rewrapOne(tenants, stored, "indexKey", "index|" + stored.getString("_id"));
        }
        meta.updateOne(Filters.eq("_id", VERSIONS), Updates.set("versions", List.of(master.current())),
                new UpdateOptions().upsert(true));
        return rewrapped;
    }

    private int rewrapOne(MongoCollection<Document> collection, Document stored, String field, String associatedData) {
        int version = stored.getInteger("master");
        SecretKey key = master.unwrap(new MasterKeys.Wrapped(version, stored.getString(field)), associatedData);
        MasterKeys.Wrapped wrapped = master.wrap(key, associatedData);
        return (int) collection.updateOne(Filters.and(Filters.eq("_id", stored.get("_id")), Filters.eq("master", version),
                        Filters.eq(field, stored.getString(field))),
                Updates.combine(Updates.set(field, wrapped.key()), Updates.set("master", wrapped.version())))
                .getModifiedCount();
    }
}
