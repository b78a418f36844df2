package com.aftersales.infra.mongo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.h2.mvstore.Chunk;
import org.h2.mvstore.SingleFileStore;

/**
 * MVStore's file store, extended so that compaction can see how much of the file is live and
 * choose which chunks to rewrite: {@code MVStore.compact} alone picks the oldest chunks first,
 * nearly full or not, wherever they are.
 * <p>
 * Rewritten pages go into a new chunk, which takes the first hole it fits in. So rewriting the
 * chunks at the end of the file moves them forward, and the file is truncated once its end is
 * free. ({@code compactMoveChunks}, which copies chunks instead, trips an assertion inside MVStore
 * now and then, and MVStore closes itself on it.)
 */
final class CompactableFileStore extends SingleFileStore {

    /** MVStore's block: chunks are allocated in whole blocks after a two-block file header. */
    private static final int BLOCK_BYTES = 4096;
    private static final int HEADER_BLOCKS = 2;

    /** Given the chunks holding live data, those to rewrite; {@code null}: MVStore chooses. */
    private volatile UnaryOperator<List<Chunk<?>>> selection;

    private CompactableFileStore(Map<String, Object> config) {
        super(config);
    }

    static CompactableFileStore open(Path file, int cacheSizeMb) {
        Map<String, Object> config = new HashMap<>();
        config.put("cacheSize", cacheSizeMb);
        CompactableFileStore store = new CompactableFileStore(config);
        store.open(file.toString(), false, (char[]) null);
        return store;
    }

    /**
     * How full the live chunks are, and how much of the file they take, as MVStore counts live
     * data (pages' maximum lengths). Chunks without live data are left out: the next commit frees
     * them.
     */
    Fill fill() {
        rewrite(chunks -> List.of()); // MVStore counts the last commit's dead pages before choosing
        long pages = 0;
        long livePages = 0;
        for (Chunk<?> chunk : liveChunks()) {
            pages += chunk.maxLen;
            livePages += chunk.maxLenLive;
        }
        return new Fill(percent(livePages, pages), percent(denseBlocks(liveChunks()) * BLOCK_BYTES, size()));
    }

    private static int percent(long part, long whole) {
        return whole == 0 ? 100 : (int) Math.min(100, 100 * part / whole);
    }

    /**
     * Rewrites the emptiest chunks at most {@code maxFillRate} % full, until about
     * {@code liveBytes} are rewritten; the caller commits. {@code true} if any chunk was rewritten.
     */
    boolean rewriteEmptiest(int maxFillRate, long liveBytes) {
        return rewrite(chunks -> first(chunks, Comparator.comparingDouble(CompactableFileStore::fillRate),
                chunk -> fillRate(chunk) * 100 <= maxFillRate, liveBytes));
    }

    /** Rewrites the chunks furthest back among those beyond the size the file would have without holes. */
    boolean rewriteTail(long liveBytes) {
        return rewrite(chunks -> {
            long dense = denseBlocks(chunks);
            return first(chunks, Comparator.comparingLong((Chunk<?> chunk) -> chunk.block).reversed(),
                    chunk -> chunk.block >= dense, liveBytes);
        });
    }

    /** The largest space between two chunks, where a rewritten chunk may land inside the file. */
    long largestHole() {
        List<Chunk<?>> allocated = new ArrayList<>();
        for (Chunk<?> chunk : getChunks().values()) {
            if (chunk.block != 0) {
                allocated.add(chunk);
            }
        }
        allocated.sort(Comparator.comparingLong(chunk -> chunk.block));
        long end = HEADER_BLOCKS;
        long largest = 0;
        for (Chunk<?> chunk : allocated) {
            largest = Math.max(largest, chunk.block - end);
            end = Math.max(end, chunk.block + chunk.len);
        }
        return largest * BLOCK_BYTES;
    }

    /** {@code false} if the last chunk, say one the tail was rewritten into, found no hole. */
    boolean lastChunkInsideDenseSize() {
        Chunk<?> last = lastChunk;
        return last != null && last.block + last.len <= denseBlocks(liveChunks());
    }

    private boolean rewrite(UnaryOperator<List<Chunk<?>>> choice) {
        selection = choice;
        try {
            return compact(101, Integer.MAX_VALUE);
        } finally {
            selection = null;
        }
    }

    /** Raw: the element type, MVStore's chunk class, is not public. */
    @Override
    @SuppressWarnings("rawtypes")
    public Collection getRewriteCandidates() {
        UnaryOperator<List<Chunk<?>>> choice = selection;
        return choice == null ? super.getRewriteCandidates() : choice.apply(liveChunks());
    }

    /** In order, the eligible chunks that can be rewritten, until they hold {@code liveBytes} (at least one). */
    private static List<Chunk<?>> first(List<Chunk<?>> chunks, Comparator<Chunk<?>> order,
                                        Predicate<Chunk<?>> eligible, long liveBytes) {
        List<Chunk<?>> sorted = new ArrayList<>(chunks);
        sorted.sort(order);
        List<Chunk<?>> chosen = new ArrayList<>();
        long live = 0;
        for (Chunk<?> chunk : sorted) {
            if (live >= liveBytes) {
                break;
            }
            if (eligible.test(chunk) && chunk.maxLenLive < chunk.maxLen) {
                chosen.add(chunk);
                live += chunk.maxLenLive;
            }
        }
        return chosen;
    }

    private List<Chunk<?>> liveChunks() {
        List<Chunk<?>> live = new ArrayList<>();
        for (Chunk<?> chunk : getChunks().values()) {
            if (chunk.block != 0 && chunk.maxLenLive > 0) {
                live.add(chunk);
            }
        }
        return live;
    }

    /** The blocks the live chunks would take without holes between them. */
    private static long denseBlocks(List<Chunk<?>> liveChunks) {
        long blocks = HEADER_BLOCKS;
        for (Chunk<?> chunk : liveChunks) {
            blocks += chunk.len;
        }
        return blocks;
    }

    private static double fillRate(Chunk<?> chunk) {
        return (double) chunk.maxLenLive / chunk.maxLen;
    }

    /** Bytes written to the file since it was opened. */
    long writtenBytes() {
        return writeBytes.get();
    }

    long denseBytes() {
        return denseBlocks(liveChunks()) * BLOCK_BYTES;
    }

    /** Percentages: live pages of the live chunks' pages, and those chunks of the file. */
    record Fill(int chunks, int file) {

        int overall() {
            return chunks * file / 100;
        }
    }
}
