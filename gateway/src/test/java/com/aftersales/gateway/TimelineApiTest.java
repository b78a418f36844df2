package com.aftersales.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.aftersales.infra.tenancy.CallerMetaData;
import com.aftersales.ticket.Channel;
import com.aftersales.ticket.HandlingCommands.Direction;
import com.aftersales.ticket.HandlingCommands.LogContact;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/** The process log, page by page: cursors chain, limits are bounded, tenants stay apart. */
class TimelineApiTest extends ApiTestSupport {

    private static final Pattern NEXT = Pattern.compile("<([^>]+)>; rel=\"next\"");

    final String agent = token("acme", "AGENT");

    @Autowired
    CommandGateway commands;

    /**
     * A ticket whose log has {@code events} entries (3, or 5 and more): registered with its first-response
     * and update clocks started (3 entries), then contacts logged (phone numbers in them), the first of
     * which also fulfils the first response. A contact's text names the sequence it is logged at.
     */
    private String ticketWith(int events) {
        String id = http.post().uri("/api/v1/tickets").headers(h -> h.setBearerAuth(agent))
                .bodyValue(TicketRequests.airConditionerRepair()).exchange()
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asText();
        var caller = CallerMetaData.of("acme", "acme-agent", "user", List.of("AGENT"));
        for (int n = 0; n < events - 4; n++) {
            int sequence = n == 0 ? 3 : 4 + n;
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(new LogContact(id, null, Channel.PHONE,
                    Direction.OUTBOUND, "call " + sequence + " on 1380000" + (1000 + sequence))).andMetaData(caller));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> page("/api/v1/tickets/" + id + "/timeline?limit=200")
                .getResponseBody().get("items").size() == events);
        return id;
    }

    private EntityExchangeResult<JsonNode> page(String uri) {
        return http.get().uri(uri).headers(h -> h.setBearerAuth(agent)).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult();
    }

    private static List<Long> sequences(JsonNode page) {
        List<Long> sequences = new ArrayList<>();
        page.get("items").forEach(entry -> sequences.add(entry.get("sequence").asLong()));
        return sequences;
    }

    private static String nextLink(EntityExchangeResult<JsonNode> page) {
        Matcher link = NEXT.matcher(page.getResponseHeaders().getFirst(HttpHeaders.LINK));
        assertThat(link.matches()).isTrue();
        return link.group(1);
    }

    @Test
    void pages_chain_through_the_link_header_and_the_last_page_says_so() {
        String id = ticketWith(12);
        EntityExchangeResult<JsonNode> first = page("/api/v1/tickets/" + id + "/timeline?limit=5");
        assertThat(sequences(first.getResponseBody())).containsExactly(0L, 1L, 2L, 3L, 4L);
        assertThat(first.getResponseBody().get("hasMore").asBoolean()).isTrue();
        assertThat(first.getResponseBody().at("/items/0/kind").asText()).isEqualTo("TicketOpened");
        String cursor = first.getResponseBody().get("nextCursor").asText();
        assertThat(nextLink(first)).isEqualTo("/api/v1/tickets/" + id + "/timeline?cursor=" + cursor + "&limit=5");

        EntityExchangeResult<JsonNode> second = page(nextLink(first));
        assertThat(sequences(second.getResponseBody())).containsExactly(5L, 6L, 7L, 8L, 9L);
        EntityExchangeResult<JsonNode> last = page("/api/v1/tickets/" + id + "/timeline?limit=5&cursor="
                + second.getResponseBody().get("nextCursor").asText());
        assertThat(sequences(last.getResponseBody())).containsExactly(10L, 11L);
        assertThat(last.getResponseBody().get("hasMore").asBoolean()).isFalse();
        assertThat(last.getResponseBody().has("nextCursor")).isFalse();
        assertThat(last.getResponseHeaders().get(HttpHeaders.LINK)).isNull();
        assertThat(last.getResponseBody().at("/items/1/details/summary").asText()).as("masked for agents")
                .isEqualTo("call 11 on *******1011");
    }

    @Test
    void a_page_holds_50_entries_unless_limit_says_otherwise_from_1_to_200() {
        String id = ticketWith(60);
        JsonNode byDefault = page("/api/v1/tickets/" + id + "/timeline").getResponseBody();
        assertThat(sequences(byDefault)).hasSize(50).startsWith(0L).endsWith(49L);
        assertThat(byDefault.get("hasMore").asBoolean()).isTrue();
        JsonNode rest = page("/api/v1/tickets/" + id + "/timeline?cursor=" + byDefault.get("nextCursor").asText())
                .getResponseBody();
        assertThat(sequences(rest)).hasSize(10).startsWith(50L).endsWith(59L);
        assertThat(rest.get("hasMore").asBoolean()).isFalse();
        assertThat(sequences(page("/api/v1/tickets/" + id + "/timeline?limit=1").getResponseBody())).containsExactly(0L);

        for (String limit : List.of("0", "201", "-1", "many")) {
            http.get().uri("/api/v1/tickets/" + id + "/timeline?limit=" + limit).headers(h -> h.setBearerAuth(agent))
                    .exchange().expectStatus().isBadRequest()
                    .expectHeader().contentType("application/problem+json")
                    .expectBody().jsonPath("$.code").isEqualTo("VALIDATION_FAILED")
                    .jsonPath("$.errors[0].field").isEqualTo("limit");
        }
    }

    @Test
    void a_cursor_not_handed_out_for_this_ticket_is_refused() {
        String id = ticketWith(3);
        String other = ticketWith(3);
        String othersCursor = page("/api/v1/tickets/" + other + "/timeline?limit=1").getResponseBody()
                .get("nextCursor").asText();
        for (String cursor : List.of("bm90LWEtY3Vyc29y", "***", othersCursor, forged(id, "-1"), forged(id, "x"))) {
            http.get().uri("/api/v1/tickets/" + id + "/timeline?cursor=" + cursor).headers(h -> h.setBearerAuth(agent))
                    .header("Accept-Language", "zh-CN").exchange()
                    .expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.code").isEqualTo("INVALID_CURSOR").jsonPath("$.title").isEqualTo("游标无效");
        }
    }

    /** A cursor in the service's own format with a position it never hands out. */
    private static String forged(String ticketId, String position) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("timeline:" + ticketId + ":" + position).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void another_tenant_gets_404_on_every_page() {
        String id = ticketWith(3);
        String cursor = page("/api/v1/tickets/" + id + "/timeline?limit=1").getResponseBody().get("nextCursor").asText();
        String nimbus = token("nimbus", "AGENT", "AUDITOR", "PII_READER");
        for (String uri : List.of("/api/v1/tickets/" + id + "/timeline", "/api/v1/tickets/" + id + "/timeline?cursor=" + cursor,
                "/api/v1/tickets/no-such-ticket/timeline")) {
            http.get().uri(uri).headers(h -> h.setBearerAuth(uri.contains("no-such") ? agent : nimbus)).exchange()
                    .expectStatus().isNotFound().expectBody().jsonPath("$.code").isEqualTo("TICKET_NOT_FOUND");
        }
    }
}
