package com.aftersales.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

/** Roles are read at the edge: only names of {@code Role} count, and a name is never taken apart at commas. */
class TokenClaimsTest {

    private static Jwt token(Object roles) {
        return Jwt.withTokenValue("t").header("alg", "RS256").subject("li-agent").claim("tenant", "acme")
                .claim("roles", roles).build();
    }

    @Test
    void an_array_grants_the_known_roles_it_names() {
        assertThat(TokenClaims.roles(token(List.of("AGENT", "HANDLER")))).containsExactlyInAnyOrder("AGENT", "HANDLER");
    }

    @Test
    void an_array_element_with_a_comma_grants_nothing_and_is_not_split() {
        assertThat(TokenClaims.roles(token(List.of("AGENT", "X,MANAGER")))).containsExactly("AGENT");
        assertThat(TokenClaims.caller(token(List.of("AGENT", "X,MANAGER")), null).roles()).containsExactly("AGENT");
    }

    @Test
    void unknown_and_non_text_values_grant_nothing() {
        assertThat(TokenClaims.roles(token(List.of("ROOT", "agent", " MANAGER", 42, List.of("SUPERVISOR")))))
                .isEmpty();
    }

    @Test
    void a_string_is_split_on_whitespace_like_an_oauth_scope() {
        assertThat(TokenClaims.roles(token("AGENT  HANDLER\tSENIOR"))).containsExactlyInAnyOrder("AGENT", "HANDLER", "SENIOR");
    }

    @Test
    void a_string_is_not_split_on_commas() {
        assertThat(TokenClaims.roles(token("AGENT,MANAGER"))).isEmpty();
        assertThat(TokenClaims.roles(token("AGENT X,MANAGER"))).containsExactly("AGENT");
    }

    @Test
    void no_claim_grants_nothing() {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "RS256").subject("li-agent").build();
        assertThat(TokenClaims.roles(jwt)).isEmpty();
    }

    @Test
    void platform_administration_with_a_tenant_or_tenant_roles_grants_nothing() {
        assertThat(TokenClaims.caller(token(List.of("PLATFORM_ADMIN", "AGENT")), null).roles()).isEmpty();
        assertThat(TokenClaims.caller(token(List.of("PLATFORM_ADMIN")), null).roles()).isEmpty();
        Jwt noTenant = Jwt.withTokenValue("t").header("alg", "RS256").subject("ops")
                .claim("roles", List.of("PLATFORM_ADMIN", "AUDITOR")).build();
        assertThat(TokenClaims.caller(noTenant, null).roles()).isEmpty();
        Jwt platform = Jwt.withTokenValue("t").header("alg", "RS256").subject("ops")
                .claim("roles", List.of("PLATFORM_ADMIN")).build();
        assertThat(TokenClaims.caller(platform, null).roles()).containsExactly("PLATFORM_ADMIN");
    }

    @Test
    void a_tenants_own_idp_keeps_the_tenant_roles_of_a_token_also_naming_platform_administration() {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "RS256").subject("x")
                .claim("roles", List.of("PLATFORM_ADMIN", "AGENT")).build();
        assertThat(TokenClaims.caller(jwt, "acme").roles()).containsExactly("AGENT");
    }
}
