package com.aftersales.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.aftersales.sla.compliance.SlaComplianceProjection;
import com.aftersales.ticket.view.TicketTimelineProjection;
import com.aftersales.ticket.view.TicketViewProjection;
import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.Serializer;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Issue 13 §4, review findings 8 and 9: a rebuild through the real HTTP stack really replays. Before
 * it, one document of the read model is deleted and a stray one inserted; after it the deleted one
 * is back, the stray one gone, and every other document identical. A second node's claim or rebuild
 * refuses it with a stable code and changes nothing.
 */
// A store of its own: in the shared context, a replay of the process log over the other classes' events
// did not reach the head within 3 minutes (2026-12-02, cause not found yet; see the session note)
@org.springframework.test.annotation.DirtiesContext(
        classMode = org.springframework.test.annotation.DirtiesContext.ClassMode.BEFORE_CLASS)
class ProjectionRebuildApiTest extends ApiTestSupport {

    final String agent = token("acme", "AGENT");
    final String platform = token(null, "PLATFORM_ADMIN");

    @Autowired
    MongoDatabase database;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    Serializer serializer;

    String first;
    String second;

    @BeforeEach
    void twoTickets() {
        first = open();
        second = open();
        for (String group : List.of(TicketViewProjection.PROCESSING_GROUP, TicketTimelineProjection.PROCESSING_GROUP,
                SlaComplianceProjection.PROCESSING_GROUP)) {
            awaitProcessor(group);
        }
    }

    private String open() {
        return http.post().uri("/api/v1/tickets").headers(h -> h.setBearerAuth(agent))
                .bodyValue(TicketRequests.airConditionerRepair()).exchange().expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asText();
    }

    @Test
    void a_rebuild_of_the_views_restores_a_deleted_view_and_drops_a_stray_one() {
        rebuildRepairs("ticket-views", List.of("tickets_acme"), "tickets_acme", first);
    }

    @Test
    void a_rebuild_of_the_process_log_restores_a_deleted_entry_and_drops_a_stray_one() {
        rebuildRepairs("ticket-timeline", List.of("timeline_acme"), "timeline_acme", second + "/0");
    }

    @Test
    void a_rebuild_of_the_sla_compliance_counts_restores_a_deleted_clock_and_drops_a_stray_one() {
        List<String> collections = List.of("sla_compliance_clocks", "sla_compliance", "sla_compliance_months");
        String clock = database.getCollection("sla_compliance_clocks").find(Filters.eq("ticketId", first)).first()
                .getString("_id");
        rebuildRepairs("sla-compliance", collections, "sla_compliance_clocks", clock);
    }

    @Test
    void the_search_index_is_not_rebuilt_through_the_api_and_the_request_must_be_confirmed() {
        post("/api/v1/admin/projections/ticket-search/rebuild", Map.of("confirm", "ticket-search"))
                .expectStatus().isNotFound().expectBody().jsonPath("$.code").isEqualTo("PROJECTION_NOT_REBUILDABLE");
        post("/api/v1/admin/projections/ticket-views/rebuild", Map.of("confirm", "ticket-timeline"))
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.code")
                .isEqualTo("PROJECTION_REBUILD_UNCONFIRMED");
        http.post().uri("/api/v1/admin/projections/ticket-views/rebuild")
                .headers(h -> h.setBearerAuth(token("acme", "TENANT_ADMIN")))
                .bodyValue(Map.of("confirm", "ticket-views")).exchange().expectStatus().isForbidden();
    }

    @Test
    void a_rebuild_held_by_another_node_is_refused_and_empties_nothing() {
        String before = documents(List.of("tickets_acme"));
        var locks = database.getCollection("projection_rebuilds");
        locks.insertOne(new Document("_id", "ticket-views").append("holder", "other-node")
                .append("until", Date.from(Instant.now().plus(Duration.ofMinutes(5)))));
        try {
            post("/api/v1/admin/projections/ticket-views/rebuild", Map.of("confirm", "ticket-views"))
                    .expectStatus().isEqualTo(409).expectBody().jsonPath("$.code").isEqualTo("PROJECTION_REBUILD_RUNNING");
        } finally {
            locks.deleteOne(Filters.eq("_id", "ticket-views"));
        }
        assertThat(documents(List.of("tickets_acme"))).isEqualTo(before);
    }

