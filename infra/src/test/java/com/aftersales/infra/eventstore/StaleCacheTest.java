package com.aftersales.infra.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.eventhandling.SimpleEventBus;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.junit.jupiter.api.Test;

/** A cached aggregate is served only while the store holds nothing after its version; a stale one is dropped. */
class StaleCacheTest {

    final WeakReferenceCache delegate = new WeakReferenceCache();
    final List<String> asked = new ArrayList<>();
    boolean newerEvents;
    final FreshAggregateCache cache = new FreshAggregateCache(delegate, (id, sequence) -> {
        asked.add(id + "@" + sequence);
        return newerEvents;
    });

    static AggregateCacheEntry<Counter> cachedAt(long version) {
        EventSourcedAggregate<Counter> aggregate = EventSourcedAggregate.reconstruct(new Counter(),
                AnnotatedAggregateMetaModelFactory.inspectAggregate(Counter.class), version, false,
                SimpleEventBus.builder().build(), NoSnapshotTriggerDefinition.TRIGGER);
        return new AggregateCacheEntry<>(aggregate);
    }

    @Test
    void the_cached_version_is_read_from_axons_entry() {
        assertThat(FreshAggregateCache.version(cachedAt(7))).isEqualTo(7L);
    }

    @Test
    void a_cached_aggregate_with_nothing_newer_in_the_store_is_served() {
        AggregateCacheEntry<Counter> entry = cachedAt(5);
        cache.put("a", entry);

        assertThat(cache.<String, Object>get("a")).isSameAs(entry);
        assertThat(asked).containsExactly("a@5");
        assertThat(cache.containsKey("a")).isTrue();
    }

    @Test
    void a_cached_aggregate_another_node_has_appended_to_is_dropped_and_loaded_afresh() {
        cache.put("a", cachedAt(5));
        newerEvents = true;

        assertThat(cache.<String, Object>get("a")).isNull();
        assertThat(delegate.containsKey("a")).as("the stale entry is gone").isFalse();

        AggregateCacheEntry<Counter> loaded = cachedAt(6);
        assertThat(cache.computeIfAbsent("a", () -> loaded)).isSameAs(loaded);
    }

    @Test
    void a_fresh_entry_is_not_recomputed_and_other_values_pass_through() {
        AggregateCacheEntry<Counter> entry = cachedAt(2);
        assertThat(cache.putIfAbsent("a", entry)).isTrue();
        assertThat(cache.putIfAbsent("a", cachedAt(3))).isFalse();
        assertThat(cache.computeIfAbsent("a", () -> cachedAt(9))).isSameAs(entry);

        cache.put("other", "not an aggregate");
        newerEvents = true;
        assertThat(cache.<String, Object>get("other")).isEqualTo("not an aggregate");
        assertThat(cache.remove("other")).isTrue();
        assertThat(cache.containsKey("other")).isFalse();
        cache.removeAll();
        assertThat(delegate.containsKey("a")).isFalse();
    }
}
