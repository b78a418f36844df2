package com.aftersales.infra.eventstore;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;

/**
 * Reads one stream's events as stored (payload and metadata unparsed, global index, hashes), for
 * audit: by key lookups only, like loading an aggregate, so the cost follows the events read.
 */
public final class EventHistory {

    private final MongoCollection<Document> commits;
    private final AggregateStreams streams;

    public EventHistory(MongoDatabase database, MongoEventStorageEngine.CollectionNames collections, int window) {
        this.commits = database.getCollection(collections.events());
        this.streams = new AggregateStreams(commits, window);
    }

    /**
     * Up to {@code limit} events of the stream from {@code fromSequence} on, in order. The read ends
     * where the chain of commits ends: a missing commit ends it early (see {@link #resumesAfter}).
     */
    public List<StoredEvent> read(String aggregateIdentifier, long fromSequence, int limit) {
        List<StoredEvent> events = new ArrayList<>(Math.min(limit, 1024));
        for (Document commit : streams.commits(aggregateIdentifier, fromSequence, limit)) {
            for (StoredEvent event : CommitDocuments.stored(commit)) {
                if (event.sequence() >= fromSequence && events.size() < limit) {
                    events.add(event);
                }
            }
        }
        return events;
    }

    /**
     * The first sequence number in {@code (after, after + lookAhead]} at which a commit of the
     * stream starts, or -1: tells a stream that ends at {@code after} from one with a hole there.
     * One {@code $in} lookup by key.
     */
    public long resumesAfter(String aggregateIdentifier, long after, int lookAhead) {
        List<String> keys = new ArrayList<>(lookAhead);
        for (long sequence = after + 1; sequence <= after + lookAhead; sequence++) {
            keys.add(CommitDocuments.streamKey(aggregateIdentifier, sequence));
        }
        long first = -1;
        for (Document commit : commits.find(Filters.in(CommitDocuments.STREAM, keys))) {
            long sequence = commit.getLong(CommitDocuments.FIRST_SEQUENCE);
            if (sequence > after && (first < 0 || sequence < first)) {
                first = sequence;
            }
        }
        return first;
    }
}
