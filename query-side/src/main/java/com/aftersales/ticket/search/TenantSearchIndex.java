package com.aftersales.ticket.search;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;

/**
 * One tenant's Lucene index: written only by the search processor's thread, read by queries
 * through near-real-time searchers. Tickets changed since the last refresh are kept here until
 * then, so that the next event of the same ticket reads what was written, not the last refreshed
 * state.
 */
final class TenantSearchIndex implements Closeable {

    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Map<String, Pending> unrefreshed = new LinkedHashMap<>();
    private final EntryCodec codec;
    private boolean uncommitted;
    /** A ticket's personal data was erased: its old terms must leave the files at the next commit. */
    private boolean purgeDeleted;

    private TenantSearchIndex(IndexWriter writer, EntryCodec codec) throws IOException {
        this.writer = writer;
        this.codec = codec;
        this.searchers = new SearcherManager(writer, null);
    }

    static TenantSearchIndex open(Directory directory, Analyzer analyzer, EntryCodec codec) {
        try {
            IndexWriterConfig config = new IndexWriterConfig(analyzer)
                    .setIndexSort(SearchFields.NEWEST_FIRST)
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                    .setCommitOnClose(false);
            if (config.getMergePolicy() instanceof org.apache.lucene.index.TieredMergePolicy tiered) {
                tiered.setForceMergeDeletesPctAllowed(0); // an erased ticket's old version leaves every segment
            }
            return new TenantSearchIndex(new IndexWriter(directory, config), codec);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The ticket as last written, if the index has it. */
    synchronized Optional<IndexedTicket> find(String ticketId) {
        Pending written = unrefreshed.get(ticketId);
        if (written != null) {
            return Optional.of(written.ticket());
        }
        return read(searcher -> {
            TopDocs hits = searcher.search(new TermQuery(new Term(SearchFields.ID, ticketId)), 1);
            if (hits.scoreDocs.length == 0) {
                return Optional.empty();
            }
            var stored = searcher.storedFields().document(hits.scoreDocs[0].doc, Set.of(SearchFields.ENTRY));
            var entry = stored.getBinaryValue(SearchFields.ENTRY);
            return Optional.of(codec.decode(java.util.Arrays.copyOfRange(entry.bytes, entry.offset,
                    entry.offset + entry.length)));
        });
    }

    /** Written to the index at the next refresh: a ticket changed by several events of a batch is indexed once. */
    synchronized void put(IndexedTicket ticket, long priorityRank) {
        unrefreshed.put(ticket.id(), new Pending(ticket, priorityRank));
        uncommitted = true;
    }

    /** Writes what was put and makes it visible to queries. */
    synchronized void refresh() {
        if (unrefreshed.isEmpty()) {
            return;
        }
        try {
            for (Pending pending : unrefreshed.values()) {
                writer.updateDocument(new Term(SearchFields.ID, pending.ticket().id()), SearchFields.toDocument(
                        pending.ticket(), pending.priorityRank(), codec.encode(pending.ticket())));
            }
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        unrefreshed.clear();
    }

    private record Pending(IndexedTicket ticket, long priorityRank) {
    }

    /**
     * Re-indexing a ticket only marks its old document deleted: its words and stored entry stay in
     * the segment files until a merge. After an erasure the next commit merges every segment that
     * holds deleted documents away, so the customer's name and phone are gone from the files too.
     */
    synchronized void purgeDeletedAtCommit() {
        purgeDeleted = true;
        uncommitted = true;
    }

    boolean hasUncommittedChanges() {
        return uncommitted;
    }

    /** Durably stores what was written, with {@code data} (the stream position) in the same commit. */
    synchronized void commit(Map<String, String> data) {
        refresh();
        try {
            if (purgeDeleted) {
                writer.forceMergeDeletes(true);
                searchers.maybeRefreshBlocking();
                purgeDeleted = false;
            }
            writer.setLiveCommitData(data.entrySet());
            writer.commit();
            uncommitted = false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the last commit stored with it; empty for an index never committed. */
    static Map<String, String> committedData(Directory directory) {
        try {
            if (!DirectoryReader.indexExists(directory)) {
                return Map.of();
            }
            return org.apache.lucene.index.SegmentInfos.readLatestCommit(directory).getUserData();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    <T> T read(SearcherFunction<T> query) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return query.apply(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Drops what was written since the last commit, as a crash would. */
    synchronized void abandon() {
        try {
            searchers.close();
            writer.rollback();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        searchers.close();
        writer.close();
    }

    @FunctionalInterface
    interface SearcherFunction<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }
}
