package com.aftersales.infra.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The store's tuning is validated, and the remembered stream heads only move forward and stay bounded. */
class StoreTuningAndHeadsTest {

    @Test
    void tuning_below_its_minimum_is_refused_and_the_minimum_is_accepted() {
        EventStoreSettings minimum = new EventStoreSettings(Duration.ZERO, 1, 1, 1);
        assertThat(minimum.withGapTimeout(Duration.ofSeconds(3)).gapTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThatThrownBy(() -> new EventStoreSettings(Duration.ofMillis(-1), 1, 1, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EventStoreSettings(Duration.ZERO, 0, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EventStoreSettings(Duration.ZERO, 1, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EventStoreSettings(Duration.ZERO, 1, 1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_remembered_head_is_replaced_by_a_later_or_equal_one_never_by_an_earlier_one() {
        StreamHeads heads = new StreamHeads(10);
        heads.remember("a", new StreamHeads.Head(5, "h5"));
        heads.remember("a", new StreamHeads.Head(3, "h3"));
        assertThat(heads.get("a")).isEqualTo(new StreamHeads.Head(5, "h5"));
        heads.remember("a", new StreamHeads.Head(5, "h5'"));
        assertThat(heads.get("a")).isEqualTo(new StreamHeads.Head(5, "h5'"));
        heads.remember("a", new StreamHeads.Head(6, "h6"));
        assertThat(heads.get("a")).isEqualTo(new StreamHeads.Head(6, "h6"));
    }

    @Test
    void heads_and_snapshotless_marks_beyond_their_capacity_forget_the_oldest() {
        StreamHeads heads = new StreamHeads(2);
        heads.remember("a", new StreamHeads.Head(0, "a0"));
        heads.remember("b", new StreamHeads.Head(0, "b0"));
        heads.get("a");
        heads.remember("c", new StreamHeads.Head(0, "c0"));
        assertThat(heads.get("b")).isNull();
        assertThat(heads.get("a")).isNotNull();
        assertThat(heads.get("c")).isNotNull();

        SnapshotlessAggregates snapshotless = new SnapshotlessAggregates(2);
        snapshotless.add("a");
        snapshotless.add("b");
        snapshotless.add("c");
        assertThat(snapshotless.contains("a")).as("the oldest mark is forgotten").isFalse();
        assertThat(snapshotless.contains("b")).isTrue();
        assertThat(snapshotless.contains("c")).isTrue();
        snapshotless.remove("b");
        assertThat(snapshotless.contains("b")).isFalse();
    }
}
