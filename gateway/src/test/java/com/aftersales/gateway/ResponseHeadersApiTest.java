package com.aftersales.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/** Caching headers: the version as ETag from the first answer on, and Vary where bodies depend on PII rights. */
class ResponseHeadersApiTest extends ApiTestSupport {

    private org.springframework.test.web.reactive.server.WebTestClient patient;

    /** The machine may be busy: more than WebTestClient's 5 s default. */
    private org.springframework.test.web.reactive.server.WebTestClient client() {
        if (patient == null) {
            patient = http.mutate().responseTimeout(java.time.Duration.ofSeconds(30)).build();
        }
        return patient;
    }

    final String agent = token("acme", "AGENT");

    @Test
    void a_registration_answers_the_tickets_version_as_etag_like_a_read() {
        EntityExchangeResult<JsonNode> created = client().post().uri("/api/v1/tickets").headers(h -> h.setBearerAuth(agent))
                .bodyValue(TicketRequests.airConditionerRepair()).exchange()
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult();
        String etag = created.getResponseHeaders().getETag();
        assertThat(etag).as("registered with its two SLA clocks started").isEqualTo("\"2\"");
        String location = created.getResponseHeaders().getFirst(HttpHeaders.LOCATION);
        client().get().uri(location).headers(h -> h.setBearerAuth(agent)).exchange()
                .expectStatus().isOk().expectHeader().valueEquals(HttpHeaders.ETAG, etag);
        client().post().uri(location + "/classification").headers(h -> {
                    h.setBearerAuth(agent);
                    h.setIfMatch(etag);
                }).bodyValue(Map.of("type", "repair", "priority", "normal")).exchange()
                .expectStatus().isOk().expectHeader().valueEquals(HttpHeaders.ETAG, "\"5\""); // and both re-targeted
    }

    @Test
    void answers_that_differ_by_pii_rights_vary_by_authorization() {
        String location = client().post().uri("/api/v1/tickets").headers(h -> h.setBearerAuth(agent))
                .bodyValue(TicketRequests.airConditionerRepair()).exchange()
                .expectStatus().isCreated().expectHeader().value(HttpHeaders.VARY, vary -> assertThat(vary).contains("Authorization"))
                .expectBody(byte[].class).returnResult().getResponseHeaders().getFirst(HttpHeaders.LOCATION);
        for (String uri : new String[] {location, location + "/timeline", "/api/v1/tickets?limit=1"}) {
            for (String token : new String[] {agent, token("acme", "AUDITOR", "PII_READER")}) {
                HttpHeaders headers = client().get().uri(uri).headers(h -> h.setBearerAuth(token)).exchange()
                        .expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseHeaders();
                assertThat(headers.getVary()).as(uri).contains(HttpHeaders.AUTHORIZATION);
            }
        }
        HttpHeaders task = client().post().uri(location + "/acknowledgement").headers(h -> h.setBearerAuth(agent))
                .bodyValue(Map.of("promisedResponseBy", "2024-05-21T01:30:00Z", "channel", "PHONE")).exchange()
                .expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseHeaders();
        assertThat(task.getVary()).contains(HttpHeaders.AUTHORIZATION);
    }
}
