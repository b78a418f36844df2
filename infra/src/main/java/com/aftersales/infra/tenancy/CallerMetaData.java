package com.aftersales.infra.tenancy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import org.axonframework.messaging.MetaData;

/**
 * The metadata keys that say who sent a message. The gateway sets them from the verified token;
 * Axon copies them from each command to the events it causes.
 */
public final class CallerMetaData {

    public static final String TENANT = "tenantId";
    public static final String ACTOR = "actorId";
    public static final String ACTOR_KIND = "actorKind";
    /** The caller's roles: a list of role names, each one whole (never a joined string). */
    public static final String ROLES = "roles";

    private CallerMetaData() {
    }

    public static MetaData of(String tenantId, String actorId, String actorKind, Collection<String> roles) {
        // sorted for stable metadata; a plain ArrayList because Axon Server's metadata converter
        // serialises non-primitive values by their class name, and Jackson can rebuild an ArrayList
        // (not List.of's internal classes)
        return MetaData.with(TENANT, tenantId)
                .and(ACTOR, actorId)
                .and(ACTOR_KIND, actorKind)
                .and(ROLES, new ArrayList<>(roles.stream().distinct().sorted().toList()));
    }

    /**
     * The roles in a {@link #ROLES} value, taken as they are: each text element of a list is one
     * role and nothing is ever split. Anything else grants nothing — in particular a single
     * comma-joined string, the format before roles travelled as a list. Such strings only survive
     * in the metadata of stored events, and nothing reads roles from stored events to authorise:
     * only commands are checked, and the gateway builds each command's metadata afresh.
     */
    public static Set<String> roles(Object value) {
        if (!(value instanceof Collection<?> values)) {
            return Set.of();
        }
        Set<String> roles = new LinkedHashSet<>();
        for (Object role : values) {
            if (role instanceof String name && !name.isBlank()) {
                roles.add(name);
            }
        }
        return Set.copyOf(roles);
    }
}
