package com.aftersales.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * REPEAT and BATCH through the API (SPEC §3): a TENANT_ADMIN sets the rules, agents register
 * tickets, and the ticket views show the marks and raised priorities, the timelines why.
 */
class TicketMarksApiTest extends ApiTestSupport {

    static final String TENANT = "marksco";

    @org.springframework.beans.factory.annotation.Autowired
    org.axonframework.eventsourcing.eventstore.EventStore eventStore;

    @BeforeEach
    void patientClient() {
        http = http.mutate().responseTimeout(Duration.ofSeconds(30)).build();
    }

    @Test
    void repeats_and_a_batch_at_its_threshold_show_in_the_views_with_the_reasons_in_the_timelines() {
        onboardWithMarkRules();
        String first = register("13800000001", "no cold air");
        String repeat = register("138 0000 0001", "noisy");
        String third = register("13900000003", "No cold air.");
        // registration also starts the SLA clocks; nothing else may be stored below the threshold
        assertThat(stored(third)).as("two tickets of the fault: below the threshold of 3")
                .containsExactly("TicketOpened", "SlaClockStarted", "SlaClockStarted");
        assertThat(stored(first)).containsExactly("TicketOpened", "SlaClockStarted", "SlaClockStarted");
        assertThat(marks(view(third))).isEmpty();

        JsonNode formingView = registered("13700000004", "no cold air");
        String forming = formingView.get("id").asText();
        assertThat(marks(formingView)).as("the registration answers with its marks").containsExactly("BATCH");
        assertThat(formingView.get("priority").asText()).isEqualTo("urgent");
        for (String earlier : List.of(first, third)) {
            JsonNode view = awaitView(earlier, v -> marks(v).contains("BATCH") && "urgent".equals(v.get("priority").asText()));
            assertThat(marks(view)).containsExactly("BATCH");
            JsonNode linked = awaitTimelineEntry(earlier, "TicketMarked");
            assertThat(linked.get("by").asText()).isEqualTo("mark-rules");
            assertThat(linked.at("/details/batchId").asText()).isEqualTo("batch-" + forming);
            assertThat(linked.at("/details/reason").asText()).startsWith("BATCH batch-" + forming
                    + ": 3 tickets of model KFR-35 with the same fault within PT24H reached the threshold of 3");
            assertThat(awaitTimelineEntry(earlier, "TicketClassified").at("/details/priority").asText()).isEqualTo("urgent");
        }

        JsonNode repeatView = awaitView(repeat, view -> marks(view).contains("REPEAT"));
        assertThat(marks(repeatView)).containsExactly("REPEAT");
        assertThat(repeatView.get("priority").asText()).as("not of the batch's fault").isEqualTo("low");
        JsonNode repeatMarked = awaitTimelineEntry(repeat, "TicketMarked");
        assertThat(repeatMarked.at("/details/reason").asText())
                .isEqualTo("REPEAT: the same customer reported model KFR-35 again within PT720H (earlier: " + first + ")");
        assertThat(repeatMarked.at("/details/relatedTicketIds/0").asText()).isEqualTo(first);

        http.get().uri("/api/v1/tickets/" + forming).headers(h -> h.setBearerAuth(token("acme", "AGENT"))).exchange()
                .expectStatus().isNotFound();
    }

    private void onboardWithMarkRules() {
        Map<String, Object> onboarding = TenantApiTest.onboarding(TENANT);
        onboarding.put("priorityPreset", "URGENT_NORMAL_LOW");
        http.post().uri("/api/v1/admin/tenants").headers(h -> h.setBearerAuth(TenantApiTest.PLATFORM)).bodyValue(onboarding)
                .exchange().expectStatus().isCreated();
        Map<String, Object> configuration = new LinkedHashMap<>();
        configuration.put("ticketTypes", List.of("repair"));
        configuration.put("priorityScheme", "URGENT_NORMAL_LOW");
        configuration.put("compensationCapPercent", 30);
        configuration.put("marks", Map.of("repeat", Map.of("window", "P30D"),
                "batch", Map.of("window", "PT24H", "threshold", 3)));
        http.put().uri("/api/v1/tenant/configuration").headers(h -> {
            h.setBearerAuth(token(TENANT, "TENANT_ADMIN"));
            h.setIfMatch("\"1\"");
        }).bodyValue(configuration).exchange().expectStatus().isOk();
    }

    private String register(String phone, String symptom) {
        return registered(phone, symptom).get("id").asText();
    }

    private JsonNode registered(String phone, String symptom) {
        Map<String, Object> body = new HashMap<>(TicketRequests.airConditionerRepair());
        body.put("priority", "low");
        body.put("customer", Map.of("name", "张*", "phone", phone));
        body.put("product", Map.of("model", "KFR-35"));
        body.put("problem", Map.of("description", "the air conditioner: " + symptom, "symptom", symptom));
        return http.post().uri("/api/v1/tickets").headers(h -> h.setBearerAuth(token(TENANT, "AGENT"))).bodyValue(body)
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private JsonNode view(String id) {
        return http.get().uri("/api/v1/tickets/" + id).headers(h -> h.setBearerAuth(token(TENANT, "AGENT"))).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private JsonNode awaitView(String id, java.util.function.Predicate<JsonNode> condition) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> condition.test(last[0] = view(id)));
        return last[0];
    }

    private JsonNode awaitTimelineEntry(String id, String kind) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonNode page = http.get().uri("/api/v1/tickets/" + id + "/timeline?limit=200")
                    .headers(h -> h.setBearerAuth(token(TENANT, "AGENT"))).exchange()
                    .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
            for (JsonNode entry : page.get("items")) {
                if (kind.equals(entry.get("kind").asText())) {
                    found[0] = entry;
                }
            }
            return found[0] != null;
        });
        return found[0];
    }

    private List<String> stored(String ticketId) {
        return eventStore.readEvents(ticketId).asStream().map(event -> event.getPayload().getClass().getSimpleName()).toList();
    }

    private static List<String> marks(JsonNode view) {
        List<String> marks = new ArrayList<>();
        if (view.get("marks") != null) {
            view.get("marks").forEach(mark -> marks.add(mark.asText()));
        }
        return marks;
    }
}
