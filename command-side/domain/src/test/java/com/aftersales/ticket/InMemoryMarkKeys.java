package com.aftersales.ticket;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Mark keys in memory, for fixtures: the same contract as the MongoDB ones, under one lock. */
final class InMemoryMarkKeys implements MarkKeys {

    private final Map<String, List<Entry>> keys = new HashMap<>();

    @Override
    public synchronized List<Entry> append(String tenantId, String kind, String key, Entry entry, int keep) {
        List<Entry> entries = keys.computeIfAbsent(MongoMarkKeys.id(tenantId, kind, key), id -> new ArrayList<>());
        List<Entry> before = List.copyOf(entries);
        entries.add(entry);
        while (entries.size() > keep) {
            entries.remove(0);
        }
        return before;
    }

    @Override
    public synchronized void remove(String tenantId, String kind, String key, Entry entry) {
        List<Entry> entries = keys.get(MongoMarkKeys.id(tenantId, kind, key));
        if (entries != null) {
            entries.removeIf(entry::equals);
        }
    }

    synchronized int size() {
        return keys.values().stream().mapToInt(List::size).sum();
    }
}
