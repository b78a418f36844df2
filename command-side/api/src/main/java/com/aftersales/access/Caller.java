package com.aftersales.access;

import com.aftersales.infra.tenancy.CallerMetaData;
import com.aftersales.infra.tenancy.Role;
import com.aftersales.refusal.Refusal;
import com.aftersales.refusal.RefusalCode;
import com.aftersales.refusal.RefusedException;
import java.util.Set;
import org.axonframework.messaging.MetaData;

/**
 * Who sent a command, read from the metadata the gateway took from the verified token. Command
 * handlers check roles themselves, so no entry point can bypass the rules.
 */
public record Caller(String tenantId, String actorId, String actorKind, Set<String> roles) {

    public static Caller from(MetaData metaData) {
        String tenantId = (String) metaData.get(CallerMetaData.TENANT);
        String actorId = (String) metaData.get(CallerMetaData.ACTOR);
        if (tenantId == null || actorId == null) {
            throw new RefusedException(RefusalCode.ROLE_NOT_ALLOWED);
        }
        // a list of whole role names; an old comma-joined string grants nothing (see CallerMetaData)
        return new Caller(tenantId, actorId, (String) metaData.get(CallerMetaData.ACTOR_KIND),
                CallerMetaData.roles(metaData.get(CallerMetaData.ROLES)));
    }

    public MetaData toMetaData() {
        return CallerMetaData.of(tenantId, actorId, actorKind, roles);
    }

    public boolean has(Role role) {
        return roles.contains(role.name());
    }

    public void requireAnyOf(Set<Role> allowed) {
        if (!Role.anyOf(roles, allowed)) {
            throw new RefusedException(Refusal.of(RefusalCode.ROLE_NOT_ALLOWED, "allowed",
                    allowed.stream().map(Role::name).sorted().toList()));
        }
    }
}
