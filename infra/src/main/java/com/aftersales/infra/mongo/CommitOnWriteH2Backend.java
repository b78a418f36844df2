package com.aftersales.infra.mongo;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.BooleanSupplier;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * H2 backend that commits the MVStore before a write is answered, and compacts the file.
 * <p>
 * The stock backend relies on MVStore's auto-commit, which runs about once a second: a
 * {@code kill -9} then loses the last second of acknowledged writes. Committing after every write
 * closes that window. Concurrent writers share commits (group commit): a writer notes the store
 * version its write went into and answers as soon as a commit has stored that version, whoever
 * made it, without waiting for the commit lock.
 * <p>
 * Two kinds of writes are not committed on their own. {@code findAndModify} here only allocates
 * from counters (global event index, ticket numbers, token claims), and every document that uses
 * an allocation is written, and so committed, after it; a crash in between loses the allocation
 * with its only user, unless another commit stored the counter, which readers treat like any
 * failed write. Writes sent with {@code j: false} ({@link #isDeferred}) are derived data whose
 * durability a later write covers. Both reach the file with the next commit, which stores
 * everything written before it, or with the flush at most a second later.
 * <p>
 * Writes and commits exclude each other (writes share a lock, a commit takes it alone): a commit
 * must never catch one write half done, with its document stored but its unique-index entry not.
 * Commits write but do not fsync: this survives a killed process, not a power cut (production runs
 * on a replica set).
 * <p>
 * With auto-commit off, MVStore's background thread does not compact either, so a commit that
 * stored something is followed by a {@link StoreCompaction} pass in proportion to what it wrote
 * when the file has become too empty, and {@link IdleCompaction} finishes the job once writes stop.
 * Both run under the commit lock. Reads register the store version they read, so compaction never
 * reuses a chunk a read still needs.
 */
final class CommitOnWriteH2Backend extends H2Backend {

    private static final Logger log = LoggerFactory.getLogger(CommitOnWriteH2Backend.class);
    private static final long FLUSH_MILLIS = 1_000;

    private static final Set<String> READS = Set.of("find", "getmore", "aggregate", "count", "distinct",
            "listcollections", "listindexes", "hello", "ismaster", "ping", "buildinfo", "killcursors", "endsessions",
            "getlasterror", "serverstatus", "dbstats", "collstats", "whatsmyuri", "getparameter", "getcmdlineopts",
            "connectionstatus", "getlog", "hostinfo", "saslstart", "saslcontinue");

    private final ReentrantReadWriteLock writesVersusCommit = new ReentrantReadWriteLock(true);
    /** No initializer: set while the superclass constructor opens the databases (see openOrCreateDatabase). */
    private IndexKeyType indexKeyType;
    private final MVStore store;
    private final CompactableFileStore file;
    private final StoreCompaction compaction;
    /** Every write made at a store version below this one is in the file. */
    private volatile long durableBelow;
    private final AtomicLong writes = new AtomicLong();
    /** The newest version any write (committed on its own or not) was made in. */
    private final AtomicLong lastWritten = new AtomicLong(-1);
    private final IdleCompaction idleCompaction;
    private final ScheduledExecutorService flusher;

    CommitOnWriteH2Backend(MVStore store, CompactableFileStore file, MongoStorageProperties.Compaction settings) {
        super(store);
        this.store = store;
        this.file = file;
        this.durableBelow = store.getCurrentVersion();
        this.compaction = new StoreCompaction(store, file, settings);
        this.idleCompaction = compaction.enabled()
                ? new IdleCompaction(settings.getIdleAfter(), writes::get, () -> exclusively(compaction::passWhileIdle))
                : null;
        this.flusher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "embedded-mongo-flush");
            thread.setDaemon(true);
            return thread;
        });
        flusher.scheduleWithFixedDelay(this::flush, FLUSH_MILLIS, FLUSH_MILLIS, TimeUnit.MILLISECONDS);
    }

    /**
     * Commits writes that no commit has stored yet (deferred ones, counters), at most
     * {@value #FLUSH_MILLIS} ms after they were made, as MVStore's own auto-commit would: a crash
     * then replays at most that much projection work. Under load, other commits store them sooner.
     */
    private void flush() {
        try {
            if (lastWritten.get() >= durableBelow) {
                exclusively(() -> lastWritten.get() < durableBelow || commitAndCompact());
            }
        } catch (RuntimeException e) {
            log.warn("Committing the embedded MongoDB file failed", e);
        }
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        String name = command.toLowerCase(Locale.ROOT);
        if (READS.contains(name)) {
            return read(channel, databaseName, command, query);
        }
        writesVersusCommit.readLock().lock();
        Document reply;
        long version;
        try {
            reply = super.handleCommand(channel, databaseName, command, query);
            version = store.getCurrentVersion(); // commits are excluded: the version this write belongs to
        } finally {
            writesVersusCommit.readLock().unlock();
        }
        lastWritten.accumulateAndGet(version, Math::max);
        if (!"findandmodify".equals(name) && !isDeferred(query)) {
            commitThrough(version);
        }
        writes.incrementAndGet();
        return reply;
    }

    /**
     * A write sent with write concern {@code j: false} is answered once applied and reaches the file
     * with the next commit: what MongoDB does for such a write (acknowledged, not journaled).
     * Projections write their views and then their tracking token so: as a commit stores
     * everything written before it, no commit holds a token without the views it covers, and a
     * crash only makes a projection apply its last events again.
     */
    static boolean isDeferred(Document command) {
        return command.get("writeConcern") instanceof Document concern && Boolean.FALSE.equals(concern.get("j"));
    }

    /**
     * Group commit: a write of a version that a commit has stored since (another writer's, or a
     * compaction's) is already in the file; otherwise one commit stores every write made so far.
     */
    private void commitThrough(long version) {
        if (version < durableBelow) {
            return;
        }
        exclusively(() -> version < durableBelow || commitAndCompact());
    }

    private Document read(Channel channel, String databaseName, String command, Document query) {
        MVStore.TxCounter version = store.registerVersionUsage();
        try {
            return super.handleCommand(channel, databaseName, command, query);
        } finally {
            store.deregisterVersionUsage(version);
        }
    }

    /**
     * The writes are committed before compaction starts: a compaction failure must not fail them.
     * Compaction follows only a commit that stored something, in proportion to what it wrote.
     */
    private boolean commitAndCompact() {
        long versionBefore = store.getCurrentVersion();
        long writtenBefore = file.writtenBytes();
        commit();
        durableBelow = store.getCurrentVersion();
        if (store.getCurrentVersion() == versionBefore) {
            return true;
        }
        try {
            compaction.passUnderLoad(file.writtenBytes() - writtenBefore);
        } catch (RuntimeException e) {
            log.warn("Compacting the embedded MongoDB file failed", e);
        }
        return true;
    }

    /**
     * Runs {@code work} with writes excluded. Afterwards every write made at a version below the
     * current one is in the file: whatever committed (data or compaction) stored all of them, and
     * a write not stored yet belongs to the current version.
     */
    private boolean exclusively(BooleanSupplier work) {
        writesVersusCommit.writeLock().lock();
        try {
            boolean result = work.getAsBoolean();
            durableBelow = store.getCurrentVersion();
            return result;
        } finally {
            writesVersusCommit.writeLock().unlock();
        }
    }

    /**
     * Databases whose unique indexes compare keys cheaply ({@link IndexKeyType}). H2Backend's
     * constructor calls this for the databases already in the file, before this class's fields
     * are set: hence the lazily created key type, and an inner class (javac sets its outer
     * instance before calling the superclass constructor, which opens the indexes).
     */
    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new FastKeyDatabase(databaseName, getMvStore(), getCursorRegistry());
    }

    private synchronized IndexKeyType indexKeyType() {
        if (indexKeyType == null) {
            indexKeyType = new IndexKeyType();
        }
        return indexKeyType;
    }

    /** mongo-java-server's H2 database, its unique indexes on maps of the same names keyed by {@link IndexKeyType}. */
    private final class FastKeyDatabase extends H2Database {

        FastKeyDatabase(String databaseName, MVStore mvStore, CursorRegistry cursors) {
            super(databaseName, mvStore, cursors);
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                        boolean sparse) {
            String mapName = getFullCollectionNamespace(collectionName) + "._index_" + indexName; // as H2Database names them
            MVMap<KeyValue, Object> map = getMvStore().openMap(mapName,
                    new MVMap.Builder<KeyValue, Object>().keyType(indexKeyType()));
            return new FastKeyIndex(map, indexName, keys, sparse);
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String namespace = getFullCollectionNamespace(collectionName); // maps named as H2Database names them
            MVMap<Object, Document> dataMap = getMvStore().openMap("databases." + namespace);
            MVMap<String, Object> metaMap = getMvStore().openMap("meta." + namespace);
            return new IdLookupCollection(this, collectionName, options, dataMap, metaMap, cursorRegistry);
        }
    }

    @Override
    public void close() {
        flusher.shutdown();
        try {
            flusher.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (idleCompaction != null) {
            idleCompaction.close();
        }
        super.close();
    }
}
