package com.aftersales.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import com.aftersales.ticket.view.TicketQueries.WatchTicket;
import com.aftersales.ticket.view.TicketQueries.WatchTickets;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.graphql.client.SubscriptionErrorException;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import reactor.core.Disposable;

/**
 * graphql-ws subscriptions against the running server: a change made over REST reaches the
 * subscriber within 200 ms, masked for the subscriber, and never reaches another tenant.
 */
class GraphQlSubscriptionApiTest extends GraphQlTestSupport {

    final String agent = token("acme", "AGENT");

    record Received(long at, Map<String, Object> ticket) {
    }

    private Disposable subscribe(WebSocketGraphQlClient client, String document, Map<String, Object> variables,
                                 BlockingQueue<Received> into) {
        return client.document(document).variables(variables).executeSubscription()
                .subscribe((ClientGraphQlResponse response) -> {
                    Map<String, Object> data = response.getData();
                    @SuppressWarnings("unchecked")
                    Map<String, Object> ticket = (Map<String, Object>) data.values().iterator().next();
                    into.add(new Received(System.nanoTime(), ticket));
                });
    }


    private void assign(String ticketId) {
        http.post().uri("/api/v1/tickets/" + ticketId + "/assignment").headers(h -> h.setBearerAuth(agent))
                .bodyValue(Map.of("department", "technical", "assigneeId", "acme-handler-senior")).exchange()
                .expectStatus().isOk();
    }

    @Autowired
    private QueryUpdateEmitter emitter;

