package com.aftersales.infra.mongo;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.BooleanSupplier;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * H2 backend that commits the MVStore before a write is answered, and compacts the file.
 * <p>
 * The stock backend relies on MVStore's auto-commit, which runs about once a second: a
 * {@code kill -9} then loses the last second of acknowledged writes. Committing after every write
 * closes that window. MVStore serialises commits and a commit with nothing unsaved is a no-op, so
 * concurrent writers share one file write (group commit).
 * <p>
 * {@code findAndModify} is not committed on its own: here it only allocates from counters (global
 * event index, ticket numbers, token claims), and every document that uses an allocation is
 * written, and so committed, after it — that commit persists the counter too. A crash in between
 * loses the allocation together with its only user, which readers treat like any failed write.
 * That halves the file writes per appended commit.
 * <p>
 * Writes and commits exclude each other (writes share a lock, a commit takes it alone): a commit
 * must never catch one write half done, with its document stored but its unique-index entry not.
 * Commits write but do not fsync: this survives a killed process, not a power cut (production runs
 * on a replica set).
 * <p>
 * With auto-commit off, MVStore's background thread does not compact either, so each commit is
 * followed by a bounded {@link StoreCompaction} pass when the file has become too empty, and
 * {@link IdleCompaction} finishes the job once writes stop. Both run under the commit lock. Reads
 * register the store version they read, so compaction never reuses a chunk a read still needs.
 */
final class CommitOnWriteH2Backend extends H2Backend {

    private static final Logger log = LoggerFactory.getLogger(CommitOnWriteH2Backend.class);

    private static final Set<String> READS = Set.of("find", "getmore", "aggregate", "count", "distinct",
            "listcollections", "listindexes", "hello", "ismaster", "ping", "buildinfo", "killcursors", "endsessions",
            "getlasterror", "serverstatus", "dbstats", "collstats", "whatsmyuri", "getparameter", "getcmdlineopts",
            "connectionstatus", "getlog", "hostinfo", "saslstart", "saslcontinue");

    private final ReentrantReadWriteLock writesVersusCommit = new ReentrantReadWriteLock(true);
    private final MVStore store;
    private final StoreCompaction compaction;
    private final AtomicLong writes = new AtomicLong();
    private final IdleCompaction idleCompaction;

    CommitOnWriteH2Backend(MVStore store, CompactableFileStore file, MongoStorageProperties.Compaction settings) {
        super(store);
        this.store = store;
        this.compaction = new StoreCompaction(store, file, settings);
        this.idleCompaction = compaction.enabled()
                ? new IdleCompaction(settings.getIdleAfter(), writes::get, () -> exclusively(compaction::passWhileIdle))
                : null;
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        String name = command.toLowerCase(Locale.ROOT);
        if (READS.contains(name)) {
            return read(channel, databaseName, command, query);
        }
        writesVersusCommit.readLock().lock();
        Document reply;
        try {
            reply = super.handleCommand(channel, databaseName, command, query);
        } finally {
            writesVersusCommit.readLock().unlock();
        }
        if (!"findandmodify".equals(name)) {
            exclusively(this::commitAndCompact);
        }
        writes.incrementAndGet();
        return reply;
    }

    private Document read(Channel channel, String databaseName, String command, Document query) {
        MVStore.TxCounter version = store.registerVersionUsage();
        try {
            return super.handleCommand(channel, databaseName, command, query);
        } finally {
            store.deregisterVersionUsage(version);
        }
    }

    /** The write is committed before compaction starts: a compaction failure must not fail it. */
    private boolean commitAndCompact() {
        commit();
        try {
            compaction.passUnderLoad();
        } catch (RuntimeException e) {
            log.warn("Compacting the embedded MongoDB file failed", e);
        }
        return true;
    }

    private boolean exclusively(BooleanSupplier work) {
        writesVersusCommit.writeLock().lock();
        try {
            return work.getAsBoolean();
        } finally {
            writesVersusCommit.writeLock().unlock();
        }
    }

    @Override
    public void close() {
        if (idleCompaction != null) {
            idleCompaction.close();
        }
        super.close();
    }
}
