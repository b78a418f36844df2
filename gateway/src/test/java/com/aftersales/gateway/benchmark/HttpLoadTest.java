package com.aftersales.gateway.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The benchmark counts a GraphQL refusal (HTTP 200 with errors) as a failure, not as a success. */
class HttpLoadTest {

    @Test
    void a_graphql_answer_with_errors_is_a_failure() {
        assertThat(HttpLoad.outcome("/graphql", 200, "{\"errors\":[{\"message\":\"refused\"}],\"data\":null}"))
                .isEqualTo(HttpLoad.GRAPHQL_ERRORS);
        assertThat(HttpLoad.outcome("/graphql", 200, "{\"data\":{\"ticket\":{\"id\":\"1\"}}}")).isEqualTo(200);
        assertThat(HttpLoad.outcome("/graphql", 200, "{\"data\":{},\"errors\":[]}")).isEqualTo(200);
        assertThat(HttpLoad.outcome("/api/v1/tickets/1", 200, "{\"errors\":[1]}")).as("REST bodies as they are")
                .isEqualTo(200);
        assertThat(HttpLoad.outcome("/graphql", 429, "")).isEqualTo(429);
    }
}