    /** Until the server watches the ticket and both tenants (the subscriptions are live). */
    private void awaitWatches(String ticketId) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            var watches = emitter.activeSubscriptions().stream().map(query -> query.getPayload()).toList();
            if (watches.contains(new WatchTicket("acme", ticketId)) && watches.contains(new WatchTickets("acme"))
                    && watches.contains(new WatchTickets("nimbus"))) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("the subscriptions did not reach the server");
    }

    /** The first change showing {@code status} (earlier ones, e.g. of intake, may still be queued). */
    private static Received next(BlockingQueue<Received> changes, String status) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        Received change;
        while ((change = changes.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) != null) {
            if (status.equals(change.ticket().get("status"))) {
                return change;
            }
        }
        return null;
    }

    @Test
    void a_change_made_over_rest_reaches_the_subscriber_within_200_ms_masked_and_never_another_tenant() throws Exception {
        String id = openTicket(agent, TicketRequests.airConditionerRepair());
        BlockingQueue<Received> ofTicket = new LinkedBlockingQueue<>();
        BlockingQueue<Received> ofTenant = new LinkedBlockingQueue<>();
        BlockingQueue<Received> ofOtherTenant = new LinkedBlockingQueue<>();
        WebSocketGraphQlClient acme = socket(agent);
        WebSocketGraphQlClient nimbus = socket(token("nimbus", "AGENT", "SUPERVISOR", "AUDITOR"));
        List<Disposable> subscriptions = List.of(
                subscribe(acme, "subscription($id: ID!) { ticketChanged(id: $id) { id status version "
                        + "registration { customer { phone } } } }", Map.of("id", id), ofTicket),
                subscribe(acme, "subscription { ticketsChanged(filter: { status: \"ASSIGNED\" }) { id status } }",
                        Map.of(), ofTenant),
                subscribe(nimbus, "subscription { ticketsChanged { id status } }", Map.of(), ofOtherTenant));
        try {
            awaitWatches(id);
            long before = System.nanoTime();
            assign(id); // answers once the view shows the change
            long answered = System.nanoTime();

            Received change = next(ofTicket, "ASSIGNED");
            assertThat(change).as("the change reached the subscriber").isNotNull();
            assertThat(change.ticket()).containsEntry("id", id).containsEntry("status", "ASSIGNED");
            assertThat(TimeUnit.NANOSECONDS.toMillis(change.at() - answered)).as("ms after the REST answer")
                    .isLessThanOrEqualTo(200);
            assertThat(change.at()).isGreaterThan(before);
            long sinceRequest = TimeUnit.NANOSECONDS.toMillis(change.at() - before);
            System.out.printf("graphql-ws: a REST change reached the subscriber %d ms after the REST request was sent "
                    + "(%d ms after its answer)%n", sinceRequest, TimeUnit.NANOSECONDS.toMillis(change.at() - answered));
            // from before the request: command, event store, view, emitter and socket; generous for a loaded 2-core CI
            assertThat(sinceRequest).as("ms after the REST request").isLessThanOrEqualTo(2_000);
            assertThat(change.ticket().toString()).as("masked like REST").contains("*******5678")
                    .doesNotContain("13800005678");

            Received filtered = next(ofTenant, "ASSIGNED");
            assertThat(filtered).isNotNull();
            assertThat(filtered.ticket()).containsEntry("id", id);
            assertThat(ofOtherTenant.poll(1, TimeUnit.SECONDS)).as("another tenant hears nothing").isNull();
        } finally {
            subscriptions.forEach(Disposable::dispose);
            acme.stop().block(Duration.ofSeconds(5));
            nimbus.stop().block(Duration.ofSeconds(5));
        }
    }

    @Test
    void a_subscription_ends_when_its_token_expires() {
        String shortLived = sign(ISSUERS, "shared", "acme-agent-short", AUDIENCE, claims("acme", "AGENT"), 3);
        WebSocketGraphQlClient client = socket(shortLived);
        try {
            long started = System.nanoTime();
            var ended = client.document("subscription { ticketsChanged { id } }").executeSubscription()
                    .then(reactor.core.publisher.Mono.just("completed"))
                    .block(Duration.ofSeconds(20));
            assertThat(ended).isEqualTo("completed");
            assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started)).isLessThan(15);
        } finally {
            client.stop().block(Duration.ofSeconds(5));
        }
    }

    @Test
    void an_open_connection_runs_nothing_after_its_token_expired_and_is_closed_4401() throws Exception {
        String id = openTicket(agent, TicketRequests.airConditionerRepair());
        String shortLived = sign(ISSUERS, "shared", "acme-agent-short", AUDIENCE, claims("acme", "AGENT"), 3);
        long expires = System.currentTimeMillis() + 3_000;
        try (RawSocket socket = rawSocket()) {
            socket.init(shortLived);
            assertThat(socket.next(Duration.ofSeconds(20)).path("type").asText()).isEqualTo("connection_ack");
            socket.subscribe("1", "query($id: ID!) { ticket(id: $id) { id } }", Map.of("id", id));
            assertThat(socket.next(Duration.ofSeconds(20)).at("/payload/data/ticket/id").asText())
                    .as("the token works while valid").isEqualTo(id);

            Thread.sleep(Math.max(0, expires - System.currentTimeMillis()) + 1_500);
            handled.clear();
            socket.subscribe("2", document("mutation", mutation("logContact"), "id version"), Map.of("id", id,
                    "input", Map.of("channel", "PHONE", "direction", "OUTBOUND", "summary", "after expiry")));

            // the server closes with 4401; Reactor Netty's client does not always report the code (1005 then)
            assertThat(socket.closeStatus(Duration.ofSeconds(10))).as("closed at expiry").isNotNull();
            List<com.fasterxml.jackson.databind.JsonNode> after = socket.drain();
            assertThat(after).as("no data after expiry")
                    .noneMatch(message -> message.at("/payload/data/logContact").isObject());
            after.stream().filter(message -> message.path("id").asText().equals("2")
                            && message.path("type").asText().equals("next"))
                    .forEach(refusal -> assertThat(refusal.at("/payload/errors/0/extensions/code").asText())
                            .isEqualTo("UNAUTHENTICATED"));
            assertThat(handled).as("no command handled").doesNotContainKey("LogContact");
        }
    }

    @Test
    void a_suspended_tenants_open_connection_runs_nothing_more_and_it_cannot_connect_again() throws Exception {
        String platform = token(null, "PLATFORM_ADMIN");
        http.post().uri("/api/v1/admin/tenants").headers(h -> h.setBearerAuth(platform))
                .bodyValue(Map.of("id", "ws-paused", "nameEn", "Paused Ltd", "nameZh", "暂停测试", "ticketPrefix", "WP",
                        "serialDigits", 4)).exchange().expectStatus().isCreated();
        String pausedAgent = token("ws-paused", "AGENT");
        String id = openTicket(pausedAgent, TicketRequests.airConditionerRepair());
        try (RawSocket socket = rawSocket()) {
            socket.init(pausedAgent);
            assertThat(socket.next(Duration.ofSeconds(20)).path("type").asText()).isEqualTo("connection_ack");
            socket.subscribe("1", "query($id: ID!) { ticket(id: $id) { id } }", Map.of("id", id));
            assertThat(socket.next(Duration.ofSeconds(20)).at("/payload/data/ticket/id").asText()).isEqualTo(id);

            http.post().uri("/api/v1/admin/tenants/ws-paused/suspension").headers(h -> h.setBearerAuth(platform))
                    .bodyValue(Map.of("reason", "contract ended")).exchange().expectStatus().isOk();
            handled.clear();
            socket.subscribe("2", document("mutation", mutation("logContact"), "id version"), Map.of("id", id,
                    "input", Map.of("channel", "PHONE", "direction", "OUTBOUND", "summary", "while suspended")));
            var refusal = socket.next(Duration.ofSeconds(20));
            while (refusal != null && refusal.path("id").asText().equals("1")) { // the query's "complete"
                refusal = socket.next(Duration.ofSeconds(20));
            }
            assertThat(refusal).isNotNull();
            assertThat(refusal.path("id").asText()).isEqualTo("2");
            assertThat(refusal.at("/payload/errors/0/extensions/code").asText()).isEqualTo("TENANT_SUSPENDED");
            assertThat(refusal.at("/payload/data/logContact").isObject()).isFalse();
            assertThat(handled).as("no command handled").doesNotContainKey("LogContact");
        }
        try (RawSocket again = rawSocket()) {
            again.init(pausedAgent);
            var answer = again.next(Duration.ofSeconds(5)); // an active tenant is acknowledged in milliseconds
            assertThat(answer == null ? "" : answer.path("type").asText()).as("refused at connection_init")
                    .isNotEqualTo("connection_ack");
        }
    }

    @Test
    void every_operation_over_an_open_connection_counts_against_the_rate_limit() throws Exception {
        String client = sign(ISSUERS, "shared", "ws-client", AUDIENCE, claims("few-per-client", "AGENT"), 3600);
        try (RawSocket socket = rawSocket()) {
            socket.init(client);
            assertThat(socket.next(Duration.ofSeconds(20)).path("type").asText()).isEqualTo("connection_ack");
            for (int i = 1; i <= 4; i++) {
                socket.subscribe("q" + i, "{ tickets(first: 1) { pageInfo { hasNextPage } } }", Map.of());
                var answer = socket.next(Duration.ofSeconds(20));
                assertThat(answer.path("id").asText()).isEqualTo("q" + i);
                if (i <= 3) {
                    assertThat(answer.path("payload").has("errors")).as("request %d: %s", i, answer).isFalse();
                } else {
                    assertThat(answer.at("/payload/errors/0/extensions/code").asText()).as(answer.toString())
                            .isEqualTo("RATE_LIMITED");
                }
                socket.next(Duration.ofSeconds(5)); // complete
            }
        }
    }

    @Test
    void one_connection_holds_at_most_ten_subscriptions_at_a_time() throws Exception {
        try (RawSocket socket = rawSocket()) {
            socket.init(agent);
            assertThat(socket.next(Duration.ofSeconds(20)).path("type").asText()).isEqualTo("connection_ack");
            for (int i = 1; i <= 11; i++) {
                socket.subscribe("s" + i, "subscription { ticketsChanged { id } }", Map.of());
            }
            var refused = socket.next(Duration.ofSeconds(20));
            assertThat(refused).as("the eleventh is refused").isNotNull();
            assertThat(refused.path("id").asText()).isEqualTo("s11");
            assertThat(refused.toString()).contains("TOO_MANY_SUBSCRIPTIONS");
            socket.send(Map.of("id", "s1", "type", "complete"));
            Thread.sleep(200);
            socket.subscribe("s12", "subscription { ticketsChanged { id } }", Map.of());
            assertThat(socket.next(Duration.ofSeconds(2))).as("room again after one ended").isNull();
        }
    }

    @Test
    void a_subscription_refusal_speaks_the_subscribers_language() {
        WebSocketGraphQlClient client = socket(agent, "zh-CN");
        try {
            var failure = client.document("subscription($id: ID!) { ticketChanged(id: $id) { id } }")
                    .variables(Map.of("id", java.util.UUID.randomUUID().toString())).executeSubscription()
                    .map(response -> "data " + response.getData())
                    .onErrorResume(SubscriptionErrorException.class, error -> reactor.core.publisher.Flux.just(
                            error.getErrors().get(0).getExtensions().get("code") + " "
                                    + error.getErrors().get(0).getExtensions().get("title")))
                    .blockFirst(Duration.ofSeconds(20));
            assertThat(failure).isEqualTo("TICKET_NOT_FOUND 工单不存在");
        } finally {
            client.stop().block(Duration.ofSeconds(5));
        }
    }

    @Test
    void a_connection_without_a_valid_token_is_refused() throws Exception {
        for (String token : List.of("not-a-token", unsigned("acme", "AGENT"))) {
            try (RawSocket socket = rawSocket()) {
                socket.init(token);
                socket.subscribe("1", "subscription { ticketsChanged { id } }", Map.of());
                var closed = socket.closeStatus(Duration.ofSeconds(10));
                assertThat(closed).as("closed").isNotNull();
                assertThat(closed.getCode()).as(token).isEqualTo(4401);
                assertThat(socket.drain()).as("no ack, no data").noneMatch(message -> message.path("type").asText()
                        .matches("connection_ack|next"));
            }
        }
    }
}
