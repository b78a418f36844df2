package com.aftersales.infra.mongo;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Once no write has come for a while, runs compaction passes until they gain nothing more or
 * writes resume: compaction after commits only runs when a commit comes, so a file left too large
 * (by an older version, say) shrinks only here, and only here does it aim at the idle fill rate.
 */
final class IdleCompaction implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(IdleCompaction.class);
    private static final int FRUITLESS_PASSES = 3;
    /** Fruitless passes are tried again after this, doubled each time while no write comes, up to the cap. */
    private static final long FIRST_RETRY_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final long LAST_RETRY_NANOS = TimeUnit.MINUTES.toNanos(10);

    private final LongSupplier writes;
    private final BooleanSupplier pass;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "embedded-mongo-compaction");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean closed;
    private long writesSeen = -1;
    private long compactedAt = -1;
    private long retryAfter = FIRST_RETRY_NANOS;
    private long retryAt;

    /**
     * @param writes counts the writes so far
     * @param pass   one pass under the write lock: {@code true} if it made the file smaller
     */
    IdleCompaction(Duration idleAfter, LongSupplier writes, BooleanSupplier pass) {
        this.writes = writes;
        this.pass = pass;
        long millis = Math.max(1, idleAfter.toMillis());
        timer.scheduleWithFixedDelay(this::tick, millis, millis, TimeUnit.MILLISECONDS);
    }

    private void tick() {
        long count = writes.getAsLong();
        if (closed || count != writesSeen) {
            writesSeen = count;
            retryAfter = FIRST_RETRY_NANOS;
            return;
        }
        if (count == compactedAt && System.nanoTime() - retryAt < 0) {
            return;
        }
        try {
            compactWhileIdle(count);
        } catch (RuntimeException e) {
            compactedAt = count;
            retryAt = System.nanoTime() + LAST_RETRY_NANOS;
            log.warn("Compacting the embedded MongoDB file failed; trying again after the next write or in 10 minutes", e);
        }
    }

    /**
     * Releases the lock between passes, so a write waits for one pass at most. A few fruitless
     * passes in a row end it: one may rewrite a chunk without the file getting any smaller.
     */
    private void compactWhileIdle(long count) {
        int fruitless = 0;
        while (fruitless < FRUITLESS_PASSES && writes.getAsLong() == count && !closed) {
            fruitless = pass.getAsBoolean() ? 0 : fruitless + 1;
        }
        if (fruitless == FRUITLESS_PASSES) {
            // a pass can gain nothing for a while and then succeed (pages still referenced by the
            // last version): try again later rather than only after the next write, which may never come
            compactedAt = count;
            retryAt = System.nanoTime() + retryAfter;
            retryAfter = Math.min(LAST_RETRY_NANOS, retryAfter * 2);
        }
    }

    /** Waits for a pass under way: interrupting it would close MVStore's file channel. */
    @Override
    public void close() {
        closed = true;
        timer.shutdown();
        try {
            timer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
