package com.aftersales.gateway.tenant;

import com.aftersales.infra.tenancy.IdentityProvider;
import com.aftersales.infra.tenancy.Tenant;

/**
 * A tenant as the platform operator sees it: who it is, its status and identity provider (null: the
 * shared one). No configuration details, and never ticket data.
 */
public record PlatformTenantResponse(String id, String nameZh, String nameEn, String timeZone, String ticketPrefix,
                                     int serialDigits, String status, IdentityProvider identityProvider, long version,
                                     long configurationVersion) {

    static PlatformTenantResponse of(Tenant tenant) {
        return new PlatformTenantResponse(tenant.id(), tenant.profile().nameZh(), tenant.profile().nameEn(),
                tenant.timeZone().getId(), tenant.ticketPrefix(), tenant.serialDigits(),
                tenant.suspended() ? "SUSPENDED" : "ACTIVE", tenant.identityProvider(), tenant.version(),
                tenant.configurationVersion());
    }
}
