package com.aftersales.infra.eventstore;

import com.aftersales.infra.privacy.KeyScope;
import com.aftersales.infra.privacy.PersonalFields;
import com.aftersales.infra.tenancy.CallerMetaData;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.bson.Document;

/**
 * The layout of the {@code events} collection: one document per commit of one aggregate.
 * <pre>
 * { _id: 43,                       // global index of the commit's last event
 *   firstIndex: 42,                // global index of its first event; one index per event
 *   stream: "ticket-7/3",          // aggregate id + "/" + first sequence number: unique
 *   aggregateIdentifier, type, firstSequence: 3, lastSequence: 4,
 *   committedAt: ISODate,          // writer clock, only used to judge abandoned indexes
 *   tenant: "acme",                // the events' tenant (absent on commits stored before audit hashing)
 *   events: [ { eventIdentifier, sequence, timestamp, payloadType, payloadRevision, payload, metaData,
 *               salt, hash, previousHash } ] }  // see EventHashes; absent before audit hashing
 * </pre>
 * Keying a commit by its last index lets a reader positioned inside a commit find the rest of it
 * with the same window lookup. A commit that failed after its indexes were allocated is stored as
 * {@code { _id, firstIndex, void: true }} so that readers pass it at once instead of waiting for
 * the gap timeout.
 */
final class CommitDocuments {

    static final String ID = "_id";
    static final String FIRST_INDEX = "firstIndex";
    static final String STREAM = "stream";
    static final String AGGREGATE = "aggregateIdentifier";
    static final String TYPE = "type";
    static final String FIRST_SEQUENCE = "firstSequence";
    static final String LAST_SEQUENCE = "lastSequence";
    static final String COMMITTED_AT = "committedAt";
    static final String EVENTS = "events";
    static final String VOID = "void";
    /** The tenant of the commit's events (from their metadata), for per-tenant audit checkpoints. */
    static final String TENANT = "tenant";
    static final String HASH = "hash";
    static final String PREVIOUS_HASH = "previousHash";
    /** Per event: 16 random bytes (hex) hashed before payload and metadata (EventHashes). */
    static final String SALT = "salt";
    private static final ObjectMapper JSON = new ObjectMapper();

    private CommitDocuments() {
    }

    static String streamKey(String aggregateIdentifier, long sequenceNumber) {
        return aggregateIdentifier + "/" + sequenceNumber;
    }

    /** The commit document without its place in the global order (see {@link #place}). */
    static Document commit(List<? extends DomainEventMessage<?>> events, Serializer serializer) {
        DomainEventMessage<?> first = events.get(0);
        String tenant = first.getMetaData().get(CallerMetaData.TENANT) instanceof String id ? id : null;
        List<Document> entries = new ArrayList<>(events.size());
        for (DomainEventMessage<?> event : events) {
            entries.add(entry(event, serializer, tenant).append(SALT, EventHashes.newSalt()));
        }
        Document commit = new Document(STREAM, streamKey(first.getAggregateIdentifier(), first.getSequenceNumber()))
                .append(AGGREGATE, first.getAggregateIdentifier())
                .append(TYPE, first.getType())
                .append(FIRST_SEQUENCE, first.getSequenceNumber())
                .append(LAST_SEQUENCE, events.get(events.size() - 1).getSequenceNumber())
                .append(EVENTS, entries);
        if (tenant != null) {
            commit.append(TENANT, tenant);
        }
        return commit;
    }

    /** Gives a commit its global indexes, one per event starting at {@code firstIndex}. */
    static Document place(Document commit, long firstIndex, Instant committedAt) {
        int size = commit.getList(EVENTS, Document.class).size();
        Document placed = new Document(ID, firstIndex + size - 1).append(FIRST_INDEX, firstIndex);
        placed.putAll(commit);
        return placed.append(COMMITTED_AT, Date.from(committedAt));
    }

    static int size(Document commit) {
        return (int) (lastIndex(commit) - firstIndex(commit) + 1);
    }

    /** Void markers carry a stream key of their own (the unique index admits one missing key only); no aggregate key lacks a "/". */
    static Document voidCommit(long firstIndex, long lastIndex, Instant at) {
        return new Document(ID, lastIndex).append(FIRST_INDEX, firstIndex).append(STREAM, "void:" + lastIndex)
                .append(VOID, true).append(COMMITTED_AT, Date.from(at));
    }

    static long firstIndex(Document commit) {
        return commit.getLong(FIRST_INDEX);
    }

