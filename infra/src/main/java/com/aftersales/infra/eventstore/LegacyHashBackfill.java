package com.aftersales.infra.eventstore;

import static com.aftersales.infra.eventstore.CommitDocuments.AGGREGATE;
import static com.aftersales.infra.eventstore.CommitDocuments.EVENTS;
import static com.aftersales.infra.eventstore.CommitDocuments.HASH;
import static com.aftersales.infra.eventstore.CommitDocuments.ID;
import static com.aftersales.infra.eventstore.CommitDocuments.SALT;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One-time migration: gives every event stored before events were hashed a salt and a hash, so that
 * from then on an unhashed event can only mean a removed hash (verification: {@code CHANGED}).
 * <p>
 * Runs when the storage engine is built, before the node appends or serves; a marker document in
 * {@code event_migrations} makes later starts skip it. Idempotent and safe on two nodes: each commit
 * is updated only while its first event still has no hash (or still has the hashes this run read),
 * and every previous hash is read back from the database, so two nodes racing end with one chain.
 * A stream whose hashed events follow unhashed ones (written by a pre-release build) is re-chained
 * from its first unhashed event on.
 */
final class LegacyHashBackfill {

    private static final Logger log = LoggerFactory.getLogger(LegacyHashBackfill.class);
    static final String MIGRATIONS = "event_migrations";
    static final String MARKER = "audit-hash-backfill-v1";

    private LegacyHashBackfill() {
    }

    /** Back-fills the hashes unless the marker says it was done; returns the number of commits rewritten. */
    static int run(MongoDatabase database, MongoCollection<Document> commits, AggregateStreams streams) {
        MongoCollection<Document> migrations = database.getCollection(MIGRATIONS);
        if (migrations.find(Filters.eq(ID, MARKER)).first() != null) {
            return 0;
        }
        Set<String> aggregates = new LinkedHashSet<>();
        for (Document commit : commits.find(Filters.and(Filters.exists(EVENTS), Filters.exists(EVENTS + "." + HASH, false)))
                .projection(new Document(AGGREGATE, 1)).sort(Sorts.ascending(ID))) {
            aggregates.add(commit.getString(AGGREGATE));
        }
        int rewritten = 0;
        for (String aggregate : aggregates) {
            rewritten += backfill(commits, streams, aggregate);
        }
        migrations.replaceOne(Filters.eq(ID, MARKER), new Document(ID, MARKER).append("at", Date.from(Instant.now()))
                .append("commits", rewritten), new ReplaceOptions().upsert(true));
        if (rewritten > 0) {
            log.info("Back-filled the hashes of {} commits of {} streams stored before events were hashed", rewritten,
                    aggregates.size());
        }
        return rewritten;
    }

    /** Chains the stream from its first unhashed event on; every later commit is re-chained after it. */
    private static int backfill(MongoCollection<Document> commits, AggregateStreams streams, String aggregate) {
        int rewritten = 0;
        boolean started = false;
        String previous = null;
        for (Document commit : streams.commits(aggregate, 0, Integer.MAX_VALUE)) {
            List<Document> entries = commit.getList(EVENTS, Document.class);
            String firstHash = entries.get(0).getString(HASH);
            started |= entries.stream().anyMatch(entry -> entry.getString(HASH) == null);
            if (started) {
                for (Document entry : entries) {
                    if (entry.getString(SALT) == null) {
                        entry.append(SALT, EventHashes.newSalt());
                    }
                }
                String last = CommitDocuments.chain(commit, previous);
                long updated = commits.updateOne(Filters.and(Filters.eq(ID, commit.get(ID)),
                                firstHash == null ? Filters.exists(EVENTS + ".0." + HASH, false)
                                        : Filters.eq(EVENTS + ".0." + HASH, firstHash)),
                        Updates.set(EVENTS, entries)).getModifiedCount();
                if (updated == 1) {
                    rewritten++;
                    previous = last;
                    continue;
                }
                // another node got there first: go on from what it stored
                Document stored = commits.find(Filters.eq(ID, commit.get(ID))).first();
                List<StoredEvent> events = CommitDocuments.stored(stored);
                previous = events.get(events.size() - 1).hash();
                continue;
            }
            previous = entries.get(entries.size() - 1).getString(HASH);
        }
        return rewritten;
    }
}
