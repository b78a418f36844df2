package com.aftersales.gateway.security;

import com.aftersales.infra.tenancy.Role;
import com.aftersales.infra.tenancy.Tenant;
import com.aftersales.infra.tenancy.TenantDirectory;
import java.util.Set;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.web.server.authorization.AuthorizationContext;

/**
 * Access rules on the caller: an onboarded tenant that is not suspended, and one of the allowed
 * roles. Platform routes need PLATFORM_ADMIN, whatever the tenant.
 */
public final class CallerAccess {

    private final TenantDirectory tenants;

    public CallerAccess(TenantDirectory tenants) {
        this.tenants = tenants;
    }

    public ReactiveAuthorizationManager<AuthorizationContext> anyOf(Set<Role> allowed) {
        return (authentication, context) -> authentication
                .map(auth -> new AuthorizationDecision(auth instanceof CallerAuthentication caller
                        && isActive(caller)
                        && Role.anyOf(caller.getPrincipal().roles(), allowed)));
    }

    /** Platform operators: PLATFORM_ADMIN, which has no tenant and sees no tenant data. */
    public ReactiveAuthorizationManager<AuthorizationContext> platform() {
        return (authentication, context) -> authentication
                .map(auth -> new AuthorizationDecision(auth instanceof CallerAuthentication caller
                        && caller.getPrincipal().has(Role.PLATFORM_ADMIN)));
    }

    boolean isOnboarded(CallerAuthentication caller) {
        return tenants.find(caller.getPrincipal().tenantId()).isPresent();
    }

    boolean isSuspended(CallerAuthentication caller) {
        return tenants.find(caller.getPrincipal().tenantId()).map(Tenant::suspended).orElse(false);
    }

    private boolean isActive(CallerAuthentication caller) {
        return tenants.find(caller.getPrincipal().tenantId()).filter(tenant -> !tenant.suspended()).isPresent();
    }
}
