package com.aftersales.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * The README's "Onboarding a tenant" walk-through, step by step with its own request bodies (read from
 * the README, so an edit that breaks them fails here): register, bind and unbind an IdP, configure under
 * the ETag just read, suspend and reactivate. Tokens come from the shared test issuer instead of the
 * development issuer, and the tenant id is renamed so the walk-through cannot meet TenantApiTest's.
 */
class ReadmeTenantWalkthroughApiTest extends ApiTestSupport {

    private static final Pattern BODY = Pattern.compile("-d '(\\{.*?\\})'", Pattern.DOTALL);

    static String section() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        int start = readme.indexOf("## Onboarding a tenant");
        return readme.substring(start, readme.indexOf("\n## ", start + 1)).replace("globex", "readme-tour");
    }

    static List<String> bodies(String section) {
        List<String> bodies = new ArrayList<>();
        Matcher matcher = BODY.matcher(section);
        while (matcher.find()) {
            bodies.add(matcher.group(1));
        }
        return bodies;
    }

    @Test
    void the_onboarding_walk_through_of_the_readme_works_as_written() throws IOException {
        String section = section();
        assertThat(section).as("If-Match takes the ETag just read, not a version guessed in advance")
                .contains("-H \"If-Match: $ETAG\"").doesNotContainPattern("If-Match: \\\\?\"\\d");
        List<String> bodies = bodies(section);
        assertThat(bodies).hasSize(4); // register, bind, configure, suspend
        String platform = token(null, "PLATFORM_ADMIN");
        String admin = token("readme-tour", "TENANT_ADMIN");

        send(http.post().uri("/api/v1/admin/tenants"), platform, bodies.get(0)).expectStatus().isCreated();
        send(http.put().uri("/api/v1/admin/tenants/readme-tour/identity-provider"), platform, bodies.get(1))
                .expectStatus().isOk();
        http.delete().uri("/api/v1/admin/tenants/readme-tour/identity-provider").headers(h -> h.setBearerAuth(platform))
                .exchange().expectStatus().isOk();

        String etag = http.get().uri("/api/v1/tenant").headers(h -> h.setBearerAuth(admin)).exchange()
                .expectStatus().isOk().expectHeader().valueEquals("ETag", "\"3\"")
                .returnResult(String.class).getResponseHeaders().getETag();
        http.put().uri("/api/v1/tenant/configuration").headers(h -> {
                    h.setBearerAuth(admin);
                    h.set("If-Match", etag);
                }).contentType(MediaType.APPLICATION_JSON).bodyValue(bodies.get(2)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.configurationVersion").isEqualTo(2)
                .jsonPath("$.configuration.routing[0].pick").isEqualTo("ROUND_ROBIN");

        send(http.post().uri("/api/v1/admin/tenants/readme-tour/suspension"), platform, bodies.get(3))
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("SUSPENDED");
        http.get().uri("/api/v1/tenant").headers(h -> h.setBearerAuth(admin)).exchange()
                .expectStatus().isForbidden().expectBody().jsonPath("$.code").isEqualTo("TENANT_SUSPENDED");
        http.delete().uri("/api/v1/admin/tenants/readme-tour/suspension").headers(h -> h.setBearerAuth(platform))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("ACTIVE");
        http.get().uri("/api/v1/tenant").headers(h -> h.setBearerAuth(admin)).exchange().expectStatus().isOk();
    }

    private static org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec send(
            org.springframework.test.web.reactive.server.WebTestClient.RequestBodySpec request, String token, String body) {
        return request.headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }
}
