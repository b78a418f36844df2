package com.aftersales.infra.tenancy;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.messaging.MetaData;

/**
 * The metadata keys that say who sent a message. The gateway sets them from the verified token;
 * Axon copies them from each command to the events it causes.
 */
public final class CallerMetaData {

    public static final String TENANT = "tenantId";
    public static final String ACTOR = "actorId";
    public static final String ACTOR_KIND = "actorKind";
    public static final String ROLES = "roles";

    private CallerMetaData() {
    }

    public static MetaData of(String tenantId, String actorId, String actorKind, Set<String> roles) {
        return MetaData.with(TENANT, tenantId)
                .and(ACTOR, actorId)
                .and(ACTOR_KIND, actorKind)
                .and(ROLES, String.join(",", roles));
    }

    public static Set<String> roles(String roles) {
        if (roles == null || roles.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(roles.split(",")).map(String::trim).collect(Collectors.toUnmodifiableSet());
    }
}
