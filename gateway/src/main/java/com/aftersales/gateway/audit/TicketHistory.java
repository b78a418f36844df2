package com.aftersales.gateway.audit;

import com.aftersales.infra.eventstore.EventHistory;
import com.aftersales.infra.eventstore.StoredEvent;
import com.aftersales.infra.privacy.FieldCipher;
import com.aftersales.infra.privacy.PersonalFields;
import com.aftersales.infra.tenancy.CallerMetaData;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * A ticket's events read from the event store (not from a projection), for one tenant only: a
 * ticket of another tenant reads as absent. Encrypted personal fields are shown opened (or as
 * erased once their key is shredded); the export carries them as stored, for the digests.
 */
@Component
public class TicketHistory {

    /** A page of events and whether more follow. */
    public record Page(List<HistoryEntry> entries, boolean hasMore) {
    }

    private final EventHistory events;
    private final FieldCipher personalFields;
    private final ObjectMapper json = new ObjectMapper();

    public TicketHistory(EventHistory events, FieldCipher personalFields) {
        this.events = events;
        this.personalFields = personalFields;
    }

    static final String TICKET = "Ticket";

    /** Up to {@code limit} events from sequence {@code from} on; empty if the tenant has no such ticket. */
    public Optional<Page> page(String tenantId, String ticketId, long from, int limit, boolean personalData) {
        return page(tenantId, ticketId, TICKET, from, limit, personalData);
    }

    /**
     * A page of a stream of {@code type}: a stream of another type reads as absent, so that a ticket
     * route never shows another kind of stream (such as a ticket's access log).
     */
    Optional<Page> page(String tenantId, String streamId, String type, long from, int limit, boolean personalData) {
        List<StoredEvent> read = events.read(streamId, from, limit + 1);
        if (read.isEmpty() && (from == 0 || !ownedBy(tenantId, type, events.read(streamId, 0, 1)))) {
            return Optional.empty();
        }
        if (!ownedBy(tenantId, type, read)) {
            return Optional.empty();
        }
        List<HistoryEntry> entries = new ArrayList<>(Math.min(limit, read.size()));
        for (StoredEvent event : read.subList(0, Math.min(limit, read.size()))) {
            entries.add(entry(event, personalData));
        }
        return Optional.of(new Page(entries, read.size() > limit));
    }

    /** Whether the ticket exists and is the tenant's: its first event says so. */
    public boolean exists(String tenantId, String ticketId) {
        List<StoredEvent> first = events.read(ticketId, 0, 1);
        return !first.isEmpty() && ownedBy(tenantId, TICKET, first);
    }

    private boolean ownedBy(String tenantId, String type, List<StoredEvent> read) {
        if (read.isEmpty()) {
            return false;
        }
        for (StoredEvent event : read) {
            if (!tenantId.equals(event.tenant()) || !type.equals(event.aggregateType())) {
                return false;
            }
        }
        return true;
    }

    private JsonNode metaData(StoredEvent event) {
        return parse(event.metaData());
    }

    /** The salt only with personal data: with it, a payload digest could be brute-forced back to masked data. */
    HistoryEntry entry(StoredEvent event, boolean personalData) {
        JsonNode metaData = metaData(event);
        List<String> roles = new ArrayList<>();
        metaData.path(CallerMetaData.ROLES).forEach(role -> roles.add(role.asText()));
        HistoryEntry.Actor actor = new HistoryEntry.Actor(text(metaData, CallerMetaData.ACTOR),
                text(metaData, CallerMetaData.ACTOR_KIND), roles);
        String type = event.payloadType();
        String name = type.substring(Math.max(type.lastIndexOf('.'), type.lastIndexOf('$')) + 1);
        // Axon's MessageOriginProvider: traceId = the first message of the chain, correlationId = the
        // message that caused this one (the command)
        return new HistoryEntry(event.sequence(), event.globalIndex(), event.eventIdentifier(), name, type,
                event.payloadRevision(), event.timestamp(), event.tenant(), actor, text(metaData, "traceId"),
                text(metaData, "correlationId"), PersonalFields.open(parse(event.payload()), personalFields), personalData ? event.salt() : null, event.hash(),
                event.previousHash());
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** Stored JSON as a tree; a string that is not JSON (tampered, or another serializer) as text. */
    private JsonNode parse(String stored) {
        if (stored == null) {
            return json.nullNode();
        }
        try {
            return json.readTree(stored);
        } catch (JsonProcessingException e) {
            return TextNode.valueOf(stored);
        }
    }
}
