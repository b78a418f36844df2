package com.aftersales.infra.audit;

import com.aftersales.infra.eventstore.EventHashes;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * A signed summary of one tenant's event hashes: the events of the tenant with global indexes in
 * {@code (fromIndex - 1, toIndex]}, as Merkle leaves in global order, under {@code root}; it names
 * the previous checkpoint by the SHA-256 of its JWS ({@code previous}, null for the first). The
 * JWS (ES256, {@code kid}) signs every field but the leaves, which the root binds.
 */
public record Checkpoint(String tenant, long sequence, String previous, long fromIndex, long toIndex,
                         List<Leaf> leaves, String root, Instant createdAt, String kid, String jws) {

    /** One event in a checkpoint: its global index and its hash. */
    public record Leaf(long globalIndex, String hash) {
    }

    /** How the next checkpoint names this one. */
    public String digest() {
        return HexFormat.of().formatHex(EventHashes.sha256().digest(jws.getBytes(StandardCharsets.UTF_8)));
    }

    public boolean covers(long globalIndex) {
        return globalIndex >= fromIndex && globalIndex <= toIndex;
    }

    /** Position of the leaf of {@code globalIndex}, or -1. Leaves are in global order. */
    public int leafAt(long globalIndex) {
        int low = 0;
        int high = leaves.size() - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            long index = leaves.get(mid).globalIndex();
            if (index == globalIndex) {
                return mid;
            }
            if (index < globalIndex) {
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        return -1;
    }

    public List<byte[]> leafHashes() {
        return leaves.stream().map(leaf -> MerkleTree.leaf(leaf.globalIndex(), leaf.hash())).toList();
    }
}
