package com.aftersales.infra.mongo;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the data lives. With no {@code uri} the service runs its own in-process MongoDB
 * (mongo-java-server) persisted under {@code embedded.data-dir}; with a {@code uri} it connects
 * to that MongoDB (a replica set in production) and starts nothing embedded.
 */
@ConfigurationProperties("aftersales.mongo")
public class MongoStorageProperties {

    /** Connection string of an external MongoDB; empty means: run the embedded server. */
    private String uri;

    /** Database holding events, tokens and views. */
    private String database = "aftersales";

    private final Embedded embedded = new Embedded();

    public String getUri() {
        return uri;
    }

    public void setUri(String uri) {
        this.uri = uri;
    }

    public boolean isEmbedded() {
        return uri == null || uri.isBlank();
    }

    public String getDatabase() {
        return database;
    }

    public void setDatabase(String database) {
        this.database = database;
    }

    public Embedded getEmbedded() {
        return embedded;
    }

    public static class Embedded {

        /** Directory of the H2 file; created when missing. */
        private Path dataDir = Path.of("data");

        /** {@code h2} persists to {@code data-dir}; {@code memory} keeps nothing (tests, benchmarks). */
        private Backend backend = Backend.H2;

        /** Loopback port of the embedded server; 0 picks a free one. */
        private int port = 0;

        /** MVStore page cache; the 16 MiB default makes scans collapse past ~50k documents. */
        private int cacheSizeMb = 64;

        public Path getDataDir() {
            return dataDir;
        }

        public void setDataDir(Path dataDir) {
            this.dataDir = dataDir;
        }

        public Backend getBackend() {
            return backend;
        }

        public void setBackend(Backend backend) {
            this.backend = backend;
        }

        public int getPort() {
            return port;
        }

        public void setPort(int port) {
            this.port = port;
        }

        public int getCacheSizeMb() {
            return cacheSizeMb;
        }

        public void setCacheSizeMb(int cacheSizeMb) {
            this.cacheSizeMb = cacheSizeMb;
        }
    }

    public enum Backend { H2, MEMORY }
}
