package com.aftersales.infra.tenancy;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Looks tenants up by id, in memory. In the service it is fed from the tenant events (the
 * directory read model, refreshed on every node); a change replaces a tenant only with a later
 * version of it, so late or repeated feeds change nothing.
 */
public class TenantDirectory {

    private final TenantProperties properties;
    private final ConcurrentMap<String, Tenant> tenants = new ConcurrentHashMap<>();

    /** Holding the tenants of {@code aftersales.tenants} as configured: for rules tested without events. */
    public TenantDirectory(TenantProperties properties) {
        this(properties, true);
    }

    private TenantDirectory(TenantProperties properties, boolean configured) {
        this.properties = properties;
        if (configured) {
            properties.getTenants().forEach((id, settings) -> update(TenantEntry.configured(id, settings)));
        }
    }

    /** Empty until fed with tenant entries. */
    public static TenantDirectory fedByEvents(TenantProperties properties) {
        return new TenantDirectory(properties, false);
    }

    /** Takes {@code entry} unless the directory holds that version of the tenant or a later one; true if taken. */
    public boolean update(TenantEntry entry) {
        Tenant next = toTenant(entry);
        Tenant kept = tenants.merge(entry.id(), next, (current, candidate) ->
                candidate.version() > current.version() ? candidate : current);
        return kept == next;
    }

    private Tenant toTenant(TenantEntry entry) {
        TenantProperties.Tenant settings = properties.getTenants().get(entry.id());
        RateLimit rateLimit = (settings == null ? new TenantProperties.RateLimitSettings() : settings.getRateLimit())
                .resolve(properties.getRateLimits());
        return new Tenant(entry.id(), entry.version(), entry.profile(), entry.configuration(),
                entry.configurationVersion(), entry.identityProvider(), entry.suspended(), rateLimit);
    }

    public Optional<Tenant> find(String tenantId) {
        return Optional.ofNullable(tenantId).map(tenants::get);
    }

    public Collection<Tenant> all() {
        return List.copyOf(tenants.values());
    }

    /** The tenants whose own identity provider is {@code issuerUri}. */
    public List<Tenant> boundTo(String issuerUri) {
        return tenants.values().stream()
                .filter(tenant -> tenant.identityProvider() != null && tenant.identityProvider().issuerUri().equals(issuerUri))
                .toList();
    }
}
