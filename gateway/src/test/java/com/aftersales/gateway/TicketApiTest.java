package com.aftersales.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

class TicketApiTest extends ApiTestSupport {

    private EntityExchangeResult<JsonNode> open(String token, Map<String, Object> body, String idempotencyKey) {
        return http.post().uri("/api/v1/tickets")
                .headers(h -> {
                    h.setBearerAuth(token);
                    if (idempotencyKey != null) {
                        h.set("Idempotency-Key", idempotencyKey);
                    }
                })
                .bodyValue(body).exchange()
                .expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult();
    }

    private JsonNode get(String token, String uri) {
        if (uri.startsWith("/api/v1/tickets?")) {
            awaitSearchIndex();
        }
        return http.get().uri(uri).headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private static Map<String, Object> withCustomer(Map<String, Object> body, String name) {
        Map<String, Object> copy = new HashMap<>(body);
        copy.put("customer", Map.of("name", name, "phone", "13800005678"));
        return copy;
    }

    @Test
    void worked_example_1_is_registered_numbered_and_read_back_right_after_the_post() {
        String agent = token("acme", "AGENT");
        EntityExchangeResult<JsonNode> created = open(agent, TicketRequests.airConditionerRepair(), null);

        JsonNode ticket = created.getResponseBody();
        String location = created.getResponseHeaders().getFirst(HttpHeaders.LOCATION);
        assertThat(location).isEqualTo("/api/v1/tickets/" + ticket.get("id").asText());
        assertThat(ticket.get("number").asText()).matches("20240520\\d{3}");
        assertThat(ticket.get("registeredAt").asText()).isEqualTo("2024-05-20T01:30:00Z");

        JsonNode read = get(agent, location);
        assertThat(read.get("number").asText()).isEqualTo(ticket.get("number").asText());
        assertThat(read.at("/registration/problem/description").asText()).isEqualTo("no cold air, outdoor fan not turning");
        assertThat(read.at("/registration/priority").asText()).isEqualTo("urgent");
        assertThat(read.get("registrar").asText()).isEqualTo("acme-agent");
        assertThat(read.at("/registration/customer/phone").asText()).as("masked for agents").isEqualTo("*******5678");

        JsonNode forPiiReader = get(token("acme", "AUDITOR", "PII_READER"), location);
        assertThat(forPiiReader.at("/registration/customer/phone").asText()).isEqualTo("13800005678");
        assertThat(forPiiReader.at("/registration/problem/occurredPlace").asText()).isEqualTo("Chaoyang, Beijing, home");
        assertThat(read.at("/registration/problem/occurredPlace").asText()).as("addresses hidden").isEqualTo("***");
    }

    @Test
    void another_tenant_gets_404_and_an_empty_list_for_this_tenants_tickets() {
        String name = "isolation-" + UUID.randomUUID();
        JsonNode ticket = open(token("acme", "AGENT"), withCustomer(TicketRequests.airConditionerRepair(), name), null)
                .getResponseBody();
        String nimbus = token("nimbus", "AGENT", "MANAGER", "AUDITOR", "PII_READER");

        http.get().uri("/api/v1/tickets/" + ticket.get("id").asText()).headers(h -> h.setBearerAuth(nimbus)).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("TICKET_NOT_FOUND")
                .jsonPath("$.detail").isEqualTo("There is no such ticket.");
        JsonNode list = get(nimbus, "/api/v1/tickets?customer=" + name);
        assertThat(list.get("items")).isEmpty();
        JsonNode everything = get(nimbus, "/api/v1/tickets?limit=100");
        everything.get("items").forEach(item -> assertThat(item.get("number").asText()).startsWith("SR"));
    }

    @Test
    void fifty_parallel_intakes_get_fifty_distinct_consecutive_numbers() throws Exception {
        String agent = token("nimbus", "AGENT");
        ExecutorService clients = Executors.newFixedThreadPool(10);
        List<Future<String>> numbers = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String customer = "parallel-" + i;
            numbers.add(clients.submit(() -> open(agent, TicketRequests.blackScreen(customer), null)
                    .getResponseBody().get("number").asText()));
        }
        List<Long> serials = new ArrayList<>();
        for (Future<String> number : numbers) {
            String value = number.get();
            assertThat(value).matches("SR20240520\\d{4}");
            serials.add(Long.parseLong(value.substring(10)));
        }
        clients.shutdown();
        assertThat(serials).doesNotHaveDuplicates();
        long min = serials.stream().mapToLong(Long::longValue).min().orElseThrow();
        assertThat(serials).containsExactlyInAnyOrderElementsOf(
                java.util.stream.LongStream.range(min, min + 50).boxed().toList());
    }

