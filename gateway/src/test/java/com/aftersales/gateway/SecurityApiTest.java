package com.aftersales.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftersales.gateway.security.DevelopmentIssuer;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;

/** Only valid tokens of trusted issuers, for this API, signed with an allowed algorithm, get in. */
class SecurityApiTest extends ApiTestSupport {

    @Autowired
    ApplicationContext context;

    private void expectUnauthenticated(String token) {
        http.get().uri("/api/v1/tickets").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType("application/problem+json")
                .expectBody().jsonPath("$.code").isEqualTo("UNAUTHENTICATED")
                .jsonPath("$.status").isEqualTo(401);
    }

    @Test
    void a_valid_token_gets_in() {
        http.get().uri("/api/v1/tickets").headers(h -> h.setBearerAuth(token("acme", "AGENT"))).exchange()
                .expectStatus().isOk();
    }

    @Test
    void no_token_is_401_with_a_bearer_challenge() {
        http.get().uri("/api/v1/tickets").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals("WWW-Authenticate", "Bearer")
                .expectBody().jsonPath("$.code").isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void an_expired_token_is_401() {
        expectUnauthenticated(sign(ISSUERS, "shared", "acme-agent", AUDIENCE, claims("acme", "AGENT"), -3600));
    }

    @Test
    void a_token_of_an_untrusted_issuer_is_401() {
        expectUnauthenticated(sign(UNTRUSTED, "shared", "acme-agent", AUDIENCE, claims("acme", "AGENT"), 3600));
    }

    @Test
    void a_token_for_another_audience_is_401() {
        expectUnauthenticated(sign(ISSUERS, "shared", "acme-agent", "another-api", claims("acme", "AGENT"), 3600));
    }

    @Test
    void an_unsigned_token_is_401() {
        expectUnauthenticated(unsigned("acme", "AGENT"));
    }

    @Test
    void a_token_without_subject_is_401() {
        expectUnauthenticated(sign(ISSUERS, "shared", " ", AUDIENCE, claims("acme", "AGENT"), 3600));
    }

    @Test
    void a_tenants_own_idp_cannot_grant_platform_administration() {
        String token = sign(ISSUERS, "tyrell-idp", "tyrell-root", AUDIENCE, claims(null, "PLATFORM_ADMIN"), 3600);
        http.get().uri("/actuator/prometheus").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isForbidden();
        for (String withTenantRole : List.of(token, sign(ISSUERS, "tyrell-idp", "tyrell-root", AUDIENCE,
                claims(null, "PLATFORM_ADMIN", "TENANT_ADMIN"), 3600))) {
            http.get().uri("/api/v1/admin/tenants").headers(h -> h.setBearerAuth(withTenantRole)).exchange()
                    .expectStatus().isForbidden();
            http.post().uri("/api/v1/admin/tenants").headers(h -> h.setBearerAuth(withTenantRole))
                    .bodyValue(Map.of("id", "rogue", "nameEn", "Rogue")).exchange().expectStatus().isForbidden();
        }
    }

    @Test
    void a_garbage_token_is_401() {
        expectUnauthenticated("not-a-jwt");
    }

    @Test
    void a_tenants_own_idp_cannot_issue_for_another_tenant() {
        expectUnauthenticated(sign(ISSUERS, "tyrell-idp", "someone", AUDIENCE, claims("acme", "AGENT"), 3600));
    }

    /** Otherwise whoever holds the shared issuer could act for a tenant that trusts only its own IdP. */
    @Test
    void the_shared_issuer_cannot_issue_for_a_tenant_bound_to_its_own_idp_by_configuration() {
        expectUnauthenticated(token("tyrell", "AGENT"));
        expectUnauthenticated(token("tyrell", "TENANT_ADMIN"));
    }

    /** PLATFORM_ADMIN has no tenant: mixed with a tenant or tenant roles it would read tickets as the tenant. */
    @Test
    void a_shared_token_mixing_platform_administration_with_a_tenant_or_tenant_roles_grants_nothing() {
        for (String token : List.of(token("acme", "PLATFORM_ADMIN", "AGENT"), token("acme", "PLATFORM_ADMIN"),
                token(null, "PLATFORM_ADMIN", "AGENT"))) {
            http.get().uri("/api/v1/tickets").headers(h -> h.setBearerAuth(token)).exchange()
                    .expectStatus().isForbidden();
            http.get().uri("/api/v1/admin/tenants").headers(h -> h.setBearerAuth(token)).exchange()
                    .expectStatus().isForbidden();
        }
        http.get().uri("/api/v1/admin/tenants").headers(h -> h.setBearerAuth(token(null, "PLATFORM_ADMIN"))).exchange()
                .expectStatus().isOk();
    }

    @Test
    void a_tenants_own_idp_acts_for_its_tenant_without_a_tenant_claim() {
        String token = sign(ISSUERS, "tyrell-idp", "tyrell-user", AUDIENCE, claims(null, "AGENT"), 3600);
        http.get().uri("/api/v1/tickets").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk();
    }

    @Test
    void a_role_without_the_right_is_403() {
        http.post().uri("/api/v1/tickets").headers(h -> h.setBearerAuth(token("acme", "HANDLER")))
                .bodyValue(TicketRequests.airConditionerRepair()).exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("ROLE_NOT_ALLOWED");
    }

    @Test
    void a_platform_admin_sees_no_tenant_ticket_data() {
        http.get().uri("/api/v1/tickets").headers(h -> h.setBearerAuth(token(null, "PLATFORM_ADMIN"))).exchange()
                .expectStatus().isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void a_tenant_that_is_not_subscribed_is_403() {
        http.get().uri("/api/v1/tickets").headers(h -> h.setBearerAuth(token("ghost", "AGENT"))).exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("TENANT_UNKNOWN");
    }

    @Test
    void the_development_issuer_never_starts_without_the_opt_in() {
        assertThat(context.getBeansOfType(DevelopmentIssuer.class)).isEmpty();
    }

    @Test
    void a_role_name_with_a_comma_grants_no_other_role() {
        String agent = token("acme", "AGENT");
        String ticketId = http.post().uri("/api/v1/tickets").headers(h -> h.setBearerAuth(agent))
                .bodyValue(TicketRequests.airConditionerRepair()).exchange()
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asText();
        http.post().uri("/api/v1/tickets/" + ticketId + "/assignment").headers(h -> h.setBearerAuth(agent))
                .bodyValue(Map.of("department", "technical", "assigneeId", "acme-handler")).exchange()
                .expectStatus().isOk();

        // an AGENT whose IdP lets users edit a role attribute: "X,MANAGER" once became MANAGER in the aggregate
        Map<String, Object> claims = Map.of("tenant", "acme", "roles", List.of("AGENT", "X,MANAGER"));
        String crafted = sign(ISSUERS, "shared", "acme-agent", AUDIENCE, claims, 3600);
        http.post().uri("/api/v1/tickets/" + ticketId + "/reassignment").headers(h -> h.setBearerAuth(crafted))
                .bodyValue(Map.of("department", "sales", "assigneeId", "acme-agent", "reason", "mine now")).exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("ROLE_NOT_ALLOWED");
        http.get().uri("/api/v1/tickets/" + ticketId).headers(h -> h.setBearerAuth(agent)).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.assignment.assigneeId").isEqualTo("acme-handler");
    }
}
