package com.aftersales.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * GET /api/v1/tickets/{id}/sla through the real HTTP stack: worked example 1 (urgent, acme, registered
 * Monday 2024-05-20 09:30 Beijing time on the fixed clock) runs its first-response clock (24 h of
 * calendar time) and its customer-update clock (12 h); a contact to the customer fulfils the first.
 */
class TicketSlaApiTest extends ApiTestSupport {

    private final String agent = token("acme", "AGENT");

    private String open() {
        return http.post().uri("/api/v1/tickets").headers(h -> h.setBearerAuth(agent))
                .bodyValue(TicketRequests.airConditionerRepair()).exchange()
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asText();
    }

    private JsonNode sla(String ticketId, String token) {
        return http.get().uri("/api/v1/tickets/" + ticketId + "/sla").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    @Test
    void a_registered_ticket_shows_its_clocks_with_due_and_warning_times_and_how_they_were_computed() {
        String id = open();

        JsonNode sla = sla(id, agent);

        assertThat(sla.get("ticketId").asText()).isEqualTo(id);
        assertThat(sla.get("at").asText()).isEqualTo("2024-05-20T01:30:00Z");
        JsonNode first = sla.at("/clocks/0");
        assertThat(first.get("clockId").asText()).isEqualTo("FIRST_RESPONSE#1");
        assertThat(first.get("priority").asText()).isEqualTo("urgent");
        assertThat(first.at("/target/basis").asText()).isEqualTo("CALENDAR");
        assertThat(first.at("/target/amount").asText()).isEqualTo("PT24H");
        assertThat(first.get("state").asText()).isEqualTo("RUNNING");
        assertThat(first.get("startedAt").asText()).isEqualTo("2024-05-20T01:30:00Z");
        assertThat(first.get("dueAt").asText()).isEqualTo("2024-05-21T01:30:00Z");
        assertThat(first.get("warnAt").asText()).as("80 %% of 24 h").isEqualTo("2024-05-20T20:42:00Z");
        assertThat(first.get("elapsed").asText()).isEqualTo("PT0S");
        assertThat(first.get("remaining").asText()).isEqualTo("PT24H");
        assertThat(kinds(first)).containsExactly("TARGET", "COUNTED", "WARNING", "DUE");
        JsonNode update = sla.at("/clocks/1");
        assertThat(update.get("clockId").asText()).isEqualTo("CUSTOMER_UPDATE#1");
        assertThat(update.get("dueAt").asText()).isEqualTo("2024-05-20T13:30:00Z");
        assertThat(sla.get("clocks")).hasSize(2);
    }

    @Test
    void a_contact_to_the_customer_fulfils_the_first_response_in_time() {
        String id = open();
        http.post().uri("/api/v1/tickets/" + id + "/contacts").headers(h -> h.setBearerAuth(agent))
                .bodyValue(Map.of("channel", "PHONE", "direction", "OUTBOUND", "summary", "technician will come"))
                .exchange().expectStatus().isOk();

        JsonNode first = sla(id, token("acme", "AUDITOR")).at("/clocks/0");

        assertThat(first.get("state").asText()).isEqualTo("FULFILLED");
        assertThat(first.get("met").asBoolean()).isTrue();
        assertThat(kinds(first)).contains("FULFILLED");
    }

    @Test
    void another_tenants_ticket_and_a_missing_one_are_404_and_a_role_without_ticket_reading_is_403() {
        String id = open();
        for (String uri : List.of("/api/v1/tickets/" + id + "/sla", "/api/v1/tickets/no-such-ticket/sla")) {
            String token = uri.contains("no-such") ? agent : token("nimbus", "AGENT", "AUDITOR");
            http.get().uri(uri).headers(h -> h.setBearerAuth(token)).exchange()
                    .expectStatus().isNotFound().expectHeader().contentType("application/problem+json")
                    .expectBody().jsonPath("$.code").isEqualTo("TICKET_NOT_FOUND");
        }
        http.get().uri("/api/v1/tickets/" + id + "/sla").headers(h -> h.setBearerAuth(token("acme", "PII_READER")))
                .exchange().expectStatus().isForbidden().expectHeader().contentType("application/problem+json");
    }

    private static List<String> kinds(JsonNode clock) {
        List<String> kinds = new ArrayList<>();
        clock.get("explanation").forEach(step -> kinds.add(step.get("kind").asText()));
        return kinds;
    }
}
