package com.aftersales.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.TestPropertySource;

/**
 * A projection that fails on an event dead-letters it: the ticket's view stops at the last good
 * version instead of skipping the event, health is DOWN, and after the cause is fixed a platform
 * operator's retry applies the held events in order.
 */
@TestPropertySource(properties = "aftersales.api.read-your-writes-timeout=1s")
class DeadLettersApiTest extends ApiTestSupport {

    static final String VIEWS = "ticket-views";

    @TestConfiguration
    static class Faults {
        @Bean
        BrokenViews brokenViews() {
            return new BrokenViews();
        }
    }

    @Autowired
    BrokenViews broken;

    final String agent = token("acme", "AGENT");
    final String admin = token(null, "PLATFORM_ADMIN");

    @BeforeEach
    void patientClient() {
        // a fresh context on a busy machine: the first commands can take longer than the default 5 s
        http = http.mutate().responseTimeout(Duration.ofSeconds(30)).build();
    }

    @Test
    void a_failed_view_update_holds_back_its_ticket_until_a_retry_after_the_fix_applies_it_in_order() {
        String failing = open();
        String other = open();
        // registration is 0-2 (two SLA clocks started); the classification 3, its two re-targeted clocks 4 and 5
        broken.events.add(failing + "/3");

        change(failing, "classification", "\"2\"", Map.of("type", "repair", "priority", "normal"));
        change(failing, "marks", "\"5\"", Map.of("marks", List.of("VIP")));
        change(other, "classification", "\"2\"", Map.of("type", "repair", "priority", "normal"));

        // the other ticket's change was the last event: once it shows, the failing ticket's were handled
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().alias("other tickets go on")
                .until(() -> ticket(other).get("version").asLong() == 5);
        JsonNode view = ticket(failing);
        assertThat(view.get("version").asLong()).as("the view does not move past the failed event").isEqualTo(2);
        assertThat(view.get("marks")).isEmpty();
        await().atMost(Duration.ofSeconds(20)).until(() -> letters(VIEWS) == 4);
        assertHealth(503, "DOWN");

        JsonNode listing = list();
        assertThat(listing.get("total").asLong()).as("the classification, its two re-targeted clocks, the marks")
                .isEqualTo(4);
        assertThat(group(listing, "ticket-timeline").get("letters").asLong()).as("the process log is unaffected").isZero();
        JsonNode sequence = group(listing, VIEWS).get("sequences").get(0);
        assertThat(sequence.get("sequenceIdentifier").asText()).isEqualTo(failing);
        JsonNode failed = sequence.get("letters").get(0);
        assertThat(failed.get("messageType").asText()).isEqualTo("com.aftersales.ticket.LifecycleEvents$TicketClassified");
        assertThat(failed.get("sequenceNumber").asLong()).isEqualTo(3);
        assertThat(failed.get("causeType").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(failed.get("enqueuedAt").asText()).isNotBlank();
        JsonNode waiting = sequence.get("letters").get(1);
        assertThat(waiting.get("sequenceNumber").asLong()).isEqualTo(4);
        assertThat(waiting.has("causeType")).as("queued behind the failed event, never tried").isFalse();
        assertThat(listing.toString()).as("no ticket contents").doesNotContain("13800005678", "张*", "refused the write");

        assertThat(retry().get("processed").asLong()).as("the cause is still there").isZero();
        assertThat(letters(VIEWS)).isEqualTo(4);

        broken.events.clear();
        JsonNode retried = retry();
        assertThat(retried.get("processed").asLong()).isEqualTo(4);
        assertThat(retried.get("remaining").asLong()).isZero();
        view = ticket(failing);
        assertThat(view.get("version").asLong()).isEqualTo(6);
        assertThat(view.get("priority").asText()).isEqualTo("normal");
        assertThat(view.get("marks")).extracting(JsonNode::asText).containsExactly("VIP");
        assertHealth(200, "UP");
    }

    @Test
    void only_platform_operators_see_dead_letters_and_an_unknown_group_is_a_problem() {
        http.get().uri("/api/v1/admin/dead-letters").headers(h -> h.setBearerAuth(token("acme", "TENANT_ADMIN")))
                .exchange().expectStatus().isForbidden();
        http.post().uri("/api/v1/admin/dead-letters/ticket-views/retry").exchange().expectStatus().isUnauthorized();
        http.post().uri("/api/v1/admin/dead-letters/no-such-group/retry").headers(h -> h.setBearerAuth(admin))
                .exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("PROCESSING_GROUP_UNKNOWN")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("ticket-views"));
        http.post().uri("/api/v1/admin/dead-letters/no-such-group/retry")
                .headers(h -> {
                    h.setBearerAuth(admin);
                    h.set("Accept-Language", "zh-CN");
                })
                .exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.title").isEqualTo("未知的处理组");
    }

    private String open() {
        return http.post().uri("/api/v1/tickets").headers(h -> h.setBearerAuth(agent))
                .bodyValue(TicketRequests.airConditionerRepair()).exchange()
                .expectStatus().value(status -> assertThat(status).isIn(201, 202))
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asText();
    }

    /** A task through the API; a held-back ticket answers 202 (its view did not catch up). */
    private void change(String ticketId, String task, String ifMatch, Object body) {
        var request = task.equals("marks") ? http.put() : http.post();
        request.uri("/api/v1/tickets/" + ticketId + "/" + task).headers(h -> {
                    h.setBearerAuth(agent);
                    h.setIfMatch(ifMatch);
                }).bodyValue(body).exchange()
                .expectStatus().value(status -> assertThat(status).isIn(200, 202));
    }

    private JsonNode ticket(String ticketId) {
        return http.get().uri("/api/v1/tickets/" + ticketId).headers(h -> h.setBearerAuth(agent)).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private JsonNode list() {
        return http.get().uri("/api/v1/admin/dead-letters").headers(h -> h.setBearerAuth(admin)).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private static JsonNode group(JsonNode list, String name) {
        for (JsonNode group : list.get("groups")) {
            if (group.get("processingGroup").asText().equals(name)) {
                return group;
            }
        }
        throw new AssertionError("no processing group " + name + " in " + list);
    }

    private long letters(String group) {
        return group(list(), group).get("letters").asLong();
    }

    private JsonNode retry() {
        return http.post().uri("/api/v1/admin/dead-letters/" + VIEWS + "/retry").headers(h -> h.setBearerAuth(admin))
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private void assertHealth(int status, String deadLetters) {
        http.get().uri("/actuator/health").exchange().expectStatus().isEqualTo(status)
                .expectBody().jsonPath("$.components.deadLetters.status").isEqualTo(deadLetters);
    }
}