    @Test
    void a_retried_post_with_the_same_idempotency_key_creates_nothing_new() {
        String agent = token("acme", "AGENT", "PII_READER");
        String name = "retry-" + UUID.randomUUID();
        Map<String, Object> body = withCustomer(TicketRequests.airConditionerRepair(), name);
        String key = UUID.randomUUID().toString();

        JsonNode first = open(agent, body, key).getResponseBody();
        EntityExchangeResult<JsonNode> retry = open(agent, body, key);

        assertThat(retry.getResponseBody().get("id")).isEqualTo(first.get("id"));
        assertThat(retry.getResponseBody().get("number")).isEqualTo(first.get("number"));
        assertThat(retry.getResponseHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(get(agent, "/api/v1/tickets?customer=" + name).get("items")).hasSize(1);
    }

    @Test
    void an_idempotency_key_reused_for_a_different_request_is_refused() {
        String agent = token("acme", "AGENT", "PII_READER");
        String key = UUID.randomUUID().toString();
        open(agent, withCustomer(TicketRequests.airConditionerRepair(), "first-" + key), key);

        http.post().uri("/api/v1/tickets").headers(h -> {
                    h.setBearerAuth(agent);
                    h.set("Idempotency-Key", key);
                })
                .bodyValue(withCustomer(TicketRequests.airConditionerRepair(), "second-" + key)).exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(get(agent, "/api/v1/tickets?customer=second-" + key).get("items")).isEmpty();
    }

    @Test
    void invalid_input_gets_localized_problem_details_naming_the_fields_and_stores_nothing() {
        String agent = token("acme", "AGENT", "PII_READER");
        String name = "invalid-" + UUID.randomUUID();
        Map<String, Object> body = new HashMap<>(TicketRequests.airConditionerRepair());
        body.put("customer", Map.of("name", name));
        body.put("problem", Map.of("description", " "));

        http.post().uri("/api/v1/tickets").headers(h -> h.setBearerAuth(agent)).header("Accept-Language", "zh-CN")
                .bodyValue(body).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType("application/problem+json")
                .expectBody()
                .jsonPath("$.code").isEqualTo("VALIDATION_FAILED")
                .jsonPath("$.title").isEqualTo("请求无效")
                .jsonPath("$.errors[?(@.field == 'problem.description')].message").isEqualTo("不能为空")
                .jsonPath("$.errors[?(@.field == 'customer.reachable')].code").isEqualTo("AssertTrue");
        assertThat(get(agent, "/api/v1/tickets?customer=" + name).get("items")).isEmpty();
    }

    @Test
    void a_type_the_tenant_does_not_use_is_refused_by_the_command_side_in_english() {
        Map<String, Object> body = new HashMap<>(TicketRequests.airConditionerRepair());
        body.put("type", "teleportation");
        http.post().uri("/api/v1/tickets").headers(h -> h.setBearerAuth(token("acme", "AGENT")))
                .header("Accept-Language", "en").bodyValue(body).exchange()
                .expectStatus().isEqualTo(422)
                .expectBody()
                .jsonPath("$.code").isEqualTo("TICKET_TYPE_UNKNOWN")
                .jsonPath("$.allowed[0]").isEqualTo("repair")
                .jsonPath("$.trace").doesNotExist()
                .jsonPath("$.exception").doesNotExist();
    }

    @Test
    void malformed_json_and_unknown_fields_are_400() {
        http.post().uri("/api/v1/tickets").headers(h -> h.setBearerAuth(token("acme", "AGENT")))
                .header("Content-Type", "application/json").bodyValue("{\"channel\": \"FAX\"}").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("MALFORMED_REQUEST").jsonPath("$.hint").isEqualTo("channel");
        Map<String, Object> body = new HashMap<>(TicketRequests.airConditionerRepair());
        body.put("tenantId", "nimbus");
        http.post().uri("/api/v1/tickets").headers(h -> h.setBearerAuth(token("acme", "AGENT")))
                .bodyValue(body).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("MALFORMED_REQUEST");
    }

    @Test
    void lists_filter_and_page_with_a_cursor() {
        String agent = token("acme", "AGENT");
        String model = "M-" + UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            Map<String, Object> body = new HashMap<>(TicketRequests.airConditionerRepair());
            body.put("product", Map.of("model", model));
            body.put("problem", Map.of("description", "Rattling (noise) number-" + i));
            open(agent, body, null);
        }
        JsonNode first = get(agent, "/api/v1/tickets?productModel=" + model + "&limit=2");
        assertThat(first.get("items")).hasSize(2);
        JsonNode second = get(agent, "/api/v1/tickets?productModel=" + model + "&limit=2&cursor=" + first.get("nextCursor").asText());
        assertThat(second.get("items")).hasSize(1);
        assertThat(second.has("nextCursor")).isFalse();
        List<String> ids = new ArrayList<>();
        first.get("items").forEach(item -> ids.add(item.get("id").asText()));
        second.get("items").forEach(item -> ids.add(item.get("id").asText()));
        assertThat(ids).doesNotHaveDuplicates();

        assertThat(get(agent, "/api/v1/tickets?productModel=" + model + "&q=NUMBER-1").get("items")).hasSize(1);
        assertThat(get(agent, "/api/v1/tickets?productModel=" + model + "&q=(NOISE)").get("items")).as("literal match").hasSize(3);
        assertThat(get(agent, "/api/v1/tickets?productModel=" + model + "&q=.*").get("items")).as("no regex injection").isEmpty();
        assertThat(get(agent, "/api/v1/tickets?productModel=" + model + "&status=REGISTERED&type=repair&priority=urgent"
                + "&registeredFrom=2024-05-20T00:00:00Z&registeredTo=2024-05-21T00:00:00Z").get("items")).hasSize(3);
        assertThat(get(agent, "/api/v1/tickets?productModel=" + model + "&registeredFrom=2024-05-21T00:00:00Z")
                .get("items")).isEmpty();
        http.get().uri("/api/v1/tickets?limit=500").headers(h -> h.setBearerAuth(agent)).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("limit");
        http.get().uri("/api/v1/tickets?cursor=bm90LWEtY3Vyc29y").headers(h -> h.setBearerAuth(agent)).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("INVALID_CURSOR");
    }

    @Test
    void intake_is_counted_by_tenant_channel_and_type_and_health_shows_storage_and_processors() {
        open(token("acme", "AGENT"), TicketRequests.airConditionerRepair(), null);
        http.get().uri("/actuator/prometheus").headers(h -> h.setBearerAuth(token("acme", "TENANT_ADMIN"))).exchange()
                .expectStatus().isForbidden();
        String metrics = http.get().uri("/actuator/prometheus").headers(h -> h.setBearerAuth(token(null, "PLATFORM_ADMIN")))
                .exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(metrics).contains("aftersales_tickets_opened_total{channel=\"PHONE\",tenant=\"acme\",type=\"repair\"}");
        assertThat(metrics).contains("commandBus_successCounter_total");
        assertThat(metrics).contains("http_server_requests_seconds_count");
        http.get().uri("/actuator/health").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.mongo.status").isEqualTo("UP")
                .jsonPath("$.components.eventProcessors.status").isEqualTo("UP");
    }
}
