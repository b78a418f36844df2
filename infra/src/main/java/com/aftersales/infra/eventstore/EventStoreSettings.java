package com.aftersales.infra.eventstore;

import java.time.Duration;

/**
 * Tuning of the MongoDB event store.
 *
 * @param gapTimeout      how long readers hold back events behind a global index whose writer has
 *                        not inserted it yet; after that the index is treated as abandoned (a
 *                        writer that died after allocating) and kept only as a gap in the token
 * @param maxGapOffset    how far behind the token's index a gap is still looked for
 * @param trackingBatch   how many global indexes one tracking fetch looks up
 * @param aggregateWindow how many sequence numbers one aggregate-load lookup asks for
 */
public record EventStoreSettings(Duration gapTimeout, int maxGapOffset, int trackingBatch, int aggregateWindow) {

    public static final EventStoreSettings DEFAULTS = new EventStoreSettings(Duration.ofSeconds(10), 10_000, 100, 128);

    public EventStoreSettings {
        if (gapTimeout.isNegative() || maxGapOffset < 1 || trackingBatch < 1 || aggregateWindow < 1) {
            throw new IllegalArgumentException("Invalid event store settings");
        }
    }

    public EventStoreSettings withGapTimeout(Duration timeout) {
        return new EventStoreSettings(timeout, maxGapOffset, trackingBatch, aggregateWindow);
    }
}
