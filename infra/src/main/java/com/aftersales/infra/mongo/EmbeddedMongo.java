package com.aftersales.infra.mongo;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-process MongoDB of the embedded default: mongo-java-server bound to loopback only.
 */
public final class EmbeddedMongo implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongo.class);
    static final String FILE_NAME = "aftersales.mv.db";

    private final MongoServer server;
    private final String connectionString;

    private EmbeddedMongo(MongoBackend backend, int port, String description) {
        this.server = new MongoServer(backend);
        this.server.bind("127.0.0.1", port);
        this.connectionString = "mongodb://127.0.0.1:" + server.getLocalAddress().getPort();
        log.info("Embedded MongoDB ({}) listening on {}", description, connectionString);
    }

    public static EmbeddedMongo start(MongoStorageProperties.Embedded settings) {
        if (settings.getBackend() == MongoStorageProperties.Backend.MEMORY) {
            return inMemory(settings.getPort());
        }
        return onFile(settings.getDataDir(), settings.getCacheSizeMb(), settings.getPort(), settings.getCompaction());
    }

    public static EmbeddedMongo inMemory(int port) {
        return new EmbeddedMongo(new MemoryBackend(), port, "memory");
    }

    public static EmbeddedMongo onFile(Path dataDir, int cacheSizeMb, int port) {
        return onFile(dataDir, cacheSizeMb, port, new MongoStorageProperties.Compaction());
    }

    public static EmbeddedMongo onFile(Path dataDir, int cacheSizeMb, int port,
                                       MongoStorageProperties.Compaction compaction) {
        Path file = createDirectories(dataDir).resolve(FILE_NAME);
        CompactableFileStore fileStore = CompactableFileStore.open(file, cacheSizeMb);
        MVStore store = new MVStore.Builder()
                .adoptFileStore(fileStore)
                .autoCommitDisabled()
                .open();
        return new EmbeddedMongo(new CommitOnWriteH2Backend(store, fileStore, compaction), port,
                "H2 file " + file.toAbsolutePath());
    }

    private static Path createDirectories(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the embedded MongoDB data directory " + dir, e);
        }
    }

    public String connectionString() {
        return connectionString;
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
