package com.aftersales.infra.eventstore;

import java.lang.reflect.Field;
import java.util.function.Supplier;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An aggregate cache that never hands out a stale aggregate. Before a cached aggregate is used, one
 * key lookup asks the store whether events were appended after the cached version (by another
 * node sharing the store); if so the entry is dropped and the aggregate loads from the store. A
 * stale cache could otherwise refuse a correct command (its If-Match looks like the future, its
 * state like the past).
 * <p>
 * Axon's {@link AggregateCacheEntry} does not expose its version; it is read reflectively. If a
 * future Axon renames the field, nothing is served from the cache (always correct, only slower)
 * and a warning says so.
 */
public final class FreshAggregateCache implements Cache {

    private static final Logger log = LoggerFactory.getLogger(FreshAggregateCache.class);
    private static final Field VERSION = versionField();

    /** Asks the store whether the aggregate has events after a sequence number. */
    @FunctionalInterface
    public interface EventsAfter {
        boolean exist(String aggregateIdentifier, long sequenceNumber);
    }

    private final Cache delegate;
    private final EventsAfter eventsAfter;

    public FreshAggregateCache(Cache delegate, EventsAfter eventsAfter) {
        this.delegate = delegate;
        this.eventsAfter = eventsAfter;
    }

    @Override
    public <K, V> V get(K key) {
        V value = delegate.get(key);
        if (value instanceof AggregateCacheEntry<?> entry && !isFresh(String.valueOf(key), entry)) {
            delegate.remove(key);
            return null;
        }
        return value;
    }

    private boolean isFresh(String aggregateIdentifier, AggregateCacheEntry<?> entry) {
        Long version = version(entry);
        return version != null && !eventsAfter.exist(aggregateIdentifier, version);
    }

    static Long version(AggregateCacheEntry<?> entry) {
        try {
            return VERSION == null ? null : (Long) VERSION.get(entry);
        } catch (IllegalAccessException e) {
            return null;
        }
    }

    private static Field versionField() {
        try {
            Field field = AggregateCacheEntry.class.getDeclaredField("version");
            field.setAccessible(true);
            return field;
        } catch (ReflectiveOperationException | RuntimeException e) {
            log.warn("Cannot read the version of cached aggregates ({}): aggregates always load from the store", e.toString());
            return null;
        }
    }

    @Override
    public void put(Object key, Object value) {
        delegate.put(key, value);
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        return delegate.putIfAbsent(key, value);
    }

    @Override
    public <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
        T cached = get(key);
        return cached != null ? cached : delegate.computeIfAbsent(key, valueSupplier);
    }

    @Override
    public boolean remove(Object key) {
        return delegate.remove(key);
    }

    @Override
    public void removeAll() {
        delegate.removeAll();
    }

    @Override
    public boolean containsKey(Object key) {
        return delegate.containsKey(key);
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener cacheEntryListener) {
        return delegate.registerCacheEntryListener(cacheEntryListener);
    }
}
