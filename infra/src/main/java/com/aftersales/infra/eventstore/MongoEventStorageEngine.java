package com.aftersales.infra.eventstore;

import static com.aftersales.infra.eventstore.CommitDocuments.ID;

import com.aftersales.infra.tenancy.CallerMetaData;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReplaceOptions;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.BatchingEventStorageEngine;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.Serializer;
import org.bson.Document;

/**
 * Axon event storage engine on MongoDB with a strict, gap-aware global order.
 * <p>
 * Each commit of one aggregate is one document (atomic on every MongoDB), keyed by a global index
 * taken from a counter; a unique key on {@code aggregateId/firstSequence} makes a conflicting
 * append fail with Axon's {@code ConcurrencyException}. Loading an aggregate and fetching the next
 * tracking batch are lookups by unique key, so they cost the events read on mongo-java-server
 * (which ignores secondary indexes) as on a MongoDB replica set. See docs/architecture.md.
 */
public class MongoEventStorageEngine extends BatchingEventStorageEngine {

    private final MongoCollection<Document> commits;
    private final MongoCollection<Document> snapshots;
    private final GlobalIndexAllocator allocator;
    private final AggregateStreams aggregateStreams;
    private final TrackingReader trackingReader;
    private final SnapshotlessAggregates snapshotless = new SnapshotlessAggregates(100_000);
    private final StreamHeads heads = new StreamHeads(100_000);
    private final Clock clock;

