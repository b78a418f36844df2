package com.aftersales.ticket.search;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code aftersales.search.*}: where each node keeps its search indexes and how it feeds them.
 * Without a directory: next to the embedded store's file, in memory with the embedded memory
 * backend, and in memory (rebuilt at every start) with a configured MongoDB.
 */
@ConfigurationProperties("aftersales.search")
public class SearchIndexProperties {

    /** Local directory of this node's indexes; the node rebuilds them from the event store when missing. */
    private Path directory;

    /** How often written index changes are made durable (a crash replays at most this much). */
    private Duration commitInterval = Duration.ofSeconds(1);

    /** Longest a written change waits to become visible to lists while events arrive in bursts. */
    private Duration refreshInterval = Duration.ofMillis(50);

    /** Events per processor batch (larger batches catch up faster). */
    private int batchSize = 1000;

    public Path getDirectory() {
        return directory;
    }

    public void setDirectory(Path directory) {
        this.directory = directory;
    }

    public Duration getCommitInterval() {
        return commitInterval;
    }

    public void setCommitInterval(Duration commitInterval) {
        this.commitInterval = commitInterval;
    }

    public Duration getRefreshInterval() {
        return refreshInterval;
    }

    public void setRefreshInterval(Duration refreshInterval) {
        this.refreshInterval = refreshInterval;
    }

    public int getBatchSize() {
        return batchSize;
    }

    public void setBatchSize(int batchSize) {
        this.batchSize = batchSize;
    }
}
