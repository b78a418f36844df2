package com.aftersales.ticket.search;

import com.aftersales.infra.tenancy.Tenant;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.function.ToLongBiFunction;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.axonframework.eventhandling.TrackingToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tenants' search indexes and the stream position they reflect.
 * <p>
 * A checkpoint (after each processor batch) makes writes visible; a commit (at most every
 * {@code commitInterval}, and at shutdown) makes them durable: each tenant index commits first,
 * with the position in its own commit data, then the position index. A crash in between leaves
 * tenant indexes ahead of the position: the events replayed from there are skipped per ticket by
 * version, so nothing is lost and nothing applied twice. An index is rebuilt from the start of the
 * stream when its position is missing, was written by another schema or store, or names a tenant
 * whose index is gone.
 */
public class TicketSearchIndexes implements Closeable {

    /** Raise when documents change shape: every node then rebuilds its indexes. */
    static final String SCHEMA = "2";
    private static final String POSITION = "_position";
    private static final Logger log = LoggerFactory.getLogger(TicketSearchIndexes.class);

    private final SearchIndexStorage storage;
    private final Analyzer analyzer = SearchFields.indexAnalyzer();
    private final Analyzer segmenter = SearchFields.queryAnalyzer();
    private final EntryCodec entries = new EntryCodec();
    private final TokenCodec tokens;
    private final ToLongBiFunction<String, String> priorityRank;
    private final Duration commitInterval;
    private final Duration refreshInterval;
    private final Clock clock;
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "search-index-refresh");
        thread.setDaemon(true);
        return thread;
    });
    private ScheduledFuture<?> refreshDue;
    private Instant lastRefresh = Instant.MIN;
    private final Map<String, TenantSearchIndex> indexes = new ConcurrentHashMap<>();
    private final Set<String> tenants = new ConcurrentSkipListSet<>();
    private IndexWriter position;
    private String store = "";
    private TrackingToken checkpoint;
    private Instant lastCommit;

    TicketSearchIndexes(SearchIndexStorage storage, TokenCodec tokens, ToLongBiFunction<String, String> priorityRank,
                        Duration commitInterval, Duration refreshInterval, Clock clock) {
        this.storage = storage;
        this.tokens = tokens;
        this.priorityRank = priorityRank;
        this.commitInterval = commitInterval;
        this.refreshInterval = refreshInterval;
        this.clock = clock;
        this.lastCommit = clock.instant();
    }

    /**
     * Opens the indexes and answers where in the stream they stand (null: from the start).
     * {@code storeIdentity} names the event store (its first event), so that an index kept on disk
     * is never applied on top of another store's events.
     */
    synchronized TrackingToken start(Supplier<String> storeIdentity) {
        if (position != null) {
            return checkpoint;
        }
        store = storeIdentity.get();
        Map<String, String> committed = TenantSearchIndex.committedData(storage.directory(POSITION));
        if (!isCurrent(committed)) {
            log.info("Building the search indexes ({}) from the start of the event stream", storage.describe());
            storage.wipe();
            committed = Map.of();
        }
        checkpoint = tokens.decode(committed);
        tenants.addAll(listed(committed));
        position = openPositionWriter();
        return checkpoint;
    }

    private boolean isCurrent(Map<String, String> committed) {
        if (committed.isEmpty() || !SCHEMA.equals(committed.get("schema")) || !store.equals(committed.get("store"))) {
            return false;
        }
        return listed(committed).stream()
                .allMatch(tenant -> !TenantSearchIndex.committedData(storage.directory(tenant)).isEmpty());
    }

    private static List<String> listed(Map<String, String> committed) {
        return Arrays.stream(committed.getOrDefault("tenants", "").split(",")).filter(t -> !t.isEmpty()).toList();
    }

    private IndexWriter openPositionWriter() {
        try {
            return new IndexWriter(storage.directory(POSITION), new IndexWriterConfig(analyzer).setCommitOnClose(false));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The ticket as the index has it. */
    Optional<IndexedTicket> find(String tenantId, String ticketId) {
        return writable(tenantId).find(ticketId);
    }

    /** Segments text into words as queries will be (done once per ticket: it is the costly step). */
    String words(String text) {
        return SearchFields.words(segmenter, text);
    }

    void write(IndexedTicket ticket) {
        writable(ticket.tenantId()).put(ticket, priorityRank.applyAsLong(ticket.tenantId(), ticket.priority()));
    }

    /**
     * Issue 13: the ticket without its personal data, its old terms purged from the files at the next
     * commit. Later events never re-read text (it comes from the registration alone), so it stays erased.
     */
    void erase(String tenantId, String ticketId, Long sequence) {
        IndexedTicket ticket = find(tenantId, ticketId).orElseThrow(() -> new IllegalStateException(
                "No index entry of ticket " + ticketId + " to erase (yet)")); // dead-lettered, never skipped
        IndexedTicket erased = ticket.erased(words(ticket.productModel() == null ? "" : ticket.productModel()));
        write(sequence != null && sequence > ticket.version() ? erased.at(sequence) : erased);
        writable(tenantId).purgeDeletedAtCommit();
    }

    private TenantSearchIndex writable(String tenantId) {
        return indexes.computeIfAbsent(tenantId, this::open);
    }

    private TenantSearchIndex open(String tenantId) {
        if (!Tenant.isValidId(tenantId)) {
            throw new IllegalArgumentException("Not a tenant id: " + tenantId);
        }
        tenants.add(tenantId);
        return TenantSearchIndex.open(storage.directory(tenantId), analyzer, entries);
    }

    /** Runs a query on the tenant's index; empty when the tenant has no index (no tickets yet). */
    <T> Optional<T> read(String tenantId, TenantSearchIndex.SearcherFunction<T> query) {
        TenantSearchIndex index = indexes.get(tenantId);
        if (index == null) {
            if (!isStarted() || !Tenant.isValidId(tenantId) || !exists(tenantId)) {
                return Optional.empty();
            }
            index = writable(tenantId);
        }
        return Optional.of(index.read(query));
    }

    private boolean exists(String tenantId) {
        try {
            return DirectoryReader.indexExists(storage.directory(tenantId));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * After a processor batch: what was written becomes visible at once, or, when the last refresh
     * was less than {@code refreshInterval} ago (a burst, a catch-up), that much later: reopening
     * searchers after every batch would cost more than the batches. Durable when a commit is due.
     */
    synchronized void checkpoint(TrackingToken token) {
        checkpoint = token;
        Instant now = clock.instant();
        if (!now.isBefore(lastRefresh.plus(refreshInterval))) {
            refresh();
        } else if (refreshDue == null) {
            refreshDue = refresher.schedule(this::refresh, refreshInterval.toMillis(), TimeUnit.MILLISECONDS);
        }
        if (!now.isBefore(lastCommit.plus(commitInterval))) {
            commit();
        }
    }

    private synchronized void refresh() {
        indexes.values().forEach(TenantSearchIndex::refresh);
        lastRefresh = clock.instant();
        if (refreshDue != null) {
            refreshDue.cancel(false);
            refreshDue = null;
        }
    }

    /** The position of the last checkpoint (null: the start of the stream). */
    synchronized TrackingToken position() {
        return checkpoint;
    }

    /** Tenant indexes first, then the position: the position is never ahead of an index. */
    synchronized void commit() {
        if (position == null) {
            return;
        }
        Map<String, String> data = new HashMap<>(tokens.encode(checkpoint));
        data.put("schema", SCHEMA);
        data.put("store", store);
        indexes.values().stream().filter(TenantSearchIndex::hasUncommittedChanges).forEach(index -> index.commit(data));
        data.put("tenants", String.join(",", tenants));
        try {
            position.setLiveCommitData(data.entrySet());
            position.commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        lastCommit = clock.instant();
    }

    /** Commits the tenant indexes but not the position: the crash the class comment speaks of (tests). */
    synchronized void commitTenantIndexesOnly() {
        Map<String, String> data = new HashMap<>(tokens.encode(checkpoint));
        indexes.values().forEach(index -> index.commit(data));
    }

    /** Drops everything not committed and lets go of the files, as a killed process would (tests). */
    synchronized void abandon() {
        refresher.shutdownNow();
        indexes.values().forEach(TenantSearchIndex::abandon);
        indexes.clear();
        try {
            if (position != null) {
                position.rollback();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        position = null;
        storage.close();
    }

    @Override
    public synchronized void close() {
        refresher.shutdownNow();
        commit();
        for (TenantSearchIndex index : indexes.values()) {
            try {
                index.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        indexes.clear();
        try {
            if (position != null) {
                position.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        position = null;
        storage.close();
    }

    synchronized boolean isStarted() {
        return position != null;
    }

    @Override
    public String toString() {
        return "TicketSearchIndexes[" + storage.describe() + ", position " + Objects.toString(checkpoint) + "]";
    }
}
