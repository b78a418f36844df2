package com.aftersales.ticket;

import com.aftersales.infra.tenancy.Role;
import com.aftersales.infra.tenancy.Tenant;
import com.aftersales.ticket.HandlingCommands.Compensation;
import java.math.BigDecimal;

/** Who must approve a plan (SPEC §5). */
final class PlanRules {

    private PlanRules() {
    }

    /**
     * The highest priority level needs the department head (MANAGER), the second a SUPERVISOR, the
     * others none. Compensation above the tenant's cap (30 % of the order amount by default), or
     * compensation when the order amount is unknown, needs a MANAGER whatever the level.
     */
    static Role requiredApprover(Tenant tenant, String priority, Compensation compensation, BigDecimal orderAmount) {
        if (exceedsCap(tenant, compensation, orderAmount)) {
            return Role.MANAGER;
        }
        return switch (tenant.priorityScheme().rankOf(priority)) {
            case 0 -> Role.MANAGER;
            case 1 -> Role.SUPERVISOR;
            default -> null;
        };
    }

    /** SPEC §5: the two highest levels are resolved only through an approved plan. */
    static boolean planRequired(Tenant tenant, String priority) {
        return tenant.priorityScheme().isOneOfTheTopTwo(priority);
    }

    /** MANAGER above SUPERVISOR above none. */
    static int rank(Object approver) {
        String role = approver == null ? null : approver.toString();
        if (Role.MANAGER.name().equals(role)) {
            return 2;
        }
        return Role.SUPERVISOR.name().equals(role) ? 1 : 0;
    }

    static boolean exceedsCap(Tenant tenant, Compensation compensation, BigDecimal orderAmount) {
        if (compensation == null || compensation.amount() == null || compensation.amount().signum() <= 0) {
            return false;
        }
        if (orderAmount == null || orderAmount.signum() <= 0) {
            return true;
        }
        BigDecimal cap = orderAmount.multiply(BigDecimal.valueOf(tenant.compensationCapPercent())).movePointLeft(2);
        return compensation.amount().compareTo(cap) > 0;
    }
}
