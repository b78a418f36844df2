package com.aftersales.gateway;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/**
 * A new configuration may not drop a priority level or a ticket type that open tickets still carry:
 * the ticket rules read the configuration in force, and such a ticket would rank nowhere.
 */
class TenantReconfigurationApiTest extends ApiTestSupport {

    private static Map<String, Object> configuration(List<String> types, String scheme) {
        Map<String, Object> configuration = new LinkedHashMap<>();
        configuration.put("ticketTypes", types);
        configuration.put("complaintTypes", List.of("complaint"));
        configuration.put("priorityScheme", scheme);
        configuration.put("compensationCapPercent", 30);
        configuration.put("departments", List.of(Map.of("code", "technical", "nameZh", "技术部", "nameEn", "Technical")));
        return configuration;
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec configure(String admin,
                                                                                            Map<String, Object> body) {
        String etag = http.get().uri("/api/v1/tenant").headers(h -> h.setBearerAuth(admin)).exchange()
                .expectStatus().isOk().returnResult(String.class).getResponseHeaders().getETag();
        return http.put().uri("/api/v1/tenant/configuration").headers(h -> {
            h.setBearerAuth(admin);
            h.set("If-Match", etag);
        }).bodyValue(body).exchange();
    }

    @Test
    void a_change_dropping_a_priority_level_or_type_of_open_tickets_is_refused_with_the_field_and_count() {
        http.post().uri("/api/v1/admin/tenants").headers(h -> h.setBearerAuth(token(null, "PLATFORM_ADMIN")))
                .bodyValue(Map.of("id", "reconf", "nameEn", "Reconf")).exchange().expectStatus().isCreated();
        String admin = token("reconf", "TENANT_ADMIN");
        http.post().uri("/api/v1/tickets").headers(h -> h.setBearerAuth(token("reconf", "AGENT")))
                .bodyValue(TicketRequests.airConditionerRepair()).exchange().expectStatus().isCreated(); // repair, urgent
        awaitSearchIndex();
        List<String> allTypes = List.of("repair", "inquiry", "complaint", "return-exchange", "other");

        configure(admin, configuration(allTypes, "P0_P2")).expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY)
                .expectBody().jsonPath("$.code").isEqualTo("TENANT_CONFIGURATION_INVALID")
                .jsonPath("$.field").isEqualTo("priorityScheme").jsonPath("$.value").isEqualTo("urgent")
                .jsonPath("$.openTickets").isEqualTo(1)
                .jsonPath("$.detail").isEqualTo("The configuration is not valid: priorityScheme.");
        configure(admin, configuration(List.of("inquiry", "complaint", "other"), "URGENT_NORMAL_LOW"))
                .expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY)
                .expectBody().jsonPath("$.field").isEqualTo("ticketTypes").jsonPath("$.value").isEqualTo("repair")
                .jsonPath("$.openTickets").isEqualTo(1);
        // what no open ticket uses may go
        configure(admin, configuration(List.of("repair", "complaint", "other"), "URGENT_NORMAL_LOW"))
                .expectStatus().isOk().expectBody().jsonPath("$.configurationVersion").isEqualTo(2);
    }
}
