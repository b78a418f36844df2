package com.aftersales.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A page of 20 tickets with their timelines costs a fixed number of reads: one list query (the
 * search index, then the views by key) and one timeline query for all 20 tickets, never one per
 * ticket. Reads are counted as the query handlers that ran, each of which reads the store a fixed
 * number of times (TicketListQueryHandler, TimelineQueryHandler).
 */
class GraphQlBatchLoadingApiTest extends GraphQlTestSupport {

    @Test
    void a_page_of_20_tickets_with_timelines_is_two_queries() {
        String agent = token("acme", "AGENT");
        Map<String, Object> registration = new HashMap<>(TicketRequests.airConditionerRepair());
        registration.put("product", Map.of("model", "batch-model-B20"));
        for (int i = 0; i < 21; i++) {
            http.post().uri("/api/v1/tickets").headers(h -> h.setBearerAuth(agent)).bodyValue(registration).exchange()
                    .expectStatus().isCreated();
        }
        awaitSearchIndex();
        handled.clear();

        JsonNode data = data(agent, """
                { tickets(first: 20, filter: { productModel: "batch-model-B20" }) {
                    edges { node { id number timeline(first: 10) { edges { node { kind sequence } } } } }
                    pageInfo { hasNextPage endCursor } } }""", Map.of());

        JsonNode edges = data.at("/tickets/edges");
        assertThat(edges).hasSize(20);
        edges.forEach(edge -> assertThat(edge.at("/node/timeline/edges/0/node/kind").asText()).isEqualTo("TicketOpened"));
        assertThat(data.at("/tickets/pageInfo/hasNextPage").asBoolean()).isTrue();
        assertThat(handled.keySet()).containsExactlyInAnyOrder("ListTickets", "FindTimelines");
        assertThat(handled.get("ListTickets").get()).isEqualTo(1);
        assertThat(handled.get("FindTimelines").get()).isEqualTo(1);
    }
}
