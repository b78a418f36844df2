package com.aftersales.tenant;

import com.aftersales.infra.tenancy.IdentityProvider;
import com.aftersales.infra.tenancy.TenantConfiguration;
import com.aftersales.infra.tenancy.TenantProfile;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Orders to a tenant (SPEC §1). PLATFORM_ADMIN onboards, binds the identity provider, suspends and
 * reactivates; the tenant's TENANT_ADMIN configures it. The actor comes from the metadata.
 */
public final class TenantCommands {

    private TenantCommands() {
    }

    /** Onboard a tenant; without a configuration it starts from the presets of its priority scheme. */
    public record RegisterTenant(@TargetAggregateIdentifier String tenantId, TenantProfile profile,
                                 TenantConfiguration configuration) {
    }

    /** Trust the tenant's own identity provider for it; {@code provider} null: the shared one. */
    public record BindIdentityProvider(@TargetAggregateIdentifier String tenantId, IdentityProvider provider) {
    }

    /** Refuse the tenant's calls until reactivated; its data stays as it is. */
    public record SuspendTenant(@TargetAggregateIdentifier String tenantId, String reason) {
    }

    public record ReactivateTenant(@TargetAggregateIdentifier String tenantId) {
    }

    /**
     * Replace the tenant's configuration. {@code expectedVersion} (optional) is the tenant version the
     * sender saw: a tenant changed since is refused.
     */
    public record ConfigureTenant(@TargetAggregateIdentifier String tenantId, Long expectedVersion,
                                  TenantConfiguration configuration) {
    }
}
