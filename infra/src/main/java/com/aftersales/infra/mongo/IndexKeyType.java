package com.aftersales.infra.mongo;

import de.bwaldvogel.mongo.backend.KeyValue;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The key type of the embedded server's unique indexes: MVStore's {@link ObjectDataType}, which
 * writes and reads them (so files stay as they were), with cheaper comparisons.
 * <p>
 * Index keys are mongo-java-server {@link KeyValue}s, which are not {@link Comparable}: MVStore
 * orders them by their Java serialization, serializing both keys on every comparison, about 17
 * times per lookup in an index of 100,000 keys. That was the largest single cost of the embedded
 * server (a third of its CPU while appending). Here the serialized form of a key made of strings,
 * numbers and booleans is remembered, so the order is exactly the same: equal keys of those types
 * serialize to equal bytes. Other keys (documents, arrays, nulls) are compared as before.
 */
final class IndexKeyType extends ObjectDataType {

    /** About 20 MB of keys at most; cleared when full, the hot keys come back at once. */
    private static final int MAX_REMEMBERED = 50_000;

    private final Map<KeyValue, byte[]> serialized = new ConcurrentHashMap<>();

    @Override
    public int compare(Object a, Object b) {
        if (a == b) {
            return 0;
        }
        if (a instanceof KeyValue first && b instanceof KeyValue second && isPlain(first) && isPlain(second)) {
            return compareNotNull(serialized(first), serialized(second));
        }
        return super.compare(a, b);
    }

    private byte[] serialized(KeyValue key) {
        byte[] bytes = serialized.get(key);
        if (bytes == null) {
            bytes = serialize(key);
            if (serialized.size() >= MAX_REMEMBERED) {
                serialized.clear();
            }
            serialized.put(key, bytes);
        }
        return bytes;
    }

    /** Values whose equal instances serialize to equal bytes (index keys hold numbers as doubles, or longs). */
    private static boolean isPlain(KeyValue key) {
        for (Object value : key) {
            if (!(value instanceof String || value instanceof Double || value instanceof Long
                    || value instanceof Integer || value instanceof Boolean)) {
                return false;
            }
        }
        return true;
    }
}
