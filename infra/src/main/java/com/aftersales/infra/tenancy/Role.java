package com.aftersales.infra.tenancy;

import java.util.EnumSet;
import java.util.Set;

/** The roles of SPEC §1, as they appear in the {@code roles} claim of a token. */
public enum Role {
    AGENT, HANDLER, SENIOR, SUPERVISOR, MANAGER, AUDITOR, PII_READER, TENANT_ADMIN, PLATFORM_ADMIN;

    /** Who may register tickets: intake staff, and supervisors/managers for proactive service (SPEC §11). */
    public static final Set<Role> TICKET_OPENERS = EnumSet.of(AGENT, SUPERVISOR, MANAGER);

    /** Who may change tickets at all; each command narrows this further (TicketLifecycle). */
    public static final Set<Role> TICKET_WORKERS = EnumSet.of(AGENT, HANDLER, SUPERVISOR, MANAGER);

    /** Who may read a tenant's tickets. PLATFORM_ADMIN never sees tenant ticket data. */
    public static final Set<Role> TICKET_READERS = EnumSet.of(AGENT, HANDLER, SUPERVISOR, MANAGER, AUDITOR, TENANT_ADMIN);

    /** Who may read a ticket's history as stored, its past states and its tamper evidence (docs/audit.md). */
    public static final Set<Role> HISTORY_READERS = EnumSet.of(AUDITOR, TENANT_ADMIN);

    public static boolean anyOf(Set<String> granted, Set<Role> allowed) {
        return allowed.stream().anyMatch(role -> granted.contains(role.name()));
    }
}
