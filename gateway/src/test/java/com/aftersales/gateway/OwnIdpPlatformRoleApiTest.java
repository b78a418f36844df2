package com.aftersales.gateway;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/**
 * A tenant's own identity provider, bound through the admin API, never grants platform administration:
 * not by naming PLATFORM_ADMIN in its tokens, and not through its role mapping, which cannot be bound.
 */
class OwnIdpPlatformRoleApiTest extends ApiTestSupport {

    static final String PLATFORM = token(null, "PLATFORM_ADMIN");

    @Test
    void an_api_bound_idps_token_naming_platform_administration_is_refused_on_every_admin_route() {
        http.post().uri("/api/v1/admin/tenants").headers(h -> h.setBearerAuth(PLATFORM))
                .bodyValue(Map.of("id", "own-idp-co", "nameEn", "Own IdP Co")).exchange().expectStatus().isCreated();
        http.put().uri("/api/v1/admin/tenants/own-idp-co/identity-provider").headers(h -> h.setBearerAuth(PLATFORM))
                .bodyValue(Map.of("issuerUri", ISSUERS.issuerUrl("own-idp-co").toString(),
                        "jwkSetUri", ISSUERS.jwksUrl("own-idp-co").toString(), "audience", AUDIENCE,
                        "rolesClaim", "groups", "roleMapping", Map.of("it-admins", "TENANT_ADMIN")))
                .exchange().expectStatus().isOk();
        // a mapping to PLATFORM_ADMIN is never bound
        http.put().uri("/api/v1/admin/tenants/own-idp-co/identity-provider").headers(h -> h.setBearerAuth(PLATFORM))
                .bodyValue(Map.of("issuerUri", ISSUERS.issuerUrl("own-idp-co").toString(), "audience", AUDIENCE,
                        "rolesClaim", "groups", "roleMapping", Map.of("it-admins", "PLATFORM_ADMIN")))
                .exchange().expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY)
                .expectBody().jsonPath("$.code").isEqualTo("IDENTITY_PROVIDER_INVALID");

        String mapped = sign(ISSUERS, "own-idp-co", "it-lead", AUDIENCE,
                Map.of("groups", List.of("it-admins", "PLATFORM_ADMIN")), 3600);
        http.get().uri("/api/v1/tenant").headers(h -> h.setBearerAuth(mapped)).exchange().expectStatus().isOk();
        String direct = sign(ISSUERS, "own-idp-co", "root", AUDIENCE, Map.of("groups", List.of("PLATFORM_ADMIN")), 3600);
        for (String token : List.of(mapped, direct)) {
            http.get().uri("/api/v1/admin/tenants").headers(h -> h.setBearerAuth(token)).exchange()
                    .expectStatus().isForbidden();
            http.get().uri("/api/v1/admin/tenants/own-idp-co").headers(h -> h.setBearerAuth(token)).exchange()
                    .expectStatus().isForbidden();
            http.post().uri("/api/v1/admin/tenants/own-idp-co/suspension").headers(h -> h.setBearerAuth(token))
                    .bodyValue(Map.of("reason", "x")).exchange().expectStatus().isForbidden();
            http.get().uri("/api/v1/admin/dead-letters").headers(h -> h.setBearerAuth(token)).exchange()
                    .expectStatus().isForbidden();
        }
    }
}
