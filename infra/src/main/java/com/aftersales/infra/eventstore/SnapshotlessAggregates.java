package com.aftersales.infra.eventstore;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Aggregates recently found to have no snapshot, so that loading them again skips the lookup.
 * A stale entry (another node stored a snapshot since) only means the aggregate is rebuilt from
 * all its events, which is always correct: snapshots are an optimisation, events are never removed.
 */
final class SnapshotlessAggregates {

    private final Set<String> ids;

    SnapshotlessAggregates(int capacity) {
        this.ids = Collections.synchronizedSet(Collections.newSetFromMap(new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        }));
    }

    boolean contains(String aggregateIdentifier) {
        return ids.contains(aggregateIdentifier);
    }

    void add(String aggregateIdentifier) {
        ids.add(aggregateIdentifier);
    }

    void remove(String aggregateIdentifier) {
        ids.remove(aggregateIdentifier);
    }
}
