package com.aftersales.infra.eventstore;

import static com.aftersales.infra.eventstore.CommitDocuments.ID;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.bson.Document;

/**
 * Reads events for tracking processors in strict global-index order, by key lookups only.
 * <p>
 * A fetch looks up the token's gaps and the next window of indexes with {@code $in} on
 * {@code _id} (a commit's last index). Events are handed out in index order; an index that no
 * commit covers stops the fetch (its writer is still inserting), unless a later commit is older
 * than the gap timeout: then that writer died after allocating, the index is passed and stays in
 * the token as a gap, so even a very late insert is delivered and nothing is skipped.
 */
final class TrackingReader {

    private final MongoCollection<Document> commits;
    private final GlobalIndexAllocator allocator;
    private final EventStoreSettings settings;
    private final Clock clock;

    TrackingReader(MongoCollection<Document> commits, GlobalIndexAllocator allocator, EventStoreSettings settings,
                   Clock clock) {
        this.commits = commits;
        this.allocator = allocator;
        this.settings = settings;
        this.clock = clock;
    }

    static GapAwareTrackingToken tail() {
        return GapAwareTrackingToken.newInstance(-1, Collections.emptySet());
    }

    List<TrackedEventData<?>> fetch(TrackingToken lastToken, int batchSize) {
        GapAwareTrackingToken token = lastToken == null ? tail() : (GapAwareTrackingToken) lastToken;
        Fetch fetch = new Fetch(allocator.highestAllocated(), batchSize, clock.instant().minus(settings.gapTimeout()));
        CommitWindow window = lookup(token.getGaps(), token.getIndex() + 1, fetch.windowEnd(token));
        token = deliverLateCommits(fetch, window, token);
        while (fetch.events.size() < batchSize && token.getIndex() < fetch.head) {
            long windowEnd = fetch.windowEnd(token);
            if (window == null) {
                window = lookup(Collections.emptySortedSet(), token.getIndex() + 1, windowEnd);
            }
            token = deliverInOrder(fetch, window, token, windowEnd);
            window = null;
            if (token.getIndex() < windowEnd) {
                break;
            }
        }
        return fetch.events;
    }

    private final class Fetch {
        final long head;
        final int batchSize;
        final Instant abandonedBefore;
        final List<TrackedEventData<?>> events = new ArrayList<>();

        Fetch(long head, int batchSize, Instant abandonedBefore) {
            this.head = head;
            this.batchSize = batchSize;
            this.abandonedBefore = abandonedBefore;
        }

        long windowEnd(GapAwareTrackingToken token) {
            return Math.min(head, token.getIndex() + batchSize);
        }

        boolean isOld(Document commit) {
            return !CommitDocuments.committedAt(commit).isAfter(abandonedBefore);
        }

        GapAwareTrackingToken deliver(Document commit, long fromIndex, GapAwareTrackingToken token) {
            long first = CommitDocuments.firstIndex(commit);
            boolean isVoid = CommitDocuments.isVoid(commit);
            List<DomainEventData<String>> data = isVoid ? List.of() : CommitDocuments.events(commit);
            for (long index = Math.max(fromIndex, first); index <= CommitDocuments.lastIndex(commit); index++) {
                if (index <= token.getIndex() && !token.getGaps().contains(index)) {
                    continue; // delivered before, or a gap dropped beyond maxGapOffset
                }
                token = token.advanceTo(index, settings.maxGapOffset());
                if (!isVoid) {
                    events.add(new TrackedDomainEventData<>(token, data.get((int) (index - first))));
                }
            }
            return token;
        }
    }

    /** Commits inserted after the token had passed their indexes as abandoned. */
    private GapAwareTrackingToken deliverLateCommits(Fetch fetch, CommitWindow window, GapAwareTrackingToken token) {
        for (Long gap : token.getGaps()) {
            Document commit = window.covering(gap);
            if (commit != null && token.getGaps().contains(gap)) {
                token = fetch.deliver(commit, gap, token);
            }
        }
        return token;
    }

