package com.aftersales.ticket.search;

import com.aftersales.infra.tenancy.Role;
import com.aftersales.infra.tenancy.TenantConfiguration.StaffMember;
import com.aftersales.infra.tenancy.TenantDirectory;
import java.util.List;
import java.util.stream.Stream;

/**
 * Which escalations reach a person (docs/sla.md, "Views"): an escalation names a level, SUPERVISOR
 * or MANAGER (department head); it reaches every member of the tenant's staff configuration who
 * holds that role in the ticket's department, and holders without a department (tenant-wide). A
 * ticket without a department reaches every holder of the level.
 */
@FunctionalInterface
public interface EscalationTargets {

    EscalationTargets NONE = (tenantId, staffId) -> List.of();

    /** A level and the department it is held in (null: tenant-wide). */
    record Target(String level, String department) {
    }

    /** The levels {@code staffId} holds in the tenant's staff configuration; none if not listed. */
    List<Target> of(String tenantId, String staffId);

    static EscalationTargets from(TenantDirectory tenants) {
        return (tenantId, staffId) -> tenants.find(tenantId).stream()
                .flatMap(tenant -> tenant.configuration().staff().stream())
                .filter(member -> member.id().equals(staffId))
                .flatMap(EscalationTargets::targets)
                .toList();
    }

    private static Stream<Target> targets(StaffMember member) {
        return Stream.of(Role.SUPERVISOR, Role.MANAGER).filter(member.roles()::contains)
                .map(role -> new Target(role.name(), member.department()));
    }
}
