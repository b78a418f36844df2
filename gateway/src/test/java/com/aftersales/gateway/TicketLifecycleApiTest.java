package com.aftersales.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

/** Worked example 1 from intake to the technician confirming receipt, through the real HTTP stack. */
class TicketLifecycleApiTest extends ApiTestSupport {

    private String open(String token) {
        return http.post().uri("/api/v1/tickets").headers(h -> h.setBearerAuth(token))
                .bodyValue(TicketRequests.airConditionerRepair()).exchange()
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                .get("id").asText();
    }

    private JsonNode task(String token, String ticketId, String task, String ifMatch, Object body) {
        var request = http.post().uri("/api/v1/tickets/" + ticketId + "/" + task).headers(h -> {
            h.setBearerAuth(token);
            if (ifMatch != null) {
                h.setIfMatch(ifMatch);
            }
        });
        var response = body == null ? request.exchange() : request.bodyValue(body).exchange();
        return response.expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    @Test
    void example_1_is_acknowledged_assigned_to_a_senior_technician_and_accepted() {
        String agent = token("acme", "AGENT");
        String technician = token("acme", "HANDLER", "SENIOR"); // subject acme-handler-senior
        String ticketId = open(agent);

        String etag = http.get().uri("/api/v1/tickets/" + ticketId).headers(h -> h.setBearerAuth(agent)).exchange()
                .expectStatus().isOk().expectHeader().valueEquals(HttpHeaders.ETAG, "\"2\"") // with its two clocks started
                .returnResult(String.class).getResponseHeaders().getETag();

        JsonNode acknowledged = task(agent, ticketId, "acknowledgement", etag,
                Map.of("promisedResponseBy", "2024-05-21T01:30:00Z", "channel", "PHONE"));
        assertThat(acknowledged.at("/acknowledgement/promisedResponseBy").asText()).isEqualTo("2024-05-21T01:30:00Z");
        assertThat(acknowledged.get("version").asLong()).isEqualTo(3);

        JsonNode assigned = task(agent, ticketId, "assignment", "\"3\"",
                Map.of("department", "technical", "assigneeId", "acme-handler-senior"));
        assertThat(assigned.get("status").asText()).isEqualTo("ASSIGNED");
        assertThat(assigned.at("/assignment/assigneeId").asText()).isEqualTo("acme-handler-senior");

        JsonNode accepted = task(technician, ticketId, "acceptance", null, null);
        assertThat(accepted.get("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(accepted.get("version").asLong()).as("the acceptance and the escalation clock it starts").isEqualTo(6);
    }

    /** An If-Match must not tell another tenant whether the ticket exists: 404 whatever version it names. */
    @Test
    void another_tenants_if_match_is_answered_as_a_missing_ticket() {
        String ticketId = open(token("acme", "AGENT"));
        String other = token("nimbus", "AGENT");
        for (String version : List.of("\"0\"", "\"7\"")) {
            http.post().uri("/api/v1/tickets/" + ticketId + "/acknowledgement").headers(h -> {
                        h.setBearerAuth(other);
                        h.setIfMatch(version);
                    }).bodyValue(Map.of("promisedResponseBy", "2024-05-21T01:30:00Z", "channel", "PHONE")).exchange()
                    .expectStatus().isNotFound().expectBody().jsonPath("$.code").isEqualTo("TICKET_NOT_FOUND");
        }
    }

    @Test
    void a_stale_if_match_is_412_and_changes_nothing() {
        String agent = token("acme", "AGENT");
        String ticketId = open(agent);
        task(agent, ticketId, "classification", "\"2\"", Map.of("type", "repair", "priority", "normal"));

        http.put().uri("/api/v1/tickets/" + ticketId + "/marks").headers(h -> {
                    h.setBearerAuth(agent);
                    h.setIfMatch("\"0\"");
                }).bodyValue(Map.of("marks", List.of("VIP"))).exchange()
                .expectStatus().isEqualTo(412)
                .expectBody().jsonPath("$.code").isEqualTo("VERSION_MISMATCH");
        http.get().uri("/api/v1/tickets/" + ticketId).headers(h -> h.setBearerAuth(agent)).exchange()
                .expectBody().jsonPath("$.marks").isEmpty()
                .jsonPath("$.version").isEqualTo(5); // classified, its two clocks re-targeted from urgent to normal
    }

    @Test
    void refusals_of_the_lifecycle_are_clear_errors() {
        String agent = token("acme", "AGENT");
        String ticketId = open(agent);
        http.post().uri("/api/v1/tickets/" + ticketId + "/acceptance").headers(h -> h.setBearerAuth(token("acme", "HANDLER")))
                .exchange().expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("TICKET_STATE_CONFLICT").jsonPath("$.status").isEqualTo(409);
        http.post().uri("/api/v1/tickets/" + ticketId + "/classification").headers(h -> h.setBearerAuth(token("acme", "HANDLER")))
                .bodyValue(Map.of("type", "repair", "priority", "low")).exchange()
                .expectStatus().isForbidden().expectBody().jsonPath("$.code").isEqualTo("ROLE_NOT_ALLOWED");
        http.post().uri("/api/v1/tickets/" + ticketId + "/classification").headers(h -> h.setBearerAuth(token("acme", "AUDITOR")))
                .bodyValue(Map.of("type", "repair", "priority", "low")).exchange()
                .expectStatus().isForbidden();
        http.post().uri("/api/v1/tickets/" + ticketId + "/classification").headers(h -> h.setBearerAuth(token("nimbus", "AGENT")))
                .bodyValue(Map.of("type", "complaint", "priority", "P0")).exchange()
                .expectStatus().isNotFound().expectBody().jsonPath("$.code").isEqualTo("TICKET_NOT_FOUND");
        http.post().uri("/api/v1/tickets/" + ticketId + "/classification").headers(h -> {
                    h.setBearerAuth(agent);
                    h.setIfMatch("yesterday");
                }).bodyValue(Map.of("type", "repair", "priority", "low")).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("IF_MATCH_INVALID");
        http.post().uri("/api/v1/tickets/" + ticketId + "/classification").headers(h -> {
                    h.setBearerAuth(agent);
                    h.setIfMatch("W/\"0\"");
                }).bodyValue(Map.of("type", "repair", "priority", "low")).exchange()
                .expectStatus().isEqualTo(412).expectBody().jsonPath("$.code").isEqualTo("VERSION_MISMATCH");
        http.post().uri("/api/v1/tickets/" + ticketId + "/assignment").headers(h -> h.setBearerAuth(agent))
                .bodyValue(Map.of("department", "technical")).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("assigneeId");
    }
}