    /** Hands out events in index order until the first index that is still being written. */
    private GapAwareTrackingToken deliverInOrder(Fetch fetch, CommitWindow window, GapAwareTrackingToken token,
                                                 long windowEnd) {
        long index = token.getIndex() + 1;
        long end = windowEnd;
        while (index <= end) {
            Document commit = window.covering(index);
            if (commit == null && window.firstAfter(index) == null) {
                // nothing of the window covers the rest: a commit may straddle its end, or lie beyond
                long lookedTo = lookAhead(window, end, fetch.head);
                end = Math.max(end, lookedTo);
                commit = window.covering(index);
            }
            if (commit == null) {
                Document later = window.firstAfter(index);
                if (later == null || !fetch.isOld(later)) {
                    break; // still being written
                }
                commit = later; // the indexes before it are abandoned: advancing records them as gaps
            }
            token = fetch.deliver(commit, index, token);
            index = token.getIndex() + 1;
        }
        return token;
    }

    /**
     * Adds to the window the commits of the following ranges, range by range, until one holds a
     * commit or the head is reached. Returns the last index looked up.
     */
    private long lookAhead(CommitWindow window, long after, long head) {
        long to = after;
        for (long from = after + 1; from <= head; from = to + 1) {
            to = Math.min(head, from + settings.trackingBatch() - 1);
            CommitWindow ahead = lookup(Collections.emptySortedSet(), from, to);
            if (!ahead.isEmpty()) {
                window.addAll(ahead);
                return to;
            }
        }
        return to;
    }

    /** The first commit whose last index is at or after {@code index}, looking ahead range by range. */
    private Document firstCommitFrom(long index, long head) {
        CommitWindow window = new CommitWindow();
        for (long from = index; from <= head; from += settings.trackingBatch()) {
            window.addAll(lookup(Collections.emptySortedSet(), from, Math.min(head, from + settings.trackingBatch() - 1)));
            Document covering = window.covering(index);
            if (covering != null) {
                return covering;
            }
            Document first = window.firstAfter(index);
            if (first != null) {
                return first;
            }
        }
        return null;
    }

    /**
     * A token at the newest written index: indexes of the last window still being written below it
     * stay gaps, and anything allocated after it is ahead of the token, so nothing in flight is lost.
     */
    GapAwareTrackingToken tokenAt(long head) {
        long from = Math.max(0, head - settings.trackingBatch() + 1);
        CommitWindow window = lookup(Collections.emptySortedSet(), from, head);
        long written = from - 1;
        for (long index = head; index >= from; index--) {
            if (window.covering(index) != null) {
                written = index;
                break;
            }
        }
        SortedSet<Long> inFlight = new TreeSet<>();
        for (long index = from; index < written; index++) {
            if (window.covering(index) == null) {
                inFlight.add(index);
            }
        }
        return GapAwareTrackingToken.newInstance(written, inFlight);
    }

    /** A token from which commits made at or after {@code instant} are delivered (binary search by key). */
    GapAwareTrackingToken tokenBefore(Instant instant, long head) {
        long low = 0;
        long high = head + 1;
        while (low < high) {
            long middle = (low + high) >>> 1;
            Document commit = firstCommitFrom(middle, head);
            if (commit == null || !CommitDocuments.committedAt(commit).isBefore(instant)) {
                high = commit == null ? middle : Math.min(middle, CommitDocuments.firstIndex(commit));
            } else {
                low = CommitDocuments.lastIndex(commit) + 1;
            }
        }
        return low > head ? tokenAt(head) : GapAwareTrackingToken.newInstance(low - 1, Collections.emptySet());
    }

    private CommitWindow lookup(SortedSet<Long> gaps, long from, long to) {
        SortedSet<Long> keys = new TreeSet<>(gaps);
        for (long index = from; index <= to; index++) {
            keys.add(index);
        }
        CommitWindow window = new CommitWindow();
        if (!keys.isEmpty()) {
            commits.find(Filters.in(ID, keys)).forEach(window::add);
        }
        return window;
    }
}
