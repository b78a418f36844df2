package com.aftersales.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.aftersales.infra.tenancy.TenantDirectory;
import com.aftersales.sla.SlaMetric;
import com.aftersales.sla.SlaPolicy;
import com.aftersales.sla.SlaSettings;
import com.aftersales.sla.SlaTarget;
import com.aftersales.sla.TenantSlaSettings;
import com.aftersales.sla.WorkingCalendar;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The SLA clocks' durable timers in the real service on the real clock: a first response due 4 s
 * after registration (the policy through the {@link SlaSettings} port) is warned at 2 s and breached
 * at 4 s, each recorded once on the ticket by the timer; and a deadline that passes while no node
 * runs is recorded when a node starts again on the same store file.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SlaTimersApiTest {

    static final Duration FIRST_RESPONSE = Duration.ofSeconds(4);
    private static final String AGENT = ApiTestSupport.token("acme", "AGENT");
    private static Path data;
    private static ConfigurableApplicationContext node;

    /** Every level's first response within {@link #FIRST_RESPONSE}, warning at half of it; the tenant's calendar. */
    @Configuration
    static class ShortFirstResponse {
        @Bean
        @Primary
        SlaSettings shortFirstResponse(TenantDirectory tenants) {
            TenantSlaSettings tenantSettings = new TenantSlaSettings(tenants);
            return new SlaSettings() {
                @Override
                public SlaPolicy policy(String tenantId) {
                    Map<String, Map<SlaMetric, SlaTarget>> levels = new LinkedHashMap<>();
                    tenantSettings.policy(tenantId).levelNames().forEach(level ->
                            levels.put(level, Map.of(SlaMetric.FIRST_RESPONSE, SlaTarget.calendar(FIRST_RESPONSE))));
                    return new SlaPolicy("short-first-response", levels, 50);
                }

                @Override
                public WorkingCalendar calendar(String tenantId) {
                    return tenantSettings.calendar(tenantId);
                }
            };
        }
    }

    @BeforeAll
    static void start() throws Exception {
        data = Files.createTempDirectory("sla-timers");
        node = node();
    }

    static ConfigurableApplicationContext node() {
        Map<String, Object> properties = new java.util.HashMap<>();
        properties.put("server.port", 0);
        properties.put("spring.jmx.enabled", false);
        properties.put("aftersales.mongo.embedded.backend", "h2");
        properties.put("aftersales.mongo.embedded.data-dir", data.toString());
        properties.put("aftersales.sla.timers.tick-interval", "200ms");
        properties.put("aftersales.security.issuers[0].issuer-uri", ApiTestSupport.ISSUERS.issuerUrl("shared").toString());
        properties.put("aftersales.security.issuers[0].jwk-set-uri", ApiTestSupport.ISSUERS.jwksUrl("shared").toString());
        String[] arguments = properties.entrySet().stream().map(p -> "--" + p.getKey() + "=" + p.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(AftersalesApplication.class, ShortFirstResponse.class).run(arguments);
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    static WebTestClient client() {
        int port = ((WebServerApplicationContext) node).getWebServer().getPort();
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(30)).build();
    }

    static String register() {
        return client().post().uri("/api/v1/tickets").headers(h -> h.setBearerAuth(AGENT))
                .bodyValue(TicketRequests.airConditionerRepair()).exchange()
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asText();
    }

    static JsonNode timeline(String ticketId) {
        return client().get().uri("/api/v1/tickets/" + ticketId + "/timeline?limit=200")
                .headers(h -> h.setBearerAuth(AGENT)).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    /** The kinds of the ticket's process log entries recorded by the timer, with their clock or escalation level. */
    static List<String> recordedByTimer(String ticketId) {
        List<String> kinds = new ArrayList<>();
        for (JsonNode entry : timeline(ticketId).get("items")) {
            if ("sla-timer".equals(entry.path("by").asText())) {
                kinds.add(entry.get("kind").asText() + " " + entry.at("/details/clockId").asText()
                        + entry.at("/details/to").asText());
            }
        }
        return kinds;
    }

    @Test
    @Order(1)
    void a_first_response_not_given_in_time_is_warned_then_breached_and_escalated_once_by_the_timer() throws InterruptedException {
        String ticketId = register();

        // urgent is the highest level: the breach goes to the department head at once
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(recordedByTimer(ticketId))
                .containsExactly("SlaClockWarned FIRST_RESPONSE#1", "SlaClockBreached FIRST_RESPONSE#1",
                        "TicketEscalated MANAGER"));
        Thread.sleep(1_000); // more ticks: nothing twice
        assertThat(recordedByTimer(ticketId)).hasSize(3);
        JsonNode escalation = timeline(ticketId).findValues("details").stream()
                .filter(details -> details.has("to")).findFirst().orElseThrow();
        assertThat(escalation.get("reason").asText()).startsWith("SLA breached: FIRST_RESPONSE#1 (urgent) was due ");
        var breaches = node.getBean(io.micrometer.core.instrument.MeterRegistry.class)
                .find(com.aftersales.sla.SlaOutcomeMeters.NAME)
                .tags("tenant", "acme", "priority", "urgent", "metric", "FIRST_RESPONSE", "outcome", "breached").counter();
        assertThat(breaches).as("the Prometheus counter of breaches").isNotNull();
        assertThat(breaches.count()).isGreaterThanOrEqualTo(1);
    }

    @Test
    @Order(2)
    void a_deadline_passed_while_no_node_ran_is_recorded_when_one_starts_on_the_same_store() throws InterruptedException {
        String ticketId = register();
        node.close();
        Thread.sleep(FIRST_RESPONSE.plusSeconds(1).toMillis());

        node = node();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(recordedByTimer(ticketId))
                .containsExactly("SlaClockWarned FIRST_RESPONSE#1", "SlaClockBreached FIRST_RESPONSE#1",
                        "TicketEscalated MANAGER"));
    }
}
