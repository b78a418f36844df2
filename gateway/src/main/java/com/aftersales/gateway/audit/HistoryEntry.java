package com.aftersales.gateway.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One event of a ticket's history as the event store holds it. {@code type} is the event's name,
 * {@code payloadType} and {@code revision} its stored type; {@code correlationId} is the id of the
 * request that started the chain of messages, {@code causationId} the id of the command that caused
 * this event; {@code salt}, {@code hash} and {@code previousHash} its tamper evidence (docs/audit.md),
 * absent on events stored before events were hashed; {@code salt} only for PII_READER. Personal data in {@code payload} is masked unless the
 * caller holds PII_READER.
 */
public record HistoryEntry(long sequence, long globalPosition, String eventId, String type, String payloadType,
                           String revision, String timestamp, String tenant, Actor actor, String correlationId,
                           String causationId, JsonNode payload, String salt, String hash,
                           String previousHash) {

    /** Who caused the event: the token's subject, and whether a person ({@code user}) or an API {@code client}. */
    public record Actor(String id, String kind, List<String> roles) {
    }
}
