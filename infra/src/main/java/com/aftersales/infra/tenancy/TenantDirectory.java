package com.aftersales.infra.tenancy;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Looks tenants up by id. */
public class TenantDirectory {

    private final Map<String, Tenant> tenants;

    public TenantDirectory(TenantProperties properties) {
        this.tenants = properties.getTenants().entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey,
                        entry -> toTenant(entry.getKey(), entry.getValue(), properties.getRateLimits())));
    }

    private static Tenant toTenant(String id, TenantProperties.Tenant settings,
                                   TenantProperties.RateLimitSettings platformRateLimits) {
        if (!Tenant.isValidId(id)) {
            throw new IllegalArgumentException("Tenant id '" + id + "' must match [a-z0-9][a-z0-9-]{1,39}");
        }
        return new Tenant(id, settings.getName() == null ? id : settings.getName(), settings.getTimeZone(),
                settings.getTicketPrefix(), settings.getSerialDigits(), settings.getPriorityScheme(),
                settings.getTicketTypes(), settings.getCompensationCapPercent(), settings.getComplaintTypes(),
                settings.getRateLimit().resolve(platformRateLimits));
    }

    public Optional<Tenant> find(String tenantId) {
        return Optional.ofNullable(tenantId).map(tenants::get);
    }
}
