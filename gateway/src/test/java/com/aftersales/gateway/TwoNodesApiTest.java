package com.aftersales.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftersales.infra.mongo.EmbeddedMongo;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Two nodes sharing one store: the second is given the first's embedded MongoDB as its URI, as an
 * operator would scale out. A stale aggregate cache on either node must never refuse a correct
 * request, and concurrent changes split over both nodes must neither fail with 5xx nor get lost.
 */
class TwoNodesApiTest {

    private static ConfigurableApplicationContext first;
    private static ConfigurableApplicationContext second;
    private static WebTestClient nodeA;
    private static WebTestClient nodeB;
    private static final String AGENT = ApiTestSupport.token("acme", "AGENT");

    @BeforeAll
    static void startTwoNodes() throws java.io.IOException {
        // both nodes sign audit checkpoints with one configured key, as in production (docs/audit.md)
        java.nio.file.Path keys = java.nio.file.Files.createTempDirectory("audit-keys").resolve("keys.json");
        com.aftersales.infra.audit.SigningKeys.development(keys);
        keys.toFile().deleteOnExit();
        // and encrypt personal data under one configured master key (docs/privacy.md)
        byte[] masterKey = new byte[32];
        new java.security.SecureRandom().nextBytes(masterKey);
        String master = java.util.Base64.getEncoder().encodeToString(masterKey);
        first = node(Map.of("aftersales.mongo.embedded.backend", "memory", "aftersales.audit.signing.jwk-set-file", keys,
                "aftersales.privacy.master-key", master));
        String uri = first.getBean(EmbeddedMongo.class).connectionString();
        second = node(Map.of("aftersales.mongo.uri", uri, "aftersales.audit.signing.jwk-set-file", keys,
                "aftersales.privacy.master-key", master));
        nodeA = client(first);
        nodeB = client(second);
    }

    private static ConfigurableApplicationContext node(Map<String, Object> storage) {
        Map<String, Object> properties = new java.util.HashMap<>(storage);
        properties.put("server.port", 0);
        properties.put("spring.jmx.enabled", false);
        properties.put("aftersales.security.issuers[0].issuer-uri", ApiTestSupport.ISSUERS.issuerUrl("shared").toString());
        properties.put("aftersales.security.issuers[0].jwk-set-uri", ApiTestSupport.ISSUERS.jwksUrl("shared").toString());
        // as command-line arguments: they outrank application.yml, default properties would not
        String[] arguments = properties.entrySet().stream().map(p -> "--" + p.getKey() + "=" + p.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(AftersalesApplication.class).run(arguments);
    }

    private static WebTestClient client(ConfigurableApplicationContext node) {
        int port = ((WebServerApplicationContext) node).getWebServer().getPort();
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(30)).build();
    }

    @AfterAll
    static void stop() {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
    }

    private static String register(WebTestClient node) {
        return node.post().uri("/api/v1/tickets").headers(h -> h.setBearerAuth(AGENT))
                .bodyValue(TicketRequests.airConditionerRepair()).exchange()
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asText();
    }

    private static EntityExchangeResult<JsonNode> logContact(WebTestClient node, String ticketId, String ifMatch, int n) {
        return node.post().uri("/api/v1/tickets/" + ticketId + "/contacts").headers(h -> {
                    h.setBearerAuth(AGENT);
                    if (ifMatch != null) {
                        h.setIfMatch(ifMatch);
                    }
                }).bodyValue(Map.of("channel", "PHONE", "direction", "OUTBOUND", "summary", "call " + n))
                .exchange().expectBody(JsonNode.class).returnResult();
    }

    @Test
    void fresh_etags_sent_alternately_to_both_nodes_are_always_accepted() {
        String ticketId = register(nodeA);
        String etag = nodeA.get().uri("/api/v1/tickets/" + ticketId).headers(h -> h.setBearerAuth(AGENT)).exchange()
                .expectStatus().isOk().returnResult(JsonNode.class).getResponseHeaders().getETag();
        for (int call = 0; call < 30; call++) {
            EntityExchangeResult<JsonNode> answer = logContact(call % 2 == 0 ? nodeA : nodeB, ticketId, etag, call);
            assertThat(answer.getStatus().value()).as("call %d with the fresh ETag %s: %s", call, etag,
                    answer.getResponseBody()).isEqualTo(200);
            etag = answer.getResponseHeaders().getETag();
        }
    }

