package com.aftersales.infra.mongo;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.util.Set;
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
 */
final class CommitOnWriteH2Backend extends H2Backend {

    private static final Set<String> UNCOMMITTED = Set.of("findandmodify", "find", "getmore", "aggregate", "count",
            "distinct", "listcollections", "listindexes", "hello", "ismaster", "ping", "buildinfo", "killcursors",
            "endsessions", "getlasterror", "serverstatus", "dbstats", "collstats", "whatsmyuri", "getparameter",
            "getcmdlineopts", "connectionstatus", "getlog", "hostinfo", "saslstart", "saslcontinue");

    CommitOnWriteH2Backend(MVStore store) {
        super(store);
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        try {
            return super.handleCommand(channel, databaseName, command, query);
        } finally {
            if (!UNCOMMITTED.contains(command.toLowerCase(java.util.Locale.ROOT))) {
                commit();
            }
        }
    }
}
