package com.aftersales.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

/** Caching headers: Vary where bodies depend on PII rights. */
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
    void answers_that_differ_by_pii_rights_vary_by_authorization() {
        String location = client().post().uri("/api/v1/tickets").headers(h -> h.setBearerAuth(agent))
                .bodyValue(TicketRequests.airConditionerRepair()).exchange()
                .expectStatus().isCreated().expectHeader().value(HttpHeaders.VARY, vary -> assertThat(vary).contains("Authorization"))
                .returnResult(String.class).getResponseHeaders().getFirst(HttpHeaders.LOCATION);
        for (String uri : new String[] {location, location + "/timeline", "/api/v1/tickets?limit=1"}) {
            for (String token : new String[] {agent, token("acme", "AUDITOR", "PII_READER")}) {
                HttpHeaders headers = client().get().uri(uri).headers(h -> h.setBearerAuth(token)).exchange()
                        .expectStatus().isOk().returnResult(String.class).getResponseHeaders();
                assertThat(headers.getVary()).as(uri).contains(HttpHeaders.AUTHORIZATION);
            }
        }
        HttpHeaders task = client().post().uri(location + "/acknowledgement").headers(h -> h.setBearerAuth(agent))
                .bodyValue(Map.of("promisedResponseBy", "2024-05-21T01:30:00Z", "channel", "PHONE")).exchange()
                .expectStatus().isOk().returnResult(String.class).getResponseHeaders();
        assertThat(task.getVary()).contains(HttpHeaders.AUTHORIZATION);
    }
}
