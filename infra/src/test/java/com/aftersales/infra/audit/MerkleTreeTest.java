package com.aftersales.infra.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftersales.infra.eventstore.EventHashes;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class MerkleTreeTest {

    private static List<byte[]> leaves(int size) {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            String hash = HexFormat.of().formatHex(EventHashes.sha256().digest(("event " + i).getBytes()));
            leaves.add(MerkleTree.leaf(i * 3L, hash));
        }
        return leaves;
    }

    @Test
    void every_leaf_of_trees_of_1_to_33_leaves_proves_its_inclusion_and_no_other_does() {
        for (int size = 1; size <= 33; size++) {
            List<byte[]> leaves = leaves(size);
            String root = MerkleTree.root(leaves);
            for (int index = 0; index < size; index++) {
                List<String> proof = MerkleTree.proof(leaves, index);
                assertThat(MerkleTree.verify(leaves.get(index), index, size, proof, root)).as(size + "/" + index).isTrue();
                int other = (index + 1) % size;
                if (other != index) {
                    assertThat(MerkleTree.verify(leaves.get(other), index, size, proof, root)).isFalse();
                }
            }
        }
    }

    @Test
    void the_root_changes_with_any_leaf_and_with_their_order() {
        List<byte[]> leaves = leaves(5);
        String root = MerkleTree.root(leaves);
        List<byte[]> swapped = new ArrayList<>(leaves);
        swapped.set(1, leaves.get(2));
        swapped.set(2, leaves.get(1));
        assertThat(MerkleTree.root(swapped)).isNotEqualTo(root);
        assertThat(MerkleTree.root(leaves.subList(0, 4))).isNotEqualTo(root);
        assertThat(MerkleTree.root(List.of())).hasSize(64);
    }
}
