package com.aftersales.infra.eventstore;

import static com.aftersales.infra.eventstore.CommitDocuments.AGGREGATE;
import static com.aftersales.infra.eventstore.CommitDocuments.FIRST_SEQUENCE;
import static com.aftersales.infra.eventstore.CommitDocuments.LAST_SEQUENCE;
import static com.aftersales.infra.eventstore.CommitDocuments.STREAM;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventData;
import org.bson.Document;

/**
 * Reads one aggregate's commits by key lookups only.
 * <p>
 * Commits are keyed {@code aggregateId/firstSequence}. A lookup asks with {@code $in} for a window
 * of consecutive sequence numbers, which both servers answer from the unique index; the chain of
 * commits is followed from window to window until it ends. Every key costs a lookup even when
 * absent, so windows start small (most streams are short, or short after a snapshot) and double
 * up to the configured size. Cost grows with the events read, not with the events stored.
 */
final class AggregateStreams {

    private static final int FIRST_WINDOW = 8;

    private final MongoCollection<Document> commits;
    private final int window;

    AggregateStreams(MongoCollection<Document> commits, int window) {
        this.commits = commits;
        this.window = window;
    }

    private int nextWindow(int current) {
        return Math.min(window, current * 2);
    }

    /**
     * The commits holding the aggregate's events from {@code firstSequence} on, in order, until they
     * hold at least {@code atLeast} such events or the stream ends (the first may start earlier).
     */
    List<Document> commits(String aggregateIdentifier, long firstSequence, int atLeast) {
        List<Document> commits = new ArrayList<>();
        long next = firstSequence;
        int size = Math.min(window, FIRST_WINDOW);
        boolean mayStartInsideCommit = firstSequence > 0;
        while (next - firstSequence < atLeast) {
            long windowEnd = next + size;
            size = nextWindow(size);
            List<Document> found = lookup(aggregateIdentifier, next, windowEnd);
            if (mayStartInsideCommit) {
                mayStartInsideCommit = false;
                Document covering = startsAt(found, next) ? null : commitCovering(aggregateIdentifier, next);
                if (covering != null) {
                    commits.add(covering);
                    next = covering.getLong(LAST_SEQUENCE) + 1;
                    continue;
                }
            }
            for (Document commit : found) {
                if (!startsAt(commit, next)) {
                    return commits;
                }
                commits.add(commit);
                next = commit.getLong(LAST_SEQUENCE) + 1;
            }
            if (next < windowEnd) {
                return commits;
            }
        }
        return commits;
    }

    private static boolean startsAt(List<Document> found, long sequence) {
        return !found.isEmpty() && startsAt(found.get(0), sequence);
    }

    private static boolean startsAt(Document commit, long sequence) {
        return commit.getLong(FIRST_SEQUENCE) == sequence;
    }

    Optional<Long> lastSequenceNumber(String aggregateIdentifier) {
        Long last = null;
        long next = 0;
        int size = Math.min(window, FIRST_WINDOW);
        while (true) {
            long windowEnd = next + size;
            size = nextWindow(size);
            for (Document commit : lookup(aggregateIdentifier, next, windowEnd)) {
                if (commit.getLong(FIRST_SEQUENCE) != next) {
                    return Optional.ofNullable(last);
                }
                last = commit.getLong(LAST_SEQUENCE);
                next = last + 1;
            }
            if (next < windowEnd) {
                return Optional.ofNullable(last);
            }
        }
    }

    /**
     * The commit that holds {@code sequence} without starting at it, for reads that begin inside a
     * commit (snapshots are taken at commit ends, so this is rare). Looks back one small window by
     * key; only a commit larger than that window falls back to a query by aggregate.
     */
    Document commitCovering(String aggregateIdentifier, long sequence) {
        long from = Math.max(0, sequence - FIRST_WINDOW);
        List<Document> before = lookup(aggregateIdentifier, from, sequence);
        for (Document commit : before) {
            long last = commit.getLong(LAST_SEQUENCE);
            if (last >= sequence) {
                return commit;
            }
            if (last == sequence - 1) {
                return null;
            }
        }
        if (!before.isEmpty() || from == 0) {
            return null;
        }
        return commits.find(Filters.and(
                Filters.eq(AGGREGATE, aggregateIdentifier),
                Filters.lt(FIRST_SEQUENCE, sequence),
                Filters.gte(LAST_SEQUENCE, sequence))).first();
    }

    /** Adds the commit's events from {@code firstSequence} on (a read may begin inside a commit). */
    static void addFrom(List<DomainEventData<String>> events, Document commit, long firstSequence) {
        for (DomainEventData<String> event : CommitDocuments.events(commit)) {
            if (event.getSequenceNumber() >= firstSequence) {
                events.add(event);
            }
        }
    }

    /** Commits starting at sequence numbers in [from, to), in sequence order. */
    private List<Document> lookup(String aggregateIdentifier, long from, long to) {
        List<String> keys = new ArrayList<>((int) (to - from));
        for (long sequence = from; sequence < to; sequence++) {
            keys.add(CommitDocuments.streamKey(aggregateIdentifier, sequence));
        }
        List<Document> found = commits.find(Filters.in(STREAM, keys)).into(new ArrayList<>());
        found.sort(Comparator.comparingLong(commit -> commit.getLong(FIRST_SEQUENCE)));
        return found;
    }
}
