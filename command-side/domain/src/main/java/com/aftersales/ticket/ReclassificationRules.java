package com.aftersales.ticket;

import com.aftersales.infra.tenancy.Tenant;
import com.aftersales.refusal.Refusal;
import com.aftersales.refusal.RefusalCode;
import com.aftersales.refusal.RefusedException;

/** What a new classification may not undo once a ticket is being handled (SPEC §3–§4, §7). */
final class ReclassificationRules {

    private ReclassificationRules() {
    }

    /** SPEC §4: the two highest levels of the tenant's scheme need a senior engineer or supervisor as lead. */
    static boolean needsQualifiedLead(Tenant tenant, String priority) {
        return tenant.priorityScheme().isOneOfTheTopTwo(priority);
    }

    /**
     * Once handling started, a ticket cannot become or stop being a complaint (its review rule would
     * appear or vanish), and a raise to the two highest levels needs a qualified lead in place.
     */
    static void check(String currentType, String newType, TicketStatus status, boolean qualifiedLead, Tenant tenant,
                      String newPriority) {
        boolean handling = status == TicketStatus.IN_PROGRESS || status == TicketStatus.RESOLVED
                || status == TicketStatus.RETURNED_FOR_INFORMATION;
        if (handling && tenant.isComplaint(currentType) != tenant.isComplaint(newType)) {
            throw new RefusedException(RefusalCode.COMPLAINT_TYPE_LOCKED);
        }
        if (status == TicketStatus.IN_PROGRESS && !qualifiedLead && needsQualifiedLead(tenant, newPriority)) {
            throw new RefusedException(Refusal.of(RefusalCode.LEAD_NOT_QUALIFIED, "priority", newPriority));
        }
    }

    /** The type and the priority level must be the tenant's own. */
    static void checkTenantScheme(Tenant tenant, String type, String priority) {
        if (!tenant.usesTicketType(type)) {
            throw new RefusedException(Refusal.of(RefusalCode.TICKET_TYPE_UNKNOWN, "allowed", tenant.ticketTypes()));
        }
        if (priority == null || !tenant.priorityScheme().hasLevel(priority)) {
            throw new RefusedException(Refusal.of(RefusalCode.PRIORITY_UNKNOWN, "allowed", tenant.priorityScheme().codes()));
        }
    }
}
