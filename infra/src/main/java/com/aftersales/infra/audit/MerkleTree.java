package com.aftersales.infra.audit;

import com.aftersales.infra.eventstore.EventHashes;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The Merkle tree of RFC 6962 §2.1 over a checkpoint's leaves, with SHA-256 from the JDK: a leaf
 * is {@code SHA-256(0x00 || globalIndex as 8 bytes big-endian || the event's hash as 32 bytes)}, an
 * inner node {@code SHA-256(0x01 || left || right)}, a tree of n > 1 leaves splits at the largest
 * power of two below n; the empty tree's root is {@code SHA-256()}. Inclusion proofs are RFC
 * 6962's audit paths.
 */
public final class MerkleTree {

    private static final HexFormat HEX = HexFormat.of();

    private MerkleTree() {
    }

    public static byte[] leaf(long globalIndex, String eventHash) {
        MessageDigest digest = EventHashes.sha256();
        digest.update((byte) 0);
        digest.update(ByteBuffer.allocate(8).putLong(globalIndex).array());
        digest.update(HEX.parseHex(eventHash));
        return digest.digest();
    }

    static byte[] node(byte[] left, byte[] right) {
        MessageDigest digest = EventHashes.sha256();
        digest.update((byte) 1);
        digest.update(left);
        digest.update(right);
        return digest.digest();
    }

    public static String root(List<byte[]> leaves) {
        return new Tree(leaves).root();
    }

    private static int split(int n) {
        int k = Integer.highestOneBit(n);
        return k == n ? k / 2 : k;
    }

    /** The audit path of leaf {@code index}: the sibling hashes from the leaf up, hex. */
    public static List<String> proof(List<byte[]> leaves, int index) {
        return new Tree(leaves).proof(index);
    }

    /** Whether {@code leaf} at {@code index} of a tree of {@code size} leaves hashes with {@code path} to {@code root} (RFC 9162 §2.1.3.2). */
    public static boolean verify(byte[] leaf, long index, long size, List<String> path, String root) {
        if (index < 0 || index >= size) {
            return false;
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leaf;
        for (String siblingHex : path) {
            byte[] sibling = HEX.parseHex(siblingHex);
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = node(sibling, r);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                r = node(r, sibling);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && HEX.formatHex(r).equals(root);
    }

    static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A tree whose subtree hashes are computed once, for the audit paths of many of its leaves. */
    public static final class Tree {

        private final List<byte[]> leaves;
        private final Map<Long, byte[]> subtrees = new HashMap<>();

        public Tree(List<byte[]> leaves) {
            this.leaves = leaves;
        }

        private byte[] hash(int from, int to) {
            if (to - from == 1) {
                return leaves.get(from);
            }
            long key = ((long) from << 32) | to;
            byte[] known = subtrees.get(key);
            if (known == null) {
                int k = split(to - from);
                known = node(hash(from, from + k), hash(from + k, to));
                subtrees.put(key, known);
            }
            return known;
        }

        public String root() {
            if (leaves.isEmpty()) {
                return HEX.formatHex(EventHashes.sha256().digest(new byte[0]));
            }
            return HEX.formatHex(hash(0, leaves.size()));
        }

        public List<String> proof(int index) {
            List<String> path = new ArrayList<>();
            walk(0, leaves.size(), index, path);
            return path;
        }

        private void walk(int from, int to, int index, List<String> path) {
            int n = to - from;
            if (n <= 1) {
                return;
            }
            int k = split(n);
            if (index - from < k) {
                walk(from, from + k, index, path);
                path.add(HEX.formatHex(hash(from + k, to)));
            } else {
                walk(from + k, to, index, path);
                path.add(HEX.formatHex(hash(from, from + k)));
            }
        }
    }
}
