package com.aftersales.gateway;

import org.junit.jupiter.api.Test;

/** Integrators can read the API description without a token. */
class ApiDocumentationTest extends ApiTestSupport {

    @Test
    void the_openapi_description_lists_the_ticket_endpoints_and_the_bearer_scheme() {
        http.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.paths['/api/v1/tickets'].post.responses['201']").exists()
                .jsonPath("$.paths['/api/v1/tickets'].get.parameters[?(@.name == 'cursor')]").exists()
                .jsonPath("$.paths['/api/v1/tickets/{ticketId}'].get.responses['404']").exists()
                .jsonPath("$.paths['/api/v1/tickets/{ticketId}/timeline'].get.parameters[?(@.name == 'cursor')]").exists()
                .jsonPath("$.paths['/api/v1/tickets/{ticketId}/timeline'].get.parameters[?(@.name == 'limit')]").exists()
                .jsonPath("$.paths['/api/v1/tickets/{ticketId}/timeline'].get.responses['200'].headers.Link").exists()
                .jsonPath("$.paths['/api/v1/tickets/{ticketId}/timeline'].get.responses['400']").exists()
                .jsonPath("$.paths['/api/v1/tickets/{ticketId}/progress'].post.responses['200'].headers.ETag").exists()
                .jsonPath("$.paths['/api/v1/tickets/{ticketId}/progress'].post.responses['202']").exists()
                .jsonPath("$.paths['/api/v1/tickets/{ticketId}/acknowledgement'].post.responses['412']").exists()
                .jsonPath("$.paths['/api/v1/tickets/{ticketId}/archive'].post.responses['428']").exists()
                .jsonPath("$.components.securitySchemes.bearer.scheme").isEqualTo("bearer");
    }
}
