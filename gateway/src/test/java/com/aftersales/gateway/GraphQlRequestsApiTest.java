package com.aftersales.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What POST /graphql answers to requests that are not a readable GraphQL request, or a document
 * graphql-java refuses itself: the same problems, stable codes and languages as REST, and nothing
 * runs.
 */
class GraphQlRequestsApiTest extends GraphQlTestSupport {

    final String agent = token("acme", "AGENT");

    private WebTestClient.ResponseSpec post(String body, MediaType accept) {
        return http.post().uri("/graphql").headers(h -> {
                    h.setBearerAuth(agent);
                    h.set("Accept-Language", "zh-CN");
                }).contentType(MediaType.APPLICATION_JSON).accept(accept).bodyValue(body).exchange();
    }

    private JsonNode problem(WebTestClient.ResponseSpec response, HttpStatus status) {
        return response.expectStatus().isEqualTo(status).expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    @Test
    void graphql_over_server_sent_events_is_refused_with_a_problem() {
        JsonNode problem = problem(post("{\"query\":\"{ tickets(first: 1) { pageInfo { hasNextPage } } }\"}",
                MediaType.TEXT_EVENT_STREAM), HttpStatus.NOT_ACCEPTABLE);
        assertThat(problem.path("code").asText()).isEqualTo("NOT_ACCEPTABLE");
        assertThat(handled).as("nothing ran").isEmpty();
    }

    @Test
    void unreadable_bodies_are_problems_as_for_rest() {
        JsonNode badJson = problem(post("{\"query\": ", MediaType.APPLICATION_JSON), HttpStatus.BAD_REQUEST);
        assertThat(badJson.path("code").asText()).isEqualTo("MALFORMED_REQUEST");
        assertThat(badJson.path("title").asText()).isEqualTo("请求格式错误");
        assertThat(badJson.toString()).doesNotContain("Exception", "at com.", "at org.");

        JsonNode noQuery = problem(post("{\"variables\": {}}", MediaType.APPLICATION_JSON), HttpStatus.BAD_REQUEST);
        assertThat(noQuery.path("code").asText()).isEqualTo("MALFORMED_REQUEST");

        String huge = "{\"query\":\"{ ticket(id: \\\"x\\\") { id } }\",\"variables\":{\"pad\":\"" + "x".repeat(2_000_000)
                + "\"}}";
        JsonNode tooLarge = problem(post(huge, MediaType.APPLICATION_JSON), HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(tooLarge.path("code").asText()).isEqualTo("PAYLOAD_TOO_LARGE");
        assertThat(handled).as("nothing ran").isEmpty();
    }

    @Test
    void a_key_named_twice_is_refused_as_in_rest_bodies() {
        String twice = "{\"query\":\"{ ticket(id: \\\"x\\\") { id } }\","
                + "\"query\":\"mutation { openTicket(input: {}) { id } }\"}";
        JsonNode problem = problem(post(twice, MediaType.APPLICATION_JSON), HttpStatus.BAD_REQUEST);
        assertThat(problem.path("code").asText()).isEqualTo("MALFORMED_REQUEST");
        assertThat(handled).as("nothing ran").isEmpty();
    }

    @Test
    void documents_graphql_java_refuses_have_a_stable_code_in_the_callers_language() {
        for (String document : new String[] {"{ ticket(id: \"x\") { nope } }", "{ ticket(id: ", "{ ticket { id } }"}) {
            JsonNode response = post("{\"query\":" + json(document) + "}", MediaType.APPLICATION_JSON)
                    .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
            assertThat(code(response)).as(response.toString()).isEqualTo("GRAPHQL_INVALID_DOCUMENT");
            assertThat(response.at("/errors/0/extensions/title").asText()).isEqualTo("GraphQL 文档无效");
            assertThat(response.at("/errors/0/extensions/reason").asText()).isNotBlank();
        }
        JsonNode wrongVariable = post("{\"query\":\"query($first: Int) { tickets(first: $first) { pageInfo "
                + "{ hasNextPage } } }\",\"variables\":{\"first\":\"many\"}}", MediaType.APPLICATION_JSON)
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(code(wrongVariable)).as(wrongVariable.toString()).isEqualTo("GRAPHQL_INVALID_DOCUMENT");
        assertThat(handled).as("nothing ran").isEmpty();
    }

    private static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Test
    void refusals_without_a_language_are_english() {
        JsonNode response = graphql(agent, "{ ticket(id: \"x\") { nope } }", Map.of());
        assertThat(response.at("/errors/0/extensions/title").asText()).isEqualTo("Invalid GraphQL document");
    }

    @Test
    void a_negative_expected_version_is_refused_as_rest_refuses_such_an_if_match() {
        String id = openTicket(agent, TicketRequests.airConditionerRepair());
        handled.clear();
        JsonNode response = task(agent, "logContact", id, -1L,
                Map.of("channel", "PHONE", "direction", "OUTBOUND", "summary", "called"));
        assertThat(code(response)).as(response.toString()).isEqualTo("IF_MATCH_INVALID");
        assertThat(handled).as("no command").doesNotContainKey("LogContact");
    }
}
