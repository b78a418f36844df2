package com.aftersales.tenant;

import com.aftersales.infra.tenancy.TenantDirectory;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this node's tenant directory current: loads every entry at start, then looks up the change
 * counter (one key lookup) every {@code interval} and reloads when another node's projection
 * changed something. Entries only replace older versions, so the order of feeds does not matter.
 */
public class TenantDirectoryRefresh implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TenantDirectoryRefresh.class);

    private final TenantDirectoryStore store;
    private final TenantDirectory directory;
    private final ScheduledExecutorService timer;
    private long seen = -1;

    public TenantDirectoryRefresh(TenantDirectoryStore store, TenantDirectory directory, Duration interval) {
        this.store = store;
        this.directory = directory;
        refresh();
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "tenant-directory-refresh");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::refreshQuietly, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Reloads the entries if the store counted a change since the last load. */
    public synchronized void refresh() {
        long count = store.changeCount();
        if (count == seen) {
            return;
        }
        store.all().stream().filter(entry -> entry.configuration() != null).forEach(directory::update);
        seen = count;
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (RuntimeException e) {
            log.warn("Tenant directory refresh failed; retrying: {}", e.toString());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
