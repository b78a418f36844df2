package com.aftersales.infra.eventstore;

import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;

/** Commits found by one lookup, searchable by the global indexes they cover. */
final class CommitWindow {

    private final TreeMap<Long, Document> byFirstIndex = new TreeMap<>();

    void add(Document commit) {
        byFirstIndex.put(CommitDocuments.firstIndex(commit), commit);
    }

    void addAll(CommitWindow other) {
        byFirstIndex.putAll(other.byFirstIndex);
    }

    boolean isEmpty() {
        return byFirstIndex.isEmpty();
    }

    /** The commit whose indexes include {@code index}, or null. */
    Document covering(long index) {
        Map.Entry<Long, Document> entry = byFirstIndex.floorEntry(index);
        return entry != null && CommitDocuments.lastIndex(entry.getValue()) >= index ? entry.getValue() : null;
    }

    /** The first commit starting after {@code index}, or null. */
    Document firstAfter(long index) {
        Map.Entry<Long, Document> entry = byFirstIndex.higherEntry(index);
        return entry == null ? null : entry.getValue();
    }
}
