package com.aftersales.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.aftersales.ticket.view.TicketQueries.FindTicket;
import com.aftersales.ticket.view.TicketQueries.WatchTicket;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Task answers: the ETag is the ticket's version after the task (from the ticket itself), and the
 * answer shows the change because the view projection said so, not because the store was polled.
 */
class TaskAnswersApiTest extends ApiTestSupport {

    final String agent = token("acme", "AGENT");
    final String technician = token("acme", "HANDLER", "SENIOR"); // subject acme-handler-senior

    @Autowired
    HeldViews views;
    @Autowired
    QueryBus queryBus;
    @Autowired
    QueryUpdateEmitter emitter;
    @LocalServerPort
    int port;

    private String open() {
        return http.post().uri("/api/v1/tickets").headers(h -> h.setBearerAuth(agent))
                .bodyValue(TicketRequests.airConditionerRepair()).exchange()
                .expectStatus().isCreated().expectHeader().valueEquals(HttpHeaders.ETAG, "\"2\"") // two clocks started
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asText();
    }

    private WebTestClient.ResponseSpec send(WebTestClient client, String token, String ticketId, String task,
                                            String ifMatch, Object body) {
        var request = client.method(task.equals("marks") ? HttpMethod.PUT : HttpMethod.POST)
                .uri("/api/v1/tickets/" + ticketId + "/" + task).headers(h -> {
                    h.setBearerAuth(token);
                    if (ifMatch != null) {
                        h.setIfMatch(ifMatch);
                    }
                });
        return body == null ? request.exchange() : request.bodyValue(body).exchange();
    }

    /** Sends the task with If-Match {@code version} and checks that it answers {@code expected} as ETag and body version. */
    private JsonNode step(String token, String ticketId, String task, long version, Object body, long expected) {
        EntityExchangeResult<JsonNode> answer = send(http, token, ticketId, task, "\"" + version + "\"", body)
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult();
        assertThat(answer.getResponseHeaders().getETag()).as(task).isEqualTo("\"" + expected + "\"");
        assertThat(answer.getResponseBody().get("version").asLong()).as(task).isEqualTo(expected);
        return answer.getResponseBody();
    }