    @Test
    void a_segment_claimed_by_another_node_refuses_the_rebuild_with_a_stable_code_in_english_and_chinese() {
        String group = TicketTimelineProjection.PROCESSING_GROUP;
        String before = documents(List.of("timeline_acme"));
        StreamingEventProcessor processor = processing.eventProcessor(group, StreamingEventProcessor.class)
                .orElseThrow();
        TokenStore otherNode = MongoTokenStore.builder()
                .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(database).build())
                .serializer(serializer).nodeId("other-node").claimTimeout(Duration.ofMinutes(5)).build();
        processor.shutDown();
        otherNode.fetchToken(group, 0);
        try {
            post("/api/v1/admin/projections/" + group + "/rebuild", Map.of("confirm", group))
                    .expectStatus().isEqualTo(409).expectBody()
                    .jsonPath("$.code").isEqualTo("PROJECTION_CLAIMED_ELSEWHERE")
                    .jsonPath("$.title").isEqualTo("Projection claimed elsewhere");
            http.post().uri("/api/v1/admin/projections/" + group + "/rebuild").headers(h -> {
                h.setBearerAuth(platform);
                h.set("Accept-Language", "zh-CN");
            }).bodyValue(Map.of("confirm", group)).exchange().expectStatus().isEqualTo(409).expectBody()
                    .jsonPath("$.title").isEqualTo("投影正由其他节点处理");
            assertThat(documents(List.of("timeline_acme"))).as("nothing emptied").isEqualTo(before);
        } finally {
            otherNode.releaseClaim(group, 0);
            processor.start();
        }
        awaitProcessor(group);
    }

    /**
     * Deletes {@code victim} from {@code damaged}, inserts a stray document there, rebuilds
     * {@code group} and expects every document of {@code collections} exactly as before the damage.
     */
    private void rebuildRepairs(String group, List<String> collections, String damaged, String victim) {
        // the baseline is a rebuilt read model: other test classes of this context break views on purpose
        rebuild(group);
        String before = documents(collections);
        assertThat(before).contains(victim);
        String stray = "stray-" + UUID.randomUUID();
        var collection = database.getCollection(damaged);
        assertThat(collection.deleteOne(Filters.eq("_id", victim)).getDeletedCount()).isEqualTo(1);
        collection.insertOne(new Document("_id", stray).append("tenantId", "acme").append("version", 0));
        assertThat(documents(collections)).isNotEqualTo(before);

        rebuild(group);

        assertThat(collection.find(Filters.eq("_id", victim)).first()).as("restored").isNotNull();
        assertThat(collection.find(Filters.eq("_id", stray)).first()).as("dropped").isNull();
        assertThat(documents(collections)).isEqualTo(before);
    }

    private void rebuild(String group) {
        JsonNode accepted = post("/api/v1/admin/projections/" + group + "/rebuild", Map.of("confirm", group))
                .expectStatus().isAccepted().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(accepted.get("processingGroup").asText()).isEqualTo(group);
        assertThat(accepted.get("position").asLong()).as("the tokens went back to the start")
                .isLessThan(accepted.get("head").asLong());
        await().atMost(Duration.ofMinutes(3)).untilAsserted(() -> assertThat(status(group).get("caughtUp")
                .asBoolean()).isTrue());
    }

    private String documents(List<String> collections) {
        List<String> all = new ArrayList<>();
        for (String name : collections) {
            database.getCollection(name).find().sort(new Document("_id", 1)).forEach(doc -> all.add(doc.toJson()));
        }
        return String.join("\n", all);
    }

    private JsonNode status(String group) {
        return http.method(HttpMethod.GET).uri("/api/v1/admin/projections/" + group)
                .headers(h -> h.setBearerAuth(platform)).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private WebTestClient.ResponseSpec post(String uri, Object body) {
        return http.post().uri(uri).headers(h -> h.setBearerAuth(platform)).bodyValue(body).exchange();
    }
}
