package com.aftersales.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/** Lists, queues, counts and text search through the real HTTP stack, answered from the search index. */
class TicketListApiTest extends ApiTestSupport {

    private static final String TECHNICIAN = "acme-handler-senior";

    private String open(String token, String model, String description) {
        Map<String, Object> body = new HashMap<>(TicketRequests.airConditionerRepair());
        body.put("product", Map.of("model", model));
        body.put("problem", Map.of("description", description));
        return http.post().uri("/api/v1/tickets").headers(h -> h.setBearerAuth(token)).bodyValue(body).exchange()
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                .get("id").asText();
    }

    private EntityExchangeResult<JsonNode> list(String token, String uri) {
        awaitSearchIndex();
        return http.get().uri(uri).headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult();
    }

    private List<String> ids(String token, String uri) {
        List<String> ids = new ArrayList<>();
        list(token, uri).getResponseBody().get("items").forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }

    private JsonNode counts(String token) {
        awaitSearchIndex();
        return http.get().uri("/api/v1/tickets/counts").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    @Test
    void assigning_moves_a_ticket_from_the_unassigned_queue_to_the_assignees_and_the_counts_follow() {
        String agent = token("acme", "AGENT");
        String technician = token("acme", "HANDLER", "SENIOR");
        String model = "Q-" + UUID.randomUUID();
        JsonNode before = counts(technician);
        String ticketId = open(agent, model, "空调不制冷");

        assertThat(ids(agent, "/api/v1/tickets?queue=unassigned&productModel=" + model)).containsExactly(ticketId);
        assertThat(ids(technician, "/api/v1/tickets?queue=mine&productModel=" + model)).isEmpty();
        JsonNode registered = counts(technician);
        assertThat(registered.get("unassigned").asLong()).isEqualTo(before.get("unassigned").asLong() + 1);
        assertThat(registered.get("mine").asLong()).isEqualTo(before.get("mine").asLong());

        http.post().uri("/api/v1/tickets/" + ticketId + "/assignment").headers(h -> h.setBearerAuth(agent))
                .bodyValue(Map.of("department", "technical", "assigneeId", TECHNICIAN)).exchange()
                .expectStatus().isOk();

        assertThat(ids(agent, "/api/v1/tickets?queue=unassigned&productModel=" + model)).isEmpty();
        assertThat(ids(technician, "/api/v1/tickets?queue=mine&productModel=" + model)).containsExactly(ticketId);
        assertThat(ids(agent, "/api/v1/tickets?queue=mine&productModel=" + model)).as("the agent's own").isEmpty();
        assertThat(ids(agent, "/api/v1/tickets?status=ASSIGNED&department=technical&productModel=" + model))
                .containsExactly(ticketId);
        JsonNode assigned = counts(technician);
        assertThat(assigned.get("unassigned").asLong()).isEqualTo(before.get("unassigned").asLong());
        assertThat(assigned.get("mine").asLong()).isEqualTo(before.get("mine").asLong() + 1);
        assertThat(assigned.at("/byDepartment/technical").asLong())
                .isEqualTo(before.at("/byDepartment/technical").asLong() + 1);
    }

    @Test
    void pages_follow_the_link_header_and_a_cursor_serves_only_its_own_list() {
        String agent = token("acme", "AGENT");
        String model = "P-" + UUID.randomUUID();
        List<String> opened = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            opened.add(open(agent, model, "洗衣机漏水 " + i));
        }
        EntityExchangeResult<JsonNode> first = list(agent, "/api/v1/tickets?productModel=" + model + "&limit=2");
        assertThat(first.getResponseBody().get("hasMore").asBoolean()).isTrue();
        String link = first.getResponseHeaders().getFirst(HttpHeaders.LINK);
        assertThat(link).startsWith("</api/v1/tickets?productModel=" + model + "&limit=2&cursor=")
                .endsWith(">; rel=\"next\"");

        EntityExchangeResult<JsonNode> second = list(agent, link.substring(1, link.indexOf('>')));
        assertThat(second.getResponseBody().get("hasMore").asBoolean()).isFalse();
        assertThat(second.getResponseBody().has("nextCursor")).isFalse();
        assertThat(second.getResponseHeaders().getFirst(HttpHeaders.LINK)).isNull();
        List<String> ids = new ArrayList<>();
        first.getResponseBody().get("items").forEach(item -> ids.add(item.get("id").asText()));
        second.getResponseBody().get("items").forEach(item -> ids.add(item.get("id").asText()));
        // all registered at the same (fixed) instant: newest first, then by id, descending
        assertThat(ids).containsExactlyElementsOf(opened.stream().sorted(java.util.Comparator.reverseOrder()).toList());

        String cursor = first.getResponseBody().get("nextCursor").asText();
        http.get().uri("/api/v1/tickets?productModel=" + model + "&limit=2&sort=priority&cursor=" + cursor)
                .headers(h -> h.setBearerAuth(agent)).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("INVALID_CURSOR");
        http.get().uri("/api/v1/tickets?productModel=" + model + "&limit=2&cursor=" + cursor)
                .headers(h -> h.setBearerAuth(token("nimbus", "AGENT"))).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("INVALID_CURSOR");
        http.get().uri("/api/v1/tickets?queue=everything").headers(h -> h.setBearerAuth(agent)).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("queue");
    }

    @Test
    void chinese_text_is_searched_by_words_and_never_across_tenants() {
        String word = "型号" + UUID.randomUUID().toString().substring(0, 8);
        String acme = open(token("acme", "AGENT"), word, "空调外机噪音很大，晚上无法入睡");
        open(token("acme", "AGENT"), word, "洗衣机漏水");

        assertThat(ids(token("acme", "AGENT"), "/api/v1/tickets?q=噪音&productModel=" + word)).containsExactly(acme);
        assertThat(ids(token("acme", "AGENT"), "/api/v1/tickets?q=入睡 空调&sort=relevance&productModel=" + word))
                .containsExactly(acme);
        assertThat(ids(token("nimbus", "AGENT", "PII_READER"), "/api/v1/tickets?q=噪音&productModel=" + word)).isEmpty();
    }

    @Test
    void searching_by_customer_needs_the_right_to_see_personal_data() {
        String name = "客户" + UUID.randomUUID();
        Map<String, Object> body = new HashMap<>(TicketRequests.airConditionerRepair());
        body.put("customer", Map.of("name", name, "phone", "13912340000"));
        String ticketId = http.post().uri("/api/v1/tickets").headers(h -> h.setBearerAuth(token("acme", "AGENT")))
                .bodyValue(body).exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult()
                .getResponseBody().get("id").asText();

        awaitSearchIndex();
        http.get().uri("/api/v1/tickets?customer=13912340000").headers(h -> h.setBearerAuth(token("acme", "AGENT")))
                .header("Accept-Language", "zh-CN").exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("PERSONAL_DATA_SEARCH_NOT_ALLOWED")
                .jsonPath("$.title").isEqualTo("无权按个人信息搜索");
        assertThat(ids(token("acme", "AGENT"), "/api/v1/tickets?q=" + name)).as("names are no probe").isEmpty();
        String piiReader = token("acme", "SUPERVISOR", "PII_READER");
        assertThat(ids(piiReader, "/api/v1/tickets?customer=139-1234-0000")).containsExactly(ticketId);
        assertThat(ids(piiReader, "/api/v1/tickets?q=" + name)).containsExactly(ticketId);
    }
}