    @Test
    void every_task_answers_its_new_version_as_etag_and_shows_its_change() {
        String id = open(); // version 2: registered, first-response and update clocks started
        assertThat(step(agent, id, "acknowledgement", 2, Map.of("promisedResponseBy", "2024-05-21T01:30:00Z",
                "channel", "PHONE"), 3).at("/acknowledgement/channel").asText()).isEqualTo("PHONE");
        assertThat(step(agent, id, "classification", 3, Map.of("type", "repair", "priority", "low"), 6)
                .get("priority").asText()).as("classified, both clocks re-targeted").isEqualTo("low");
        assertThat(step(agent, id, "marks", 6, Map.of("marks", List.of("VIP")), 7).get("marks"))
                .extracting(JsonNode::asText).containsExactly("VIP");
        assertThat(step(agent, id, "assignment", 7, Map.of("department", "technical",
                "assigneeId", "acme-handler-senior"), 8).get("status").asText()).isEqualTo("ASSIGNED");
        assertThat(step(technician, id, "acceptance", 8, null, 10).get("status").asText())
                .as("accepted, the escalation clock started").isEqualTo("IN_PROGRESS");
        assertThat(step(technician, id, "resolution", 10, Map.of("resolution", "capacitor replaced"), 13)
                .get("status").asText()).as("resolved, the first response and the escalation clock fulfilled")
                .isEqualTo("RESOLVED");
        assertThat(step(agent, id, "verdict", 13, Map.of("accepted", true), 15).get("status").asText())
                .as("closed, the update clock fulfilled").isEqualTo("CLOSED");
        JsonNode surveyed = step(agent, id, "survey", 15, Map.of("satisfaction", "SATISFIED", "responseSpeed", 5,
                "resolutionEffect", 5, "serviceAttitude", 5, "overall", 5, "nps", 9), 17);
        assertThat(surveyed.at("/handling/followUp").asText()).as("two events: survey and thank-you due")
                .isEqualTo("THANK_YOU_DUE");
        step(agent, id, "contacts", 17, Map.of("channel", "PHONE", "direction", "OUTBOUND", "summary", "thanked"), 18);

        send(http, agent, id, "follow-up-call", "\"17\"", Map.of("summary", "thanked")).expectStatus().isEqualTo(412)
                .expectBody().jsonPath("$.code").isEqualTo("VERSION_MISMATCH");
        http.get().uri("/api/v1/tickets/" + id).headers(h -> h.setBearerAuth(agent)).exchange()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"18\"")
                .expectBody().jsonPath("$.handling.followUp").isEqualTo("THANK_YOU_DUE");
    }

    /** A poller would have read the lagging view while it was held; the answer waits for the projection's notice. */
    @Test
    void the_answer_waits_for_the_projections_notice_and_then_reads_the_view_once() throws Exception {
        String id = open();
        AtomicInteger reads = new AtomicInteger();
        var counting = queryBus.registerHandlerInterceptor((unitOfWork, chain) -> {
            if (unitOfWork.getMessage().getPayload() instanceof FindTicket find && find.ticketId().equals(id)) {
                reads.incrementAndGet();
            }
            return chain.proceed();
        });
        views.hold(id, 3); // the classification; its two re-targeted clocks follow at 4 and 5
        try {
            CompletableFuture<EntityExchangeResult<JsonNode>> answer = CompletableFuture.supplyAsync(() ->
                    send(http, agent, id, "classification", "\"2\"", Map.of("type", "repair", "priority", "normal"))
                            .expectStatus().isOk().expectBody(JsonNode.class).returnResult());
            assertThat(views.awaitHeld(id, 3)).as("the command was stored and the projection reached it").isTrue();
            TimeUnit.MILLISECONDS.sleep(400);
            assertThat(reads).as("nothing read while the view lags").hasValue(0);

            views.release(id, 3);
            EntityExchangeResult<JsonNode> answered = answer.get(30, TimeUnit.SECONDS);
            assertThat(answered.getResponseHeaders().getETag()).isEqualTo("\"5\"");
            assertThat(answered.getResponseBody().get("priority").asText()).isEqualTo("normal");
            assertThat(reads).as("one read, after the notice").hasValue(1);
        } finally {
            views.release(id, 3);
            counting.cancel();
        }
    }

    @Test
    void no_watch_outlives_its_request_whether_accepted_refused_or_abandoned() throws Exception {
        String id = open();
        send(http, agent, id, "classification", "\"2\"", Map.of("type", "repair", "priority", "low")).expectStatus().isOk();
        send(http, agent, id, "classification", "\"2\"", Map.of("type", "repair", "priority", "low"))
                .expectStatus().isEqualTo(412);
        send(http, token("nimbus", "AGENT"), id, "marks", null, Map.of("marks", List.of("VIP"))).expectStatus().isNotFound();
        send(http, technician, id, "acceptance", null, null).expectStatus().isEqualTo(409);
        assertThat(watchesOf(id)).as("after answers and refusals").isZero();

        views.hold(id, 6); // the marks, after the classification (3) and its two re-targeted clocks
        try {
            Disposable abandoned = WebClient.create("http://localhost:" + port).put()
                    .uri("/api/v1/tickets/" + id + "/marks").headers(h -> h.setBearerAuth(agent))
                    .bodyValue(Map.of("marks", List.of("VIP"))).retrieve().toBodilessEntity().subscribe();
            assertThat(views.awaitHeld(id, 6)).isTrue();
            assertThat(watchesOf(id)).as("watching while the view lags").isEqualTo(1);
            abandoned.dispose();
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThat(watchesOf(id)).as("closed when the client went away").isZero());
        } finally {
            views.release(id, 6);
        }
    }

    /** Both answer the one ticket once its view shows it; the one whose command lost the race says it replayed. */
    @Test
    void two_registrations_with_one_idempotency_key_at_once_answer_the_same_ticket() throws Exception {
        String key = java.util.UUID.randomUUID().toString();
        // the documented id of a keyed registration: a name-based UUID of tenant, caller and key
        String id = java.util.UUID.nameUUIDFromBytes(("acme\nacme-agent\n" + key)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
        views.hold(id, 0);
        try {
            CompletableFuture<EntityExchangeResult<JsonNode>> first = CompletableFuture.supplyAsync(() -> register(key));
            assertThat(views.awaitHeld(id, 0)).isTrue();
            CompletableFuture<EntityExchangeResult<JsonNode>> second = CompletableFuture.supplyAsync(() -> register(key));
            TimeUnit.MILLISECONDS.sleep(400);
            assertThat(second).as("waits for the view like the first").isNotDone();
            views.release(id, 0);

            List<String> replayed = new java.util.ArrayList<>();
            for (var answer : List.of(first.get(30, TimeUnit.SECONDS), second.get(30, TimeUnit.SECONDS))) {
                assertThat(answer.getStatus().value()).isEqualTo(201);
                assertThat(answer.getResponseBody().get("id").asText()).isEqualTo(id);
                assertThat(answer.getResponseHeaders().getETag()).isEqualTo("\"2\""); // with its two clocks
                replayed.add(answer.getResponseHeaders().getFirst("Idempotent-Replayed"));
            }
            assertThat(replayed).containsExactly("false", "true");
        } finally {
            views.release(id, 0);
        }
    }

    private EntityExchangeResult<JsonNode> register(String idempotencyKey) {
        return http.post().uri("/api/v1/tickets").headers(h -> {
                    h.setBearerAuth(agent);
                    h.set("Idempotency-Key", idempotencyKey);
                }).bodyValue(TicketRequests.airConditionerRepair()).exchange()
                .expectBody(JsonNode.class).returnResult();
    }

    private long watchesOf(String ticketId) {
        return emitter.activeSubscriptions().stream()
                .filter(query -> query.getPayload() instanceof WatchTicket watch && watch.ticketId().equals(ticketId))
                .count();
    }
}