    @Test
    void parallel_changes_split_over_both_nodes_never_fail_and_none_is_lost() throws Exception {
        String ticketId = register(nodeB);
        ExecutorService clients = Executors.newFixedThreadPool(8);
        List<Future<Integer>> statuses = new ArrayList<>();
        for (int call = 0; call < 40; call++) {
            int n = call;
            Callable<Integer> request = () -> logContact(n % 2 == 0 ? nodeA : nodeB, ticketId, null, n).getStatus().value();
            statuses.add(clients.submit(request));
        }
        List<Integer> answered = new ArrayList<>();
        for (Future<Integer> status : statuses) {
            answered.add(status.get());
        }
        clients.shutdown();

        assertThat(answered).as("only success or a 409 problem after retries").allMatch(s -> s == 200 || s == 409);
        long accepted = answered.stream().filter(s -> s == 200).count();
        assertThat(accepted).as("retries absorb ordinary contention").isGreaterThanOrEqualTo(30);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(contactsLogged(ticketId)).as("every accepted change is stored once, no refused one")
                        .isEqualTo(accepted));
    }

    /** Contacts in the whole process log, page by page. */
    private static long contactsLogged(String ticketId) {
        long logged = 0;
        String page = "/api/v1/tickets/" + ticketId + "/timeline";
        while (page != null) {
            JsonNode timeline = nodeA.get().uri(page).headers(h -> h.setBearerAuth(AGENT))
                    .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
            for (JsonNode entry : timeline.get("items")) {
                logged += "ContactLogged".equals(entry.get("kind").asText()) ? 1 : 0;
            }
            page = timeline.get("hasMore").asBoolean()
                    ? "/api/v1/tickets/" + ticketId + "/timeline?cursor=" + timeline.get("nextCursor").asText() : null;
        }
        return logged;
    }

    @Test
    void a_tenant_onboarded_and_configured_through_one_node_applies_on_the_other_without_a_restart() {
        String platform = ApiTestSupport.token(null, "PLATFORM_ADMIN");
        nodeA.post().uri("/api/v1/admin/tenants").headers(h -> h.setBearerAuth(platform))
                .bodyValue(Map.of("id", "twin", "nameEn", "Twin Appliances", "timeZone", "Asia/Shanghai"))
                .exchange().expectStatus().isCreated();
        String agent = ApiTestSupport.token("twin", "AGENT");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> nodeB.get().uri("/api/v1/tickets")
                .headers(h -> h.setBearerAuth(agent)).exchange().returnResult(String.class).getStatus().value() == 200);

        Map<String, Object> configuration = Map.of("ticketTypes", java.util.List.of("repair", "on-site-check"),
                "priorityScheme", "P0_P2", "compensationCapPercent", 10);
        nodeA.put().uri("/api/v1/tenant/configuration").headers(h -> {
            h.setBearerAuth(ApiTestSupport.token("twin", "TENANT_ADMIN"));
            h.setIfMatch("\"1\"");
        }).bodyValue(configuration).exchange().expectStatus().isOk();
        Map<String, Object> ticket = new java.util.HashMap<>(TicketRequests.airConditionerRepair());
        ticket.put("type", "on-site-check");
        ticket.put("priority", "P1");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> nodeB.post().uri("/api/v1/tickets")
                .headers(h -> h.setBearerAuth(agent)).bodyValue(ticket).exchange()
                .returnResult(String.class).getStatus().value() == 201);
    }

    @Test
    void the_configured_tenants_were_migrated_once_although_two_nodes_started() {
        var events = first.getBean(org.axonframework.eventsourcing.eventstore.EventStore.class);
        assertThat(events.readEvents("acme").asStream().count()).isEqualTo(2);
        assertThat(events.readEvents("nimbus").asStream().count()).isEqualTo(2);
    }
}
