package com.aftersales.tenant;

import com.aftersales.infra.tenancy.IdentityProvider;
import com.aftersales.infra.tenancy.TenantConfiguration;
import com.aftersales.infra.tenancy.TenantProfile;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * What happened to a tenant. Each names who ({@code by}, the token subject) and when; a change of
 * an event's shape raises its revision and adds an upcaster from the previous one.
 */
public final class TenantEvents {

    public static final String FIRST = "1";

    /**
     * {@code TenantConfigured} whose configuration has the typed SLA policy and calendar sections
     * (docs/sla.md); revision 1's placeholders read into them (see {@code TenantConfiguration.SlaPolicy}).
     */
    public static final String CONFIGURED_WITH_SLA_SECTIONS = "2";

    private TenantEvents() {
    }

    @Revision(FIRST)
    public record TenantRegistered(String tenantId, TenantProfile profile, String by, Instant at) {
    }

    /** The whole configuration as of {@code configurationVersion} (1 at registration, +1 per change). */
    @Revision(CONFIGURED_WITH_SLA_SECTIONS)
    public record TenantConfigured(String tenantId, long configurationVersion, TenantConfiguration configuration,
                                   String by, Instant at) {
    }

    /** {@code provider} null: the tenant's tokens come from the shared issuer. */
    @Revision(FIRST)
    public record IdentityProviderBound(String tenantId, IdentityProvider provider, String by, Instant at) {
    }

    @Revision(FIRST)
    public record TenantSuspended(String tenantId, String reason, String by, Instant at) {
    }

    @Revision(FIRST)
    public record TenantReactivated(String tenantId, String by, Instant at) {
    }
}
