package com.aftersales.gateway.security;

import com.aftersales.access.Caller;
import com.aftersales.infra.tenancy.Role;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Reads the caller from token claims: {@code tenant}, {@code roles} (array, or a space or comma
 * separated string) and {@code sub}. An issuer bound to a tenant grants tenant roles only. A token whose subject is its own client ({@code azp} or
 * {@code client_id}) is a machine client of the client-credentials grant.
 */
final class TokenClaims {

    static final String TENANT = "tenant";
    static final String ROLES = "roles";

    private TokenClaims() {
    }

    static Caller caller(Jwt jwt, String boundTenant) {
        String tenant = boundTenant != null ? boundTenant : jwt.getClaimAsString(TENANT);
        String client = jwt.hasClaim("azp") ? jwt.getClaimAsString("azp") : jwt.getClaimAsString("client_id");
        String kind = client != null && client.equals(jwt.getSubject()) ? "client" : "user";
        Set<String> roles = roles(jwt);
        if (boundTenant != null && roles.contains(Role.PLATFORM_ADMIN.name())) {
            // a tenant's own IdP grants tenant roles only
            Set<String> tenantRoles = new LinkedHashSet<>(roles);
            tenantRoles.remove(Role.PLATFORM_ADMIN.name());
            roles = Set.copyOf(tenantRoles);
        }
        return new Caller(tenant, jwt.getSubject(), kind, roles);
    }

    static Set<String> roles(Jwt jwt) {
        Object claim = jwt.getClaims().get(ROLES);
        Collection<?> values;
        if (claim instanceof Collection<?> collection) {
            values = collection;
        } else if (claim instanceof String text) {
            values = Arrays.asList(text.split("[\\s,]+"));
        } else {
            values = List.of();
        }
        Set<String> roles = new LinkedHashSet<>();
        values.stream().map(String::valueOf).filter(role -> !role.isBlank()).forEach(roles::add);
        return Set.copyOf(roles);
    }
}
