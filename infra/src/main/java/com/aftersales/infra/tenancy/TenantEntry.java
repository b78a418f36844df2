package com.aftersales.infra.tenancy;

/**
 * A tenant as its events left it, without node-local settings: the document of the tenant
 * directory's read model, and what the directory is fed with.
 */
public record TenantEntry(String id, long version, TenantProfile profile, TenantConfiguration configuration,
                          long configurationVersion, IdentityProvider identityProvider, boolean suspended) {

    /** A tenant as configured under {@code aftersales.tenants.<id>} (before tenant administration existed). */
    public static TenantEntry configured(String id, TenantProperties.Tenant settings) {
        if (!Tenant.isValidId(id)) {
            throw new IllegalArgumentException("Tenant id '" + id + "' must match [a-z0-9][a-z0-9-]{1,39}");
        }
        String name = settings.getName() == null ? id : settings.getName();
        TenantProfile profile = new TenantProfile(settings.getNameZh(), name, settings.getTimeZone(),
                settings.getTicketPrefix(), settings.getSerialDigits());
        TenantConfiguration defaults = TenantConfiguration.defaults(settings.getPriorityScheme());
        TenantConfiguration configuration = new TenantConfiguration(settings.getTicketTypes(),
                settings.getComplaintTypes(), settings.getPriorityScheme(), settings.getCompensationCapPercent(),
                defaults.departments(), defaults.staff(), defaults.routing(), null, null, null, null);
        return new TenantEntry(id, 1, profile, configuration, 1, null, false);
    }
}
