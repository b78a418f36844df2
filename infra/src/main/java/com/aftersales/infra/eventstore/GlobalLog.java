package com.aftersales.infra.eventstore;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.bson.Document;

/**
 * Reads the stored events of every stream in global order, as stored, for the audit checkpoint
 * writer: by {@code _id $in} windows (a commit's last index), like the tracking reader. A read ends
 * before an index whose commit is not there yet (its writer is still inserting), unless a later
 * commit is older than the gap timeout: then that index was abandoned and is passed.
 */
public final class GlobalLog {

    /** Events after the position asked for, and the position read through (all indexes up to it are settled). */
    public record Slice(List<StoredEvent> events, long through) {
    }

    private static final int LOOK_AHEAD = 256;

    private final MongoCollection<Document> commits;
    private final GlobalIndexAllocator allocator;
    private final EventStoreSettings settings;
    private final Clock clock;

    public GlobalLog(MongoDatabase database, MongoEventStorageEngine.CollectionNames collections,
                     EventStoreSettings settings, Clock clock) {
        this.commits = database.getCollection(collections.events());
        this.allocator = new GlobalIndexAllocator(database.getCollection(collections.counters()));
        this.settings = settings;
        this.clock = clock;
    }

    /** The highest global index handed out so far, or -1. */
    public long head() {
        return allocator.highestAllocated();
    }

    /**
     * A global index at or before the first event stamped at or after {@code time}, by binary
     * search over the indexes (key lookups). Event times follow the global order only roughly
     * (several writers, their clocks): callers search a margin earlier and filter by time.
     */
    public long indexNear(Instant time) {
        long low = 0;
        long high = Math.max(0, head());
        while (low < high) {
            long mid = (low + high) >>> 1;
            List<StoredEvent> events = read(mid - 1, 64).events();
            Instant first = events.isEmpty() ? null : events.get(0).instant(); // unreadable: searched as if later
            if (first != null && first.isBefore(time)) {
                low = events.get(0).globalIndex() + 1 > mid ? events.get(0).globalIndex() + 1 : mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** Events with global indexes in {@code (after, after + window]} that are settled, in order. */
    public Slice read(long after, int window) {
        long head = allocator.highestAllocated();
        long end = Math.min(head, after + window);
        List<StoredEvent> events = new ArrayList<>();
        if (end <= after) {
            return new Slice(events, after);
        }
        List<Document> found = lookup(after + 1, end);
        Instant abandonedBefore = clock.instant().minus(settings.gapTimeout());
        long next = after + 1;
        int at = 0;
        while (next <= end) {
            while (at < found.size() && CommitDocuments.lastIndex(found.get(at)) < next) {
                at++;
            }
            Document commit = at < found.size() ? found.get(at) : null;
            if (commit == null || CommitDocuments.firstIndex(commit) > next) {
                Document extending = commit == null ? extendingPast(next, end) : null;
                if (extending != null && CommitDocuments.firstIndex(extending) == next) {
                    commit = extending;
                } else if (laterCommitOlderThan(found, next, abandonedBefore)) {
                    next++; // abandoned by a writer that died after allocating
                    continue;
                } else {
                    break;
                }
            }
            if (!CommitDocuments.isVoid(commit)) {
                events.addAll(CommitDocuments.stored(commit));
            }
            next = CommitDocuments.lastIndex(commit) + 1;
        }
        return new Slice(events, next - 1);
    }

    private static boolean laterCommitOlderThan(List<Document> found, long index, Instant abandonedBefore) {
        for (Document commit : found) {
            if (CommitDocuments.firstIndex(commit) > index && CommitDocuments.committedAt(commit).isBefore(abandonedBefore)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A commit starting inside the window but ending after it. Commits are keyed by their last
     * index, so the first one found beyond the window, range by range up to the head, is the only
     * candidate: a commit of any length is found, never waited for.
     */
    private Document extendingPast(long index, long end) {
        long head = allocator.highestAllocated();
        for (long from = end + 1; from <= head; from += LOOK_AHEAD) {
            List<Document> beyond = lookup(from, Math.min(head, from + LOOK_AHEAD - 1));
            if (!beyond.isEmpty()) {
                Document nearest = beyond.get(0);
                return CommitDocuments.firstIndex(nearest) <= index ? nearest : null;
            }
        }
        return null;
    }

    private List<Document> lookup(long from, long to) {
        List<Long> ids = new ArrayList<>((int) (to - from + 1));
        for (long index = from; index <= to; index++) {
            ids.add(index);
        }
        List<Document> found = commits.find(Filters.in(CommitDocuments.ID, ids)).into(new ArrayList<>());
        found.sort(Comparator.comparingLong(CommitDocuments::firstIndex));
        return found;
    }
}
