package com.aftersales.infra.tenancy;

import java.util.Map;

/**
 * A tenant's own identity provider: tokens from {@code issuerUri} (keys at {@code jwkSetUri}, or
 * discovered when empty) with audience {@code audience} are for this tenant only. Roles are read
 * from the claim {@code rolesClaim} (default {@code roles}); {@code roleMapping} translates the
 * IdP's names into roles (e.g. {@code support-desk → AGENT}); names it lacks must be role names.
 */
public record IdentityProvider(String issuerUri, String jwkSetUri, String audience, String rolesClaim,
                               Map<String, String> roleMapping) {

    public IdentityProvider {
        rolesClaim = rolesClaim == null || rolesClaim.isBlank() ? "roles" : rolesClaim;
        roleMapping = roleMapping == null ? Map.of() : Map.copyOf(roleMapping);
    }

    /** What is wrong with it, or null. */
    public String problem() {
        if (!isHttpUri(issuerUri)) {
            return "issuerUri";
        }
        if (jwkSetUri != null && !jwkSetUri.isBlank() && !isHttpUri(jwkSetUri)) {
            return "jwkSetUri";
        }
        if (audience == null || audience.isBlank()) {
            return "audience";
        }
        boolean rolesKnown = roleMapping.values().stream().allMatch(role -> {
            try {
                return Role.valueOf(role) != Role.PLATFORM_ADMIN;
            } catch (IllegalArgumentException e) {
                return false;
            }
        });
        return rolesKnown ? null : "roleMapping";
    }

    private static boolean isHttpUri(String uri) {
        return uri != null && uri.matches("https?://[^\\s]{1,500}");
    }
}