    protected MongoEventStorageEngine(Builder builder) {
        super(builder);
        MongoDatabase database = builder.database;
        this.clock = builder.clock;
        this.commits = database.getCollection(builder.collections.events());
        this.snapshots = database.getCollection(builder.collections.snapshots());
        this.allocator = new GlobalIndexAllocator(database.getCollection(builder.collections.counters()));
        this.aggregateStreams = new AggregateStreams(commits, builder.settings.aggregateWindow());
        this.trackingReader = new TrackingReader(commits, allocator, builder.settings, clock);
        commits.createIndex(Indexes.ascending(CommitDocuments.STREAM), new IndexOptions().unique(true));
        LegacyHashBackfill.run(database, commits, aggregateStreams); // before this node appends or serves
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty()) {
            return;
        }
        List<Document> unplaced = new ArrayList<>();
        Map<String, StreamHeads.Head> chained = new HashMap<>();
        for (List<DomainEventMessage<?>> commit : groupByAggregate(events)) {
            Document document = CommitDocuments.commit(commit, serializer); // serialize and hash before allocating
            DomainEventMessage<?> first = commit.get(0);
            String last = CommitDocuments.chain(document, previousHash(first, chained));
            DomainEventMessage<?> end = commit.get(commit.size() - 1);
            chained.put(end.getAggregateIdentifier(), new StreamHeads.Head(end.getSequenceNumber(), last));
            unplaced.add(document);
        }
        long next = allocator.allocate(events.size());
        Instant now = clock.instant();
        List<Document> documents = new ArrayList<>(unplaced.size());
        for (Document commit : unplaced) {
            Document placed = CommitDocuments.place(commit, next, now);
            documents.add(placed);
            next += CommitDocuments.size(placed);
        }
        try {
            commits.insertMany(documents, new InsertManyOptions().ordered(true));
            chained.forEach(heads::remember);
        } catch (RuntimeException e) {
            voidUninserted(documents, e);
            handlePersistenceException(e, events.get(0));
        }
    }

    /**
     * The hash of the stream's event before {@code first}: from this append, from the heads this
     * node last wrote or read (the aggregate's load records it), or else the commit keyed by that
     * event (one lookup by key; a few for a commit of several events). Null for a stream's first
     * event; throws if the event before is not stored (events stored before hashing were
     * back-filled when the engine was built: LegacyHashBackfill).
     */
    private String previousHash(DomainEventMessage<?> first, Map<String, StreamHeads.Head> chained) {
        long previous = first.getSequenceNumber() - 1;
        if (previous < 0) {
            return null;
        }
        String aggregate = first.getAggregateIdentifier();
        StreamHeads.Head head = chained.get(aggregate);
        if (head == null || head.sequence() != previous) {
            head = heads.get(aggregate);
        }
        if (head != null && head.sequence() == previous) {
            return head.hash();
        }
        Document commit = commits.find(Filters.eq(CommitDocuments.STREAM, CommitDocuments.streamKey(aggregate, previous)))
                .first(); // a commit of one event (the usual one) is keyed by it
        if (commit == null) {
            commit = aggregateStreams.commitCovering(aggregate, previous);
        }
        if (commit != null) {
            for (StoredEvent event : CommitDocuments.stored(commit)) {
                if (event.sequence() == previous) {
                    return event.hash();
                }
            }
        }
        // Axon appends sequence n only after loading the aggregate up to n-1: its absence is a conflict
        throw new ConcurrencyException("The event before " + aggregate + "/" + first.getSequenceNumber()
                + " is not stored: the aggregate changed meanwhile");
    }

    /** Consecutive events of one aggregate form one commit; an event without aggregate is its own. */
    private static List<List<DomainEventMessage<?>>> groupByAggregate(List<? extends EventMessage<?>> events) {
        List<List<DomainEventMessage<?>>> groups = new ArrayList<>();
        List<DomainEventMessage<?>> current = null;
        for (EventMessage<?> event : events) {
            DomainEventMessage<?> domainEvent = EventUtils.asDomainEventMessage(event);
            if (current == null || !current.get(0).getAggregateIdentifier().equals(domainEvent.getAggregateIdentifier())) {
                current = new ArrayList<>();
                groups.add(current);
            }
            current.add(domainEvent);
        }
        return groups;
    }

    /**
     * Marks the allocated indexes whose commit did not land as void so readers pass them at once.
     * Commits of other aggregates inserted before the failure stay: a reader may have seen them.
     */
    private void voidUninserted(List<Document> documents, RuntimeException cause) {
        int inserted = cause instanceof MongoBulkWriteException bulk && !bulk.getWriteErrors().isEmpty()
                ? bulk.getWriteErrors().get(0).getIndex() : 0;
        Instant now = clock.instant();
        for (Document commit : documents.subList(inserted, documents.size())) {
            try {
                commits.insertOne(CommitDocuments.voidCommit(
                        CommitDocuments.firstIndex(commit), CommitDocuments.lastIndex(commit), now));
            } catch (RuntimeException ignored) {
                // Already there, or the store is unreachable: readers then treat it as abandoned.
            }
        }
    }

    static boolean isDuplicateKey(Exception exception) {
        if (exception instanceof MongoBulkWriteException bulk) {
            return bulk.getWriteErrors().stream()
                    .anyMatch(error -> ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY);
        }
        return exception instanceof MongoWriteException write
                && write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
    }

    @Override
    protected void storeSnapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
        Document document = CommitDocuments.entry(snapshot, serializer, tenantOf(snapshot))
                .append(ID, snapshot.getAggregateIdentifier())
                .append(CommitDocuments.TYPE, snapshot.getType());
        snapshots.replaceOne(Filters.eq(ID, snapshot.getAggregateIdentifier()), document,
                new ReplaceOptions().upsert(true));
        snapshotless.remove(snapshot.getAggregateIdentifier());
    }

    /**
     * A snapshot's tenant, whose key encrypts its personal fields as it does the aggregate's events:
     * from its metadata, or else from the commit holding the event it was taken at (a key lookup).
     */
    private String tenantOf(DomainEventMessage<?> snapshot) {
        if (snapshot.getMetaData().get(CallerMetaData.TENANT) instanceof String tenant) {
            return tenant;
        }
        String aggregate = snapshot.getAggregateIdentifier();
        long sequence = snapshot.getSequenceNumber();
        Document commit = commits.find(Filters.eq(CommitDocuments.STREAM, CommitDocuments.streamKey(aggregate, sequence)))
                .first();
        if (commit == null) {
            commit = aggregateStreams.commitCovering(aggregate, sequence);
        }
        return commit == null ? null : CommitDocuments.tenantOf(commit, commit.getList(CommitDocuments.EVENTS,
                Document.class).get(0));
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        if (snapshotless.contains(aggregateIdentifier)) {
            return Stream.empty();
        }
        Document snapshot = snapshots.find(Filters.eq(ID, aggregateIdentifier)).first();
        if (snapshot == null) {
            snapshotless.add(aggregateIdentifier);
            return Stream.empty();
        }
        return Stream.of(CommitDocuments.event(snapshot.getString(CommitDocuments.TYPE), aggregateIdentifier, snapshot));
    }

    @Override
    protected List<? extends DomainEventData<?>> fetchDomainEvents(String aggregateIdentifier, long firstSequenceNumber,
                                                                   int batchSize) {
        List<Document> found = aggregateStreams.commits(aggregateIdentifier, firstSequenceNumber, batchSize);
        List<DomainEventData<String>> events = new ArrayList<>();
        for (Document commit : found) {
            AggregateStreams.addFrom(events, commit, firstSequenceNumber);
        }
        if (!found.isEmpty()) {
            Document last = found.get(found.size() - 1);
            List<StoredEvent> stored = CommitDocuments.stored(last);
            StoredEvent end = stored.get(stored.size() - 1);
            heads.remember(aggregateIdentifier, new StreamHeads.Head(end.sequence(), end.hash()));
        }
        return events;
    }

    @Override
    protected List<? extends TrackedEventData<?>> fetchTrackedEvents(TrackingToken lastToken, int batchSize) {
        return trackingReader.fetch(lastToken, batchSize);
    }

    /**
     * Whether the aggregate has events after {@code sequenceNumber}: one unique-key lookup, because
     * any later commit starts at the next sequence number.
     */
    public boolean hasEventsAfter(String aggregateIdentifier, long sequenceNumber) {
        return commits.find(Filters.eq(CommitDocuments.STREAM, CommitDocuments.streamKey(aggregateIdentifier, sequenceNumber + 1)))
                .projection(new Document(ID, 1)).limit(1).first() != null;
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        return aggregateStreams.lastSequenceNumber(aggregateIdentifier);
    }

    @Override
    public TrackingToken createTailToken() {
        return TrackingReader.tail();
    }

    /** The newest position; indexes still being written are kept as gaps so they are not missed. */
    @Override
    public TrackingToken createHeadToken() {
        long head = allocator.highestAllocated();
        return head < 0 ? TrackingReader.tail() : trackingReader.tokenAt(head);
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return trackingReader.tokenBefore(dateTime, allocator.highestAllocated());
    }

    /** Where events, snapshots and the index counter live. */
    public record CollectionNames(String events, String snapshots, String counters) {
        public static final CollectionNames DEFAULT = new CollectionNames("events", "snapshots", "event_counters");
    }

    public static class Builder extends BatchingEventStorageEngine.Builder {

        private MongoDatabase database;
        private EventStoreSettings settings = EventStoreSettings.DEFAULTS;
        private CollectionNames collections = CollectionNames.DEFAULT;
        private Clock clock = Clock.systemUTC();

        public Builder database(MongoDatabase database) {
            this.database = database;
            return this;
        }

        public Builder settings(EventStoreSettings settings) {
            this.settings = settings;
            return this;
        }

        public Builder collections(CollectionNames collections) {
            this.collections = collections;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        @Override
        public Builder eventSerializer(Serializer serializer) {
            super.eventSerializer(serializer);
            return this;
        }

        @Override
        public Builder snapshotSerializer(Serializer serializer) {
            super.snapshotSerializer(serializer);
            return this;
        }

        @Override
        public Builder upcasterChain(org.axonframework.serialization.upcasting.event.EventUpcaster upcasterChain) {
            super.upcasterChain(upcasterChain);
            return this;
        }

        public MongoEventStorageEngine build() {
            if (database == null) {
                throw new IllegalStateException("The MongoDB database is required");
            }
            batchSize(settings.trackingBatch());
            persistenceExceptionResolver(MongoEventStorageEngine::isDuplicateKey);
            return new MongoEventStorageEngine(this);
        }
    }
}
