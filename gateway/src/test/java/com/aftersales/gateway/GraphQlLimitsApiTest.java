package com.aftersales.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

/**
 * The GraphQL limits refuse hostile documents before anything runs (no query or command is
 * handled), persisted-query-only tenants run allow-listed documents only, and an unexpected failure
 * answers a reference and nothing else. Introspection is switched on here to throw its classic
 * depth bomb.
 */
@TestPropertySource(properties = {
        "aftersales.graphql.introspection=true",
        "aftersales.graphql.persisted-queries.ticket-number=query($id: ID!) { ticket(id: $id) { number } }",
        "aftersales.graphql.tenant-settings.nimbus.persisted-queries-only=true"})
class GraphQlLimitsApiTest extends GraphQlTestSupport {

    final String agent = token("acme", "AGENT");

    private void refusedBeforeExecution(JsonNode response, String code) {
        assertThat(code(response)).as(response.toString()).isEqualTo(code);
        assertThat(response.at("/errors/0/extensions/title").asText()).isNotBlank();
        assertThat(response.path("data").isMissingNode() || response.path("data").isNull()).isTrue();
        assertThat(handled).as("nothing ran").isEmpty();
    }

    @Test
    void an_introspection_depth_bomb_is_refused_before_execution() {
        String bomb = "{ __schema { types { fields { type { fields { type { fields { type { fields { type { name "
                + "} } } } } } } } } } }";
        refusedBeforeExecution(graphql(agent, bomb, Map.of()), "QUERY_TOO_DEEP");
    }

    @Test
    void an_alias_bomb_is_refused_before_execution() {
        StringBuilder bomb = new StringBuilder("{");
        for (int i = 0; i < 160; i++) {
            bomb.append(" a").append(i).append(": ticket(id: \"x\") { id }");
        }
        refusedBeforeExecution(graphql(agent, bomb.append(" }").toString(), Map.of()), "QUERY_TOO_COMPLEX");
    }

    @Test
    void a_field_repeated_in_one_selection_counts_each_time() {
        String bomb = "{ ticket(id: \"x\") { " + "number ".repeat(400) + "} }";
        refusedBeforeExecution(graphql(agent, bomb, Map.of()), "QUERY_TOO_COMPLEX");
    }

    @Test
    void a_fragment_spread_under_many_aliases_counts_each_time_it_is_spread() {
        StringBuilder bomb = new StringBuilder("query {");
        for (int i = 0; i < 40; i++) {
            bomb.append(" a").append(i).append(": ticket(id: \"x\") { ...T }");
        }
        bomb.append(" } fragment T on Ticket { id number status version type priority responsibility marks registrar ")
                .append("registeredAt }");
        refusedBeforeExecution(graphql(agent, bomb.toString(), Map.of()), "QUERY_TOO_COMPLEX");
    }

    @Test
    void nested_fragments_cannot_hide_depth() {
        String deep = "{ __schema { ...A } } fragment A on __Schema { types { ...B } } "
                + "fragment B on __Type { fields { type { ...C } } } fragment C on __Type { fields { type { ...D } } } "
                + "fragment D on __Type { fields { type { fields { type { name } } } } }";
        refusedBeforeExecution(graphql(agent, deep, Map.of()), "QUERY_TOO_DEEP");
    }

    @Test
    void a_document_runs_at_most_five_mutations() {
        StringBuilder many = new StringBuilder("mutation {");
        for (int i = 0; i < 6; i++) {
            many.append(" m").append(i).append(": logContact(id: \"x\", input: { channel: PHONE, direction: OUTBOUND, ")
                    .append("summary: \"s\" }) { id }");
        }
        refusedBeforeExecution(graphql(agent, many.append(" }").toString(), Map.of()), "TOO_MANY_MUTATIONS");
    }

