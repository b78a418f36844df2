package com.aftersales.infra.mongo;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

/**
 * H2 backend that commits the MVStore before a command is answered.
 * <p>
 * The stock backend relies on MVStore's auto-commit, which runs about once a second: a
 * {@code kill -9} then loses the last second of acknowledged writes. Committing after every
 * command closes that window. MVStore serialises commits and a commit with nothing unsaved is a
 * no-op, so concurrent writers share one file write (group commit) and reads cost nothing.
 */
final class CommitOnWriteH2Backend extends H2Backend {

    CommitOnWriteH2Backend(MVStore store) {
        super(store);
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        try {
            return super.handleCommand(channel, databaseName, command, query);
        } finally {
            commit();
        }
    }
}
