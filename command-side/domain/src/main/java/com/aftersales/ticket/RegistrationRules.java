package com.aftersales.ticket;

import com.aftersales.infra.tenancy.Tenant;
import com.aftersales.refusal.Refusal;
import com.aftersales.refusal.RefusalCode;
import com.aftersales.refusal.RefusedException;

/** What a registration must hold, whatever entry point it came through. */
final class RegistrationRules {

    private RegistrationRules() {
    }

    static void check(Registration registration, Tenant tenant) {
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
                    tenant.priorityScheme().levels()));
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
