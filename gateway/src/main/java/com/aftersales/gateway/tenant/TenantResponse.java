package com.aftersales.gateway.tenant;

import com.aftersales.infra.tenancy.Tenant;
import com.aftersales.infra.tenancy.TenantConfiguration;

/** The caller's own tenant as its TENANT_ADMIN sees it: profile and the configuration in force, with its version. */
public record TenantResponse(String id, String nameZh, String nameEn, String timeZone, String ticketPrefix,
                             int serialDigits, long version, long configurationVersion,
                             TenantConfiguration configuration) {

    static TenantResponse of(Tenant tenant) {
        return new TenantResponse(tenant.id(), tenant.profile().nameZh(), tenant.profile().nameEn(),
                tenant.timeZone().getId(), tenant.ticketPrefix(), tenant.serialDigits(), tenant.version(),
                tenant.configurationVersion(), tenant.configuration());
    }
}
