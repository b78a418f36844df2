package com.aftersales.infra.eventstore;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * One event exactly as the event store holds it: the serialized payload and metadata (JSON
 * strings), its place in its stream ({@code sequence}) and in the global order
 * ({@code globalIndex}), its tenant (the commit's, or for commits stored before that was recorded,
 * the metadata's: resolved once, in {@link CommitDocuments#stored}), and its tamper-evidence salt
 * and hashes ({@link EventHashes}; null for an event stored before events were hashed).
 */
public record StoredEvent(String tenant, String aggregateType, String aggregateIdentifier, long sequence,
                          long globalIndex, String eventIdentifier, String timestamp, String payloadType,
                          String payloadRevision, String payload, String metaData, String salt, String hash,
                          String previousHash) {

    public boolean hashed() {
        return hash != null;
    }

    /** The timestamp as an instant; null if the stored text is not ISO-8601 (tampered): never throws. */
    public Instant instant() {
        try {
            return timestamp == null ? null : Instant.parse(timestamp);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
