package com.aftersales.infra.privacy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import javax.crypto.SecretKey;

/**
 * This node's unwrapped ticket keys, at most {@code capacity} of them (least recently used go).
 * Shredding on any node raises a shared counter; the cache reads that counter at most once per
 * {@code propagation} and forgets every key when it moved, so a key shredded elsewhere stops
 * opening data here within {@code propagation} (plus one lookup).
 */
final class KeyCache {

    /** A shredded key: cached too, a shredded key never comes back. */
    static final Optional<SecretKey> SHREDDED = Optional.empty();

    private final int capacity;
    private final Duration propagation;
    private final LongSupplier shredCounter;
    private final Clock clock;
    private final Map<String, Optional<SecretKey>> keys;
    private long knownShreds = Long.MIN_VALUE;
    private Instant checkedAt = Instant.MIN;
    private long generation;

    KeyCache(int capacity, Duration propagation, LongSupplier shredCounter, Clock clock) {
        this.capacity = capacity;
        this.propagation = propagation;
        this.shredCounter = shredCounter;
        this.clock = clock;
        this.keys = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Optional<SecretKey>> eldest) {
                return size() > KeyCache.this.capacity;
            }
        };
    }

    /** The cached state of a key (present: a key, or {@link #SHREDDED}); null when not cached. */
    synchronized Optional<SecretKey> get(String reference) {
        revalidate();
        return keys.get(reference);
    }

    /** The generation to pass to {@link #put}: taken before reading a key from the store. */
    synchronized long generation() {
        return generation;
    }

    /** Caches a key read from the store, unless the cache was cleared since: the key may be shredded by now. */
    synchronized void put(String reference, Optional<SecretKey> key, long readInGeneration) {
        if (readInGeneration == generation) {
            keys.put(reference, key);
        }
    }

    synchronized void forget(String reference) {
        keys.remove(reference);
        generation++;
    }

    private void revalidate() {
        Instant now = clock.instant();
        if (now.isBefore(checkedAt.plus(propagation))) {
            return;
        }
        long shreds = shredCounter.getAsLong();
        if (shreds != knownShreds) {
            keys.clear();
            generation++;
            knownShreds = shreds;
        }
        checkedAt = now;
    }
}
