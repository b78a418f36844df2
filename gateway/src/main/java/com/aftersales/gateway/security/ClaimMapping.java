package com.aftersales.gateway.security;

import java.util.Map;

/**
 * Where a token's roles are and what they are called: the claim ({@code roles}, or a dotted path
 * into nested claims such as {@code realm_access.roles}) and a translation of the identity
 * provider's names into role names. Names without a translation are taken as they are.
 */
record ClaimMapping(String rolesClaim, Map<String, String> names) {

    static final ClaimMapping STANDARD = new ClaimMapping(TokenClaims.ROLES, Map.of());

    ClaimMapping {
        names = names == null ? Map.of() : Map.copyOf(names);
    }

    Object claim(Map<String, Object> claims) {
        Object value = claims;
        for (String part : rolesClaim.split("\\.")) {
            if (!(value instanceof Map<?, ?> map)) {
                return null;
            }
            value = map.get(part);
        }
        return value;
    }

    String role(String name) {
        return names.getOrDefault(name, name);
    }
}
