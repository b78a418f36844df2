package com.aftersales.infra.mongo;

import java.nio.file.Path;
import java.time.Duration;
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

        private final Compaction compaction = new Compaction();

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

        public Compaction getCompaction() {
            return compaction;
        }
    }

    /**
     * Keeps the H2 file near the size of its live data: committing after every write leaves most
     * of each written chunk dead soon after. A pass runs after every commit that left the file
     * too empty, and passes run once writes have stopped.
     */
    public static class Compaction {

        /**
         * Compaction keeps at least this percentage of the file live data, as MVStore counts it
         * (60: the file at most ~1.7 times its data); 0 turns it off.
         */
        private int fillRate = 60;

        /**
         * The same once writes have stopped; idle time is cheap, and MVStore's count runs up to
         * ~20 % above the data a fresh copy of the file holds.
         */
        private int idleFillRate = 80;

        /** Longest time one compaction pass holds writes back. */
        private Duration maxPassTime = Duration.ofMillis(20);

        /** After this long without writes, passes run until the file is at the fill rate. */
        private Duration idleAfter = Duration.ofSeconds(1);

        public int getFillRate() {
            return fillRate;
        }

        public void setFillRate(int fillRate) {
            this.fillRate = fillRate;
        }

        public int getIdleFillRate() {
            return idleFillRate;
        }

        public void setIdleFillRate(int idleFillRate) {
            this.idleFillRate = idleFillRate;
        }

        public Duration getMaxPassTime() {
            return maxPassTime;
        }

        public void setMaxPassTime(Duration maxPassTime) {
            this.maxPassTime = maxPassTime;
        }

        public Duration getIdleAfter() {
            return idleAfter;
        }

        public void setIdleAfter(Duration idleAfter) {
            this.idleAfter = idleAfter;
        }
    }

    public enum Backend { H2, MEMORY }
}