    @Test
    void history_is_refused_below_a_list_of_tickets() {
        String auditor = token("acme", "AUDITOR");
        refusedBeforeExecution(graphql(auditor, "{ tickets(first: 100) { edges { node { history(first: 200) "
                + "{ edges { node { sequence } } } } } } }", Map.of()), "HISTORY_OF_ONE_TICKET_ONLY");
        StringBuilder aliases = new StringBuilder("{");
        for (int i = 0; i < 6; i++) {
            aliases.append(" t").append(i).append(": ticket(id: \"x\") { history { edges { node { sequence } } } }");
        }
        refusedBeforeExecution(graphql(auditor, aliases.append(" }").toString(), Map.of()), "HISTORY_OF_ONE_TICKET_ONLY");
        JsonNode one = graphql(auditor, "{ ticket(id: \"x\") { history { edges { node { sequence } } } } }", Map.of());
        assertThat(one.path("errors").isMissingNode()).as(one.toString()).isTrue();
    }

    @Test
    void an_oversized_document_is_refused_before_parsing() {
        String huge = "{ ticket(id: \"x\") { id } } #" + "x".repeat(10_000);
        refusedBeforeExecution(graphql(agent, huge, Map.of()), "DOCUMENT_TOO_LARGE");
    }

    @Test
    void a_page_larger_than_the_maximum_is_refused() {
        JsonNode response = graphql(agent, "{ tickets(first: 101) { edges { node { id } } } }", Map.of());
        assertThat(code(response)).isEqualTo("VALIDATION_FAILED");
        assertThat(handled).doesNotContainKey("ListTickets");
    }

    @Test
    void a_persisted_queries_only_tenant_runs_allow_listed_documents_only() {
        String nimbus = token("nimbus", "AGENT");
        refusedBeforeExecution(graphql(nimbus, "query($id: ID!) { ticket(id: $id) { id } }", Map.of("id", "x")),
                "PERSISTED_QUERY_REQUIRED");
        JsonNode byId = persisted(nimbus, Map.of("id", "ticket-number"));
        assertThat(byId.path("errors").isMissingNode()).as(byId.toString()).isTrue();
        assertThat(byId.at("/data/ticket").isNull()).as(byId.toString()).isTrue();
        assertThat(code(persisted(nimbus, Map.of("id", "made-up")))).isEqualTo("PERSISTED_QUERY_NOT_FOUND");
        JsonNode sameText = graphql(nimbus, "query($id: ID!) { ticket(id: $id) { number } }", Map.of("id", "x"));
        assertThat(sameText.path("errors").isMissingNode()).as("the allow-listed text itself").isTrue();
        JsonNode otherTenant = graphql(agent, "query($id: ID!) { ticket(id: $id) { id } }", Map.of("id", "x"));
        assertThat(otherTenant.path("errors").isMissingNode()).as("acme is not limited").isTrue();
    }

    private JsonNode persisted(String token, Map<String, Object> persistedQuery) {
        Map<String, Object> body = new HashMap<>();
        body.put("variables", Map.of("id", "x"));
        body.put("extensions", Map.of("persistedQuery", persistedQuery));
        return http.post().uri("/graphql").headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult()
                .getResponseBody();
    }

    @Test
    void an_unexpected_failure_answers_a_reference_only() {
        failQueries = new IllegalStateException("secret: mongodb://admin:pw@db/aftersales");
        JsonNode response = graphql(agent, "{ ticket(id: \"x\") { id } }", Map.of());
        assertThat(code(response)).isEqualTo("INTERNAL_ERROR");
        assertThat(response.at("/errors/0/extensions/reference").asText()).isNotBlank();
        assertThat(response.toString()).doesNotContain("secret", "mongodb", "IllegalStateException", "at com.");
    }

    @Test
    void refusals_speak_the_callers_language() {
        JsonNode response = http.post().uri("/graphql").headers(h -> {
                    h.setBearerAuth(agent);
                    h.set("Accept-Language", "zh-CN");
                }).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", "{ tickets(first: 101) { edges { node { id } } } }")).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(response.at("/errors/0/extensions/title").asText()).isEqualTo("请求无效");
    }
}
