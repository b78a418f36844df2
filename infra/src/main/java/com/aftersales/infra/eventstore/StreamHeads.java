package com.aftersales.infra.eventstore;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The last event's hash per stream that this node wrote or read, so that appending to a loaded or
 * cached aggregate needs no lookup for the hash to chain to. Stored events never change, so an
 * entry is never wrong: it is only used when its sequence number is the one asked for.
 */
final class StreamHeads {

    record Head(long sequence, String hash) {
    }

    private final Map<String, Head> heads;

    StreamHeads(int capacity) {
        this.heads = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Head> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized Head get(String aggregateIdentifier) {
        return heads.get(aggregateIdentifier);
    }

    synchronized void remember(String aggregateIdentifier, Head head) {
        Head known = heads.get(aggregateIdentifier);
        if (known == null || known.sequence() <= head.sequence()) {
            heads.put(aggregateIdentifier, head);
        }
    }
}
