package com.aftersales.gateway.tenant;

import com.aftersales.gateway.problem.RefusalException;
import com.aftersales.infra.tenancy.IdentityProvider;
import com.aftersales.infra.tenancy.PriorityScheme;
import com.aftersales.infra.tenancy.TenantConfiguration;
import com.aftersales.infra.tenancy.TenantProfile;
import com.aftersales.refusal.Refusal;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Map;

/** Bodies of the tenant administration routes. */
public final class TenantRequests {

    private TenantRequests() {
    }

    /**
     * Onboard a tenant: {@code priorityPreset} (URGENT_NORMAL_LOW, P0_P2, P1_P4) picks the presets its
     * configuration starts from; or a whole {@code configuration} is given instead (both: refused).
     */
    public record RegisterTenantRequest(String id, String nameZh, String nameEn, String timeZone, String ticketPrefix,
                                        Integer serialDigits, String priorityPreset, TenantConfiguration configuration) {

        TenantProfile profile() {
            ZoneId zone;
            try {
                zone = timeZone == null ? null : ZoneId.of(timeZone);
            } catch (DateTimeException e) {
                throw refused("TENANT_PROFILE_INVALID", "timeZone");
            }
            return new TenantProfile(nameZh, nameEn, zone, ticketPrefix, serialDigits == null ? 3 : serialDigits);
        }

        TenantConfiguration startingConfiguration() {
            if (configuration != null) {
                if (priorityPreset != null) { // which one was meant? neither is dropped silently
                    throw refused("TENANT_CONFIGURATION_INVALID", "priorityPreset");
                }
                return configuration;
            }
            try {
                return TenantConfiguration.defaults(priorityPreset == null ? PriorityScheme.URGENT_NORMAL_LOW
                        : PriorityScheme.valueOf(priorityPreset));
            } catch (IllegalArgumentException e) {
                throw refused("TENANT_CONFIGURATION_INVALID", "priorityPreset");
            }
        }
    }

    /** The tenant's own identity provider; see {@link IdentityProvider}. */
    public record BindIdentityProviderRequest(String issuerUri, String jwkSetUri, String audience, String rolesClaim,
                                              Map<String, String> roleMapping) {

        IdentityProvider provider() {
            return new IdentityProvider(issuerUri, jwkSetUri, audience, rolesClaim, roleMapping);
        }
    }

    public record SuspendTenantRequest(String reason) {
    }

    static RefusalException refused(String code, String field) {
        return new RefusalException(Refusal.of(code, "field", field));
    }
}
