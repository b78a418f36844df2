package com.aftersales.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Request limits per tenant and per client (OWASP API4:2023), through the real HTTP stack. Three
 * tenants with tiny limits (application-test.yml), so each test counts from a fresh bucket:
 * {@code few-per-client} allows 3 requests per client, {@code few-per-tenant} 4 for all its clients
 * (2 each), and {@code quick-refill} 1 request per client every 2 seconds.
 */
class RateLimitApiTest extends ApiTestSupport {

    private WebTestClient.ResponseSpec list(String tenant, String client) {
        String token = sign(ISSUERS, "shared", client, AUDIENCE, claims(tenant, "AGENT"), 3600);
        // the first call of a fresh context fetches keys and warms up; on a busy build machine that can take a while
        return http.mutate().responseTimeout(Duration.ofSeconds(30)).build()
                .get().uri("/api/v1/tickets").headers(h -> h.setBearerAuth(token)).exchange();
    }

    @Test
    void a_client_is_refused_after_exactly_its_limit_with_a_problem_and_retry_headers() {
        for (int remaining = 2; remaining >= 0; remaining--) {
            list("few-per-client", "client-a").expectStatus().isOk()
                    .expectHeader().valueEquals("RateLimit-Limit", "3")
                    .expectHeader().valueEquals("RateLimit-Remaining", String.valueOf(remaining))
                    .expectHeader().exists("RateLimit-Reset");
        }

        String body = list("few-per-client", "client-a")
                .expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectHeader().contentType("application/problem+json")
                .expectHeader().valueEquals("RateLimit-Limit", "3")
                .expectHeader().valueEquals("RateLimit-Remaining", "0")
                .expectHeader().value("Retry-After", seconds -> assertThat(Long.parseLong(seconds)).isPositive())
                .expectHeader().value("RateLimit-Reset", seconds -> assertThat(Long.parseLong(seconds)).isPositive())
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(body).contains("\"code\":\"RATE_LIMITED\"", "\"status\":429")
                .doesNotContain("few-per-client", "client-a", "bucket");
    }

    @Test
    void another_client_and_another_tenant_are_not_held_back_by_a_client_over_its_limit() {
        for (int i = 0; i < 3; i++) {
            list("few-per-client", "greedy").expectStatus().isOk();
        }
        list("few-per-client", "greedy").expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS);

        list("few-per-client", "modest").expectStatus().isOk();
        list("acme", "greedy").expectStatus().isOk();
    }

    @Test
    void the_tenant_limit_counts_all_its_clients_together_but_not_refused_requests() {
        list("few-per-tenant", "first").expectStatus().isOk();
        list("few-per-tenant", "first").expectStatus().isOk();
        list("few-per-tenant", "first").expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        list("few-per-tenant", "second").expectStatus().isOk();
        list("few-per-tenant", "second").expectStatus().isOk()
                .expectHeader().valueEquals("RateLimit-Remaining", "0");

        list("few-per-tenant", "third").expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectHeader().valueEquals("RateLimit-Limit", "4")
                .expectBody().jsonPath("$.code").isEqualTo("RATE_LIMITED");
        list("acme", "third").expectStatus().isOk();
    }

    @Test
    void successful_answers_carry_the_rate_limit_headers() {
        list("acme", "pacing-client").expectStatus().isOk()
                .expectHeader().valueEquals("RateLimit-Limit", "300")
                .expectHeader().valueEquals("RateLimit-Remaining", "299")
                .expectHeader().exists("RateLimit-Reset")
                .expectHeader().doesNotExist("Retry-After");
    }

    @Test
    void requests_pass_again_once_the_bucket_has_refilled() throws InterruptedException {
        String retryAfter = null;
        // normally the second request is refused; a slow machine may take longer than the refill
        for (int i = 0; i < 5 && retryAfter == null; i++) {
            retryAfter = list("quick-refill", "patient").returnResult(String.class).getResponseHeaders()
                    .getFirst("Retry-After");
        }
        assertThat(retryAfter).as("refused within 5 requests").isNotNull();
        assertThat(Long.parseLong(retryAfter)).isBetween(1L, 2L);

        Thread.sleep(Duration.ofSeconds(Long.parseLong(retryAfter)).toMillis());

        list("quick-refill", "patient").expectStatus().isOk();
    }

    @Test
    void health_is_not_limited() {
        http.get().uri("/actuator/health").exchange().expectHeader().doesNotExist("RateLimit-Limit");
    }
}
