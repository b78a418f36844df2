package com.aftersales.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Outside local development: the schema is published, GraphiQL and introspection are off; personal
 * data is masked for callers without PII_READER whatever aliases the document uses.
 */
class GraphQlToolingApiTest extends GraphQlTestSupport {

    @Test
    void the_schema_is_published_without_a_token() {
        String schema = http.get().uri("/graphql/schema").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(schema).contains("type Query", "archiveTicket", "ticketsChanged");
    }

    @Test
    void graphiql_and_introspection_are_off() {
        http.get().uri("/graphiql").exchange().expectStatus().isNotFound();
        JsonNode response = graphql(token("acme", "AGENT"), "{ __schema { queryType { name } } }", Map.of());
        assertThat(response.path("errors")).isNotEmpty();
        assertThat(response.toString()).doesNotContain("\"Query\"");
    }

    @Test
    void a_call_without_a_valid_token_is_refused_before_graphql() {
        http.post().uri("/graphql").contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", "{ tickets { edges { node { id } } } }")).exchange()
                .expectStatus().isUnauthorized().expectBody().jsonPath("$.code").isEqualTo("UNAUTHENTICATED");
        http.post().uri("/graphql").headers(h -> h.setBearerAuth(token("acme", "PLATFORM_ADMIN")))
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", "{ tickets { edges { node { id } } } }")).exchange()
                .expectStatus().isForbidden();
        assertThat(handled).isEmpty();
    }

    @Test
    void an_operation_is_refused_to_roles_it_does_not_declare_before_any_command() {
        String id = openTicket(token("acme", "AGENT"), TicketRequests.airConditionerRepair());
        handled.clear();
        JsonNode response = task(token("acme", "AUDITOR"), "archiveTicket", id, 0L, null);
        assertThat(code(response)).isEqualTo("ROLE_NOT_ALLOWED");
        assertThat(response.at("/errors/0/path/0").asText()).isEqualTo("archiveTicket");
        assertThat(handled).as("no command was sent").doesNotContainKey("ArchiveTicket");
    }

    @Test
    void the_history_is_for_auditors_only_and_answered_as_rest_answers_it() {
        String id = openTicket(token("acme", "AGENT"), TicketRequests.airConditionerRepair());
        String document = "query($id: ID!) { ticket(id: $id) { number history(first: 5) { edges { node { sequence "
                + "type actor { id } payload } } pageInfo { hasNextPage } } } }";
        JsonNode forAgent = graphql(token("acme", "AGENT"), document, Map.of("id", id));
        assertThat(code(forAgent)).isEqualTo("ROLE_NOT_ALLOWED");
        assertThat(forAgent.at("/data/ticket/number").asText()).as("the rest of the ticket is answered").isNotBlank();
        assertThat(forAgent.at("/data/ticket/history").isNull()).isTrue();

        JsonNode forAuditor = data(token("acme", "AUDITOR"), document, Map.of("id", id));
        JsonNode first = forAuditor.at("/ticket/history/edges/0/node");
        assertThat(first.get("type").asText()).isEqualTo("TicketOpened");
        assertThat(first.get("sequence").asLong()).isZero();
        assertThat(first.get("payload").toString()).doesNotContain("13800005678");
        JsonNode rest = http.get().uri("/api/v1/tickets/" + id + "/history?limit=5")
                .headers(h -> h.setBearerAuth(token("acme", "AUDITOR"))).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(first.get("payload")).isEqualTo(rest.at("/items/0/payload"));
    }

    @Test
    void the_sla_clocks_are_answered_as_rest_answers_them() {
        String agent = token("acme", "AGENT");
        String id = openTicket(agent, TicketRequests.airConditionerRepair());
        String document = "query($id: ID!) { ticket(id: $id) { sla { clockId metric state dueAt warnAt elapsed remaining "
                + "target { basis amount } explanation { kind at amount text } } } }";

        JsonNode sla = data(agent, document, Map.of("id", id)).at("/ticket/sla");

        JsonNode rest = http.get().uri("/api/v1/tickets/" + id + "/sla").headers(h -> h.setBearerAuth(agent)).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(sla).hasSize(2);
        assertThat(sla.at("/0/clockId").asText()).isEqualTo("FIRST_RESPONSE#1");
        for (String field : List.of("clockId", "metric", "state", "dueAt", "warnAt", "elapsed", "remaining", "target")) {
            assertThat(sla.at("/0/" + field)).as(field).isEqualTo(rest.at("/clocks/0/" + field));
        }
        assertThat(sla.at("/0/explanation/0/text").asText()).isEqualTo(rest.at("/clocks/0/explanation/0/text").asText());
    }

    @Test
    void personal_data_is_masked_whatever_the_aliases() {
        String id = openTicket(token("acme", "AGENT"), TicketRequests.airConditionerRepair());
        String document = "query($id: ID!) { ticket(id: $id) { status: registration { id: customer { number: phone "
                + "phone } problem { code: occurredPlace } } } }";
        JsonNode masked = data(token("acme", "AGENT"), document, Map.of("id", id));
        assertThat(masked.toString()).doesNotContain("13800005678", "Chaoyang").contains("*******5678");
        JsonNode piiReader = data(token("acme", "AGENT", "PII_READER"), document, Map.of("id", id));
        assertThat(piiReader.at("/ticket/status/id/number").asText()).isEqualTo("13800005678");
    }
}
