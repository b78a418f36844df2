package com.aftersales.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftersales.gateway.security.DevelopmentIssuer;
import com.aftersales.gateway.security.DevelopmentTenants;
import com.aftersales.tenant.TenantEvents.TenantRegistered;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The quickstart: with the opt-in (and the embedded MongoDB) the development issuer's tokens get in,
 * and its demo tenants are registered through the tenant commands. The profile development-tenants
 * leaves out the test suite's configured tenants of the same ids.
 */
@ActiveProfiles({"test", "development-tenants"})
@DirtiesContext // its own context: close it rather than keep its processors busy during other tests
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "aftersales.security.development-issuer.enabled=true")
class DevelopmentIssuerApiTest {

    @Autowired
    WebTestClient http;

    @Autowired
    DevelopmentIssuer issuer;

    @Autowired
    EventStore events;

    @DynamicPropertySource
    static void issuerPort(DynamicPropertyRegistry registry) {
        registry.add("aftersales.security.development-issuer.port", DevelopmentIssuerApiTest::freePort);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String clientCredentials(String clientId) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(issuer.tokenUri()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "grant_type=client_credentials&client_id=" + clientId + "&client_secret=dev"))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return new ObjectMapper().readTree(response.body()).get("access_token").asText();
    }

    @Test
    void a_token_of_the_development_issuer_gets_in() throws Exception {
        assertThat(issuer.issuerUri()).doesNotContain(":8090/");
        String token = clientCredentials("acme-agent");
        http.mutate().responseTimeout(Duration.ofSeconds(30)).build() // may be the first request, on a busy machine
                .get().uri("/api/v1/tickets").headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk();
    }

    @Test
    void the_demo_tenants_come_from_the_admin_api_and_a_tenant_registered_later_gets_tokens_too() throws Exception {
        WebTestClient patient = http.mutate().responseTimeout(Duration.ofSeconds(30)).build();
        String platform = clientCredentials("platform-admin");
        for (String demo : List.of("acme", "nimbus")) {
            patient.get().uri("/api/v1/admin/tenants/" + demo).headers(h -> h.setBearerAuth(platform)).exchange()
                    .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("ACTIVE");
            assertThat(registeredBy(demo)).isEqualTo(DevelopmentTenants.ACTOR);
        }
        patient.post().uri("/api/v1/admin/tenants").headers(h -> h.setBearerAuth(platform))
                .bodyValue(java.util.Map.of("id", "wayne", "nameEn", "Wayne Enterprises", "nameZh", "韦恩企业",
                        "timeZone", "Asia/Hong_Kong", "priorityPreset", "P0_P2"))
                .exchange().expectStatus().isCreated();
        assertThat(registeredBy("wayne")).isEqualTo("platform-admin");
        String agent = clientCredentials("wayne-senior-handler");
        patient.get().uri("/api/v1/tickets").headers(h -> h.setBearerAuth(agent)).exchange().expectStatus().isOk();
        String nobody = clientCredentials("wayne-janitor");
        patient.get().uri("/api/v1/tickets").headers(h -> h.setBearerAuth(nobody)).exchange().expectStatus().isForbidden();
    }

    /** The actor of the tenant's first event, as stored. */
    private String registeredBy(String tenantId) {
        return events.readEvents(tenantId).asStream().map(event -> event.getPayload())
                .filter(TenantRegistered.class::isInstance).map(TenantRegistered.class::cast)
                .findFirst().orElseThrow().by();
    }
}
