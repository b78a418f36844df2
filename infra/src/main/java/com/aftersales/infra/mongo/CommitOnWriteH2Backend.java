package com.aftersales.infra.mongo;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.h2.mvstore.MVStore;

/**
 * H2 backend that commits the MVStore before a write is answered.
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
 */
final class CommitOnWriteH2Backend extends H2Backend {

    private static final Set<String> READS = Set.of("find", "getmore", "aggregate", "count", "distinct",
            "listcollections", "listindexes", "hello", "ismaster", "ping", "buildinfo", "killcursors", "endsessions",
            "getlasterror", "serverstatus", "dbstats", "collstats", "whatsmyuri", "getparameter", "getcmdlineopts",
            "connectionstatus", "getlog", "hostinfo", "saslstart", "saslcontinue");

    private final ReentrantReadWriteLock writesVersusCommit = new ReentrantReadWriteLock(true);

    CommitOnWriteH2Backend(MVStore store) {
        super(store);
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        String name = command.toLowerCase(Locale.ROOT);
        if (READS.contains(name)) {
            return super.handleCommand(channel, databaseName, command, query);
        }
        writesVersusCommit.readLock().lock();
        Document reply;
        try {
            reply = super.handleCommand(channel, databaseName, command, query);
        } finally {
            writesVersusCommit.readLock().unlock();
        }
        if (!"findandmodify".equals(name)) {
            writesVersusCommit.writeLock().lock();
            try {
                commit();
            } finally {
                writesVersusCommit.writeLock().unlock();
            }
        }
        return reply;
    }
}