    static long lastIndex(Document commit) {
        return commit.getLong(ID);
    }

    static boolean isVoid(Document commit) {
        return commit.getBoolean(VOID, false);
    }

    static Instant committedAt(Document commit) {
        return commit.getDate(COMMITTED_AT).toInstant();
    }

    /**
     * The stored form of an event or snapshot: its personal fields encrypted under the key of its
     * tenant's aggregate (docs/privacy.md), which the audit hash then covers as stored.
     */
    static Document entry(DomainEventMessage<?> event, Serializer serializer, String tenant) {
        SerializedObject<String> payload = PersonalFields.serialize(event.getPayload(), serializer,
                new KeyScope(tenant, event.getAggregateIdentifier()));
        SerializedObject<String> metaData = event.serializeMetaData(serializer, String.class);
        return new Document("eventIdentifier", event.getIdentifier())
                .append("sequence", event.getSequenceNumber())
                .append("timestamp", event.getTimestamp().toString())
                .append("payloadType", payload.getType().getName())
                .append("payloadRevision", payload.getType().getRevision())
                .append("payload", payload.getData())
                .append("metaData", metaData.getData());
    }

    static List<DomainEventData<String>> events(Document commit) {
        List<Document> entries = commit.getList(EVENTS, Document.class);
        List<DomainEventData<String>> events = new ArrayList<>(entries.size());
        for (Document entry : entries) {
            events.add(event(commit.getString(TYPE), commit.getString(AGGREGATE), entry));
        }
        return events;
    }

    static DomainEventData<String> event(String type, String aggregateIdentifier, Document entry) {
        return new GenericDomainEventEntry<>(
                type, aggregateIdentifier, entry.getLong("sequence"), entry.getString("eventIdentifier"),
                entry.getString("timestamp"), entry.getString("payloadType"), entry.getString("payloadRevision"),
                entry.getString("payload"), entry.getString("metaData"));
    }

    /** The commit's events as stored, with their global indexes. */
    static List<StoredEvent> stored(Document commit) {
        List<Document> entries = commit.getList(EVENTS, Document.class);
        List<StoredEvent> events = new ArrayList<>(entries.size());
        long firstSequence = commit.getLong(FIRST_SEQUENCE);
        long firstIndex = firstIndex(commit);
        for (Document entry : entries) {
            long sequence = entry.getLong("sequence");
            events.add(new StoredEvent(tenantOf(commit, entry), commit.getString(TYPE), commit.getString(AGGREGATE),
                    sequence, firstIndex + (sequence - firstSequence), entry.getString("eventIdentifier"),
                    entry.getString("timestamp"), entry.getString("payloadType"), entry.getString("payloadRevision"),
                    entry.getString("payload"), entry.getString("metaData"), entry.getString(SALT),
                    entry.getString(HASH), entry.getString(PREVIOUS_HASH)));
        }
        return events;
    }

    /**
     * The one place an event's tenant is resolved: the commit's {@code tenant}, or for commits stored
     * before it was recorded there, the event's metadata. The hash covers it (EventHashes), so
     * changing the commit's field is noticed as a change of every event of the commit.
     */
    static String tenantOf(Document commit, Document entry) {
        String tenant = commit.getString(TENANT);
        if (tenant != null) {
            return tenant;
        }
        try {
            JsonNode value = JSON.readTree(entry.getString("metaData")).get(CallerMetaData.TENANT);
            return value == null || value.isNull() ? null : value.asText();
        } catch (Exception e) {
            return null; // no or unreadable metadata: no tenant
        }
    }

    /**
     * Chains the commit's entries: each gets the hash of its stored form and the previous event's
     * hash ({@code previousHash} of the first: the stream's event before the commit, null if none
     * or unhashed). Returns the hash of the last entry.
     */
    static String chain(Document commit, String previousHash) {
        String type = commit.getString(TYPE);
        String aggregate = commit.getString(AGGREGATE);
        String previous = previousHash;
        for (Document entry : commit.getList(EVENTS, Document.class)) {
            String hash = EventHashes.hash(previous, tenantOf(commit, entry), type, aggregate, entry.getLong("sequence"),
                    entry.getString("eventIdentifier"), entry.getString("timestamp"), entry.getString("payloadType"),
                    entry.getString("payloadRevision"), entry.getString(SALT), entry.getString("payload"),
                    entry.getString("metaData"));
            entry.append(PREVIOUS_HASH, previous).append(HASH, hash);
            previous = hash;
        }
        return previous;
    }
}
