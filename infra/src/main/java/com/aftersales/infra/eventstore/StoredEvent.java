package com.aftersales.infra.eventstore;

/**
 * One event exactly as the event store holds it: the serialized payload and metadata (JSON
 * strings), its place in its stream ({@code sequence}) and in the global order
 * ({@code globalIndex}), and its tamper-evidence hashes ({@link EventHashes}; both null for an
 * event stored before events were hashed).
 */
public record StoredEvent(String tenant, String aggregateType, String aggregateIdentifier, long sequence,
                          long globalIndex, String eventIdentifier, String timestamp, String payloadType,
                          String payloadRevision, String payload, String metaData, String hash,
                          String previousHash) {

    public boolean hashed() {
        return hash != null;
    }
}
