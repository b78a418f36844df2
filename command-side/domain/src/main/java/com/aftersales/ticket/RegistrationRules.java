package com.aftersales.ticket;

import com.aftersales.access.Caller;
import com.aftersales.infra.tenancy.Role;
import com.aftersales.infra.tenancy.Tenant;
import com.aftersales.infra.tenancy.TenantDirectory;
import com.aftersales.refusal.Refusal;
import com.aftersales.refusal.RefusalCode;
import com.aftersales.refusal.RefusedException;

/** What a registration must hold, whatever entry point it came through. */
final class RegistrationRules {

    private RegistrationRules() {
    }

    /** The caller's tenant, once the caller may register requests there and the registration is complete. */
    static Tenant check(Caller caller, Registration registration, TenantDirectory tenants) {
        caller.requireAnyOf(Role.TICKET_OPENERS);
        Tenant tenant = tenants.find(caller.tenantId()).orElseThrow(() -> new RefusedException(RefusalCode.TENANT_UNKNOWN));
        if (tenant.suspended()) {
            throw new RefusedException(RefusalCode.TENANT_SUSPENDED);
        }
        check(registration, tenant);
        return tenant;
    }

    private static void check(Registration registration, Tenant tenant) {
        if (registration == null || registration.channel() == null || registration.customer() == null
                || isBlank(registration.customer().name())
                || isBlank(registration.customer().phone()) && isBlank(registration.customer().email())
                || registration.problem() == null || isBlank(registration.problem().description())) {
            throw new RefusedException(RefusalCode.REGISTRATION_INCOMPLETE);
        }
        if (!tenant.usesTicketType(registration.type())) {
            throw new RefusedException(Refusal.of(RefusalCode.TICKET_TYPE_UNKNOWN, "allowed", tenant.ticketTypes()));
        }
        if (registration.priority() != null && !tenant.priorityScheme().hasLevel(registration.priority())) {
            throw new RefusedException(Refusal.of(RefusalCode.PRIORITY_UNKNOWN, "allowed",
                    tenant.priorityScheme().codes()));
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
