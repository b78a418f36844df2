package com.aftersales.infra.mongo;

import java.util.function.ToIntFunction;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * Compaction of the MVStore file in passes of bounded time; MVStore's own compaction runs in its
 * auto-commit thread, which the commit-on-write backend switches off.
 * <p>
 * While less than the target share of the file is live data, a step rewrites the live pages of
 * the emptiest chunks into a new chunk (the old ones then hold nothing live and their space is
 * reused), or rewrites the chunks at the end of the file into holes further forward so that the
 * file can be truncated: whichever of the two fill rates is lower. The caller must hold the lock
 * that excludes writes: the commits made here must not catch a write half done.
 */
final class StoreCompaction {

    /**
     * Live bytes rewritten per step under load: small, so that a step is short and the new chunk
     * fits a hole. The pages' ancestors and MVStore's chunk metadata, written along and replaced
     * by the next commit, leave such a chunk only ~65 % live, enough for the load fill rate.
     */
    private static final int LOAD_REWRITE_BYTES = 64 * 1024;
    /** When idle: chunks ~85 % live, still small enough to find holes. */
    private static final int IDLE_REWRITE_BYTES = 256 * 1024;
    private static final int MIN_REWRITE_BYTES = 16 * 1024;
    /** Bytes compaction writes under load per byte a commit wrote. */
    private static final int LOAD_RATIO = 1;
    /**
     * Chunks up to this many points fuller than the average are rewritten: enough to lift the
     * average, while nearly full chunks, which cost the most to rewrite, are left alone.
     */
    private static final int MARGIN = 15;

    private final MVStore store;
    private final CompactableFileStore file;
    private final MVMap<String, Long> marker;
    private final int fillRate;
    private final int idleFillRate;
    private final long maxPassNanos;

    StoreCompaction(MVStore store, CompactableFileStore file, MongoStorageProperties.Compaction settings) {
        this.store = store;
        this.file = file;
        this.marker = store.openMap("aftersales.compaction");
        this.fillRate = settings.getFillRate();
        this.idleFillRate = Math.max(fillRate, settings.getIdleFillRate());
        this.maxPassNanos = settings.getMaxPassTime().toNanos();
        if (enabled()) {
            // Dead chunks are reused as soon as no version in use needs them (readers register
            // theirs, writers are excluded; H2's own SQL engine keeps no other versions either),
            // not after 45 s and 5 versions: a busy store would otherwise grow by 45 s of commits
            // before any of it could be compacted or reused.
            store.setRetentionTime(0);
            store.setVersionsToKeep(0);
        }
    }

    boolean enabled() {
        return fillRate > 0;
    }

    /**
     * After a commit that wrote {@code committedBytes}: compaction steps until they have written
     * about as much again ({@value #LOAD_RATIO}×), or the target fill rate is reached, or the pass
     * time is up. Compaction so keeps pace with the dead pages commits leave behind, each commit
     * paying for its own share. (A pass after every write command, running until the target fill
     * rate, made compaction most of the embedded server's work under concurrent writers.)
     */
    void passUnderLoad(long committedBytes) {
        if (enabled()) {
            long until = file.writtenBytes() + LOAD_RATIO * committedBytes;
            pass(fillRate, fill -> file.writtenBytes() < until ? LOAD_REWRITE_BYTES : 0);
        }
    }

    /** Once writes have stopped: {@code true} if the file or its live chunks got smaller. */
    boolean passWhileIdle() {
        if (!enabled()) {
            return false;
        }
        long before = file.size() + file.denseBytes();
        pass(idleFillRate, this::idleRewriteBytes);
        settle();
        return file.size() + file.denseBytes() < before;
    }

    /**
     * A file at the load fill rate is not worth growing to get it fuller: then rewritten chunks
     * must fit a hole (their live pages about half of it). Below that rate, growing first pays:
     * the chunks rewritten free more than the new one takes.
     */
    private int idleRewriteBytes(CompactableFileStore.Fill fill) {
        return fill.overall() < fillRate
                ? IDLE_REWRITE_BYTES
                : (int) Math.min(IDLE_REWRITE_BYTES, file.largestHole() / 2);
    }

    private void pass(int targetFillRate, ToIntFunction<CompactableFileStore.Fill> rewriteBytes) {
        long deadline = System.nanoTime() + maxPassNanos;
        while (System.nanoTime() - deadline < 0 && step(targetFillRate, rewriteBytes)) {
            // next step
        }
    }

    /** {@code false} when the file is full enough or nothing more can be done. */
    private boolean step(int targetFillRate, ToIntFunction<CompactableFileStore.Fill> rewriteLimit) {
        CompactableFileStore.Fill fill = file.fill();
        int rewriteBytes = rewriteLimit.applyAsInt(fill);
        if (fill.overall() >= targetFillRate || rewriteBytes < MIN_REWRITE_BYTES) {
            return false;
        }
        int maxChunkFill = Math.min(100, fill.chunks() + MARGIN);
        return fill.chunks() <= fill.file()
                ? rewriteEmptiest(maxChunkFill, rewriteBytes) || rewriteTail(rewriteBytes)
                : rewriteTail(rewriteBytes) || rewriteEmptiest(maxChunkFill, rewriteBytes);
    }

    private boolean rewriteEmptiest(int maxChunkFill, int rewriteBytes) {
        return file.rewriteEmptiest(maxChunkFill, rewriteBytes) && commit();
    }

    /** Progress only if the rewritten chunk found a hole further forward. */
    private boolean rewriteTail(int rewriteBytes) {
        return file.rewriteTail(rewriteBytes) && commit() && file.lastChunkInsideDenseSize();
    }

    /**
     * MVStore frees the chunks a commit left empty, and truncates the file if its end is free,
     * only at a later commit; with no writes coming, marker commits do it.
     */
    private void settle() {
        for (int i = 0; i < 2; i++) {
            marker.put("settled", store.getCurrentVersion());
            store.commit();
        }
    }

    private boolean commit() {
        store.commit();
        return true;
    }
}
