package com.aftersales.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftersales.ticket.EventRevisions;
import com.aftersales.ticket.LifecycleEvents.TicketClassified;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.util.List;
import java.util.Map;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A TicketClassified stored at revision 1 (before it carried the configuration version) reads through
 * the service's own event store, with the upcasters the application wires, as revision 2 without one.
 */
class StoredRevisionApiTest extends ApiTestSupport {

    @Autowired
    EventStore eventStore;

    @Autowired
    MongoDatabase database;

    @Autowired
    org.axonframework.eventsourcing.eventstore.EventStorageEngine storage;

    @Test
    void a_classification_stored_at_revision_1_reads_through_the_event_store_without_a_configuration_version()
            throws Exception {
        // a tenant of its own: the rewritten event breaks its ticket's hash chain, which no other test may meet
        http.post().uri("/api/v1/admin/tenants").headers(h -> h.setBearerAuth(token(null, "PLATFORM_ADMIN")))
                .bodyValue(Map.of("id", "revision-one", "nameEn", "Revision One")).exchange().expectStatus().isCreated();
        JsonNode ticket = http.post().uri("/api/v1/tickets").headers(h -> h.setBearerAuth(token("revision-one", "AGENT")))
                .bodyValue(TicketRequests.airConditionerRepair()).exchange().expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        String id = ticket.get("id").asText();
        http.post().uri("/api/v1/tickets/" + id + "/classification").headers(h -> h.setBearerAuth(token("revision-one", "SUPERVISOR")))
                .bodyValue(Map.of("type", "repair", "priority", "low")).exchange().expectStatus().isOk();

        // rewrite the stored classification as revision 1 wrote it: no configurationVersion
        MongoCollection<Document> commits = database.getCollection("events");
        Document commit = commits.find(Filters.and(Filters.eq("aggregateIdentifier", id),
                Filters.eq("events.payloadType", TicketClassified.class.getName()))).first();
        assertThat(commit).isNotNull();
        List<Document> events = commit.getList("events", Document.class);
        for (Document event : events) {
            if (TicketClassified.class.getName().equals(event.getString("payloadType"))) {
                assertThat(event.getString("payloadRevision")).isEqualTo(EventRevisions.CLASSIFIED_WITH_CONFIGURATION);
                ObjectNode payload = (ObjectNode) new ObjectMapper().readTree(event.getString("payload"));
                payload.remove("configurationVersion");
                event.put("payload", payload.toString());
                event.put("payloadRevision", EventRevisions.FIRST);
            }
        }
        commits.updateOne(Filters.eq("_id", commit.get("_id")), new Document("$set", new Document("events", events)));

        TicketClassified read = eventStore.readEvents(id).asStream().map(event -> event.getPayload())
                .filter(TicketClassified.class::isInstance).map(TicketClassified.class::cast).findFirst().orElseThrow();
        assertThat(read.configurationVersion()).isNull();
        assertThat(read.type()).isEqualTo("repair");
        assertThat(read.priority()).isEqualTo("low");
        // a missing member would read as null without an upcaster, too: the store's own chain must lift it
        var chain = (org.axonframework.serialization.upcasting.event.EventUpcaster)
                org.springframework.test.util.ReflectionTestUtils.getField(storage, "upcasterChain");
        var serializer = (org.axonframework.serialization.Serializer)
                org.springframework.test.util.ReflectionTestUtils.getField(storage, "eventSerializer");
        var entry = new org.axonframework.eventhandling.GenericDomainEventEntry<>("Ticket", id, 1, "e-1",
                java.time.Instant.EPOCH, TicketClassified.class.getName(), EventRevisions.FIRST,
                "{\"ticketId\":\"" + id + "\",\"type\":\"repair\",\"priority\":\"low\"}", "{}");
        var upcast = chain.upcast(java.util.stream.Stream.of(
                new org.axonframework.serialization.upcasting.event.InitialEventRepresentation(entry, serializer)))
                .findFirst().orElseThrow();
        assertThat(upcast.getType().getRevision()).isEqualTo(EventRevisions.CLASSIFIED_WITH_CONFIGURATION);
    }
}
