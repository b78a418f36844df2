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
 * Reads the caller from token claims: {@code tenant}, {@code roles} and {@code sub}. An issuer
 * bound to a tenant grants tenant roles only; PLATFORM_ADMIN together with a tenant or another role
 * grants nothing. A token whose subject is its own client
 * ({@code azp} or {@code client_id}) is a machine client of the client-credentials grant.
 *
 * <p>Roles are checked here, at the edge, against {@link Role}: a value that is not exactly a
 * role's name grants nothing and is never taken apart (an array element {@code "X,MANAGER"} is one
 * unknown value, not MANAGER). The claim is an array of names, or one string of names separated
 * by whitespace, like OAuth's {@code scope}; commas separate nothing.
 */
final class TokenClaims {

    static final String TENANT = "tenant";
    static final String ROLES = "roles";

    private TokenClaims() {
    }

    static Caller caller(Jwt jwt, String boundTenant) {
        return caller(jwt, boundTenant, ClaimMapping.STANDARD);
    }

    static Caller caller(Jwt jwt, String boundTenant, ClaimMapping mapping) {
        String tenant = boundTenant != null ? boundTenant : jwt.getClaimAsString(TENANT);
        String client = jwt.hasClaim("azp") ? jwt.getClaimAsString("azp") : jwt.getClaimAsString("client_id");
        String kind = client != null && client.equals(jwt.getSubject()) ? "client" : "user";
        Set<String> roles = roles(jwt, mapping);
        if (boundTenant != null && roles.contains(Role.PLATFORM_ADMIN.name())) {
            // a tenant's own IdP grants tenant roles only
            Set<String> tenantRoles = new LinkedHashSet<>(roles);
            tenantRoles.remove(Role.PLATFORM_ADMIN.name());
            roles = Set.copyOf(tenantRoles);
        }
        if (roles.contains(Role.PLATFORM_ADMIN.name()) && (tenant != null || roles.size() > 1)) {
            // PLATFORM_ADMIN has no tenant and reads no tenant data: a token that also names a tenant or
            // grants tenant roles is a misissued one, and grants nothing (403 on every route)
            roles = Set.of();
        }
        return new Caller(tenant, jwt.getSubject(), kind, roles);
    }

    /** The names of the {@link Role}s the token grants; anything else in the claim is ignored. */
    static Set<String> roles(Jwt jwt) {
        return roles(jwt, ClaimMapping.STANDARD);
    }

    /** As {@link #roles(Jwt)}, from the claim and with the names a tenant's own IdP uses. */
    static Set<String> roles(Jwt jwt, ClaimMapping mapping) {
        Object claim = mapping.claim(jwt.getClaims());
        Collection<?> values;
        if (claim instanceof Collection<?> collection) {
            values = collection;
        } else if (claim instanceof String text) {
            values = Arrays.asList(text.strip().split("\\s+"));
        } else {
            values = List.of();
        }
        Set<String> roles = new LinkedHashSet<>();
        for (Object value : values) {
            if (value instanceof String name && isRole(mapping.role(name))) {
                roles.add(mapping.role(name));
            }
        }
        return Set.copyOf(roles);
    }

    private static boolean isRole(String name) {
        return Arrays.stream(Role.values()).anyMatch(role -> role.name().equals(name));
    }
}
