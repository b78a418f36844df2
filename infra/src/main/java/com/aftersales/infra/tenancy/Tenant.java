package com.aftersales.infra.tenancy;

import java.time.ZoneId;
import java.util.List;

/**
 * A subscribed client company as the rest of the system sees it: its latest registered profile,
 * configuration (with the version tickets are classified under), identity provider (null: the
 * shared one) and whether it is suspended. {@code version} is the tenant aggregate's.
 */
public record Tenant(String id, long version, TenantProfile profile, TenantConfiguration configuration,
                     long configurationVersion, IdentityProvider identityProvider, boolean suspended,
                     RateLimit rateLimit) {

    /** Tenant ids end up in collection names and metric tags: keep them plain. */
    public static boolean isValidId(String id) {
        return id != null && id.matches("[a-z0-9][a-z0-9-]{1,39}");
    }

    public String name() {
        return TenantProfile.isBlank(profile.nameEn()) ? profile.nameZh() : profile.nameEn();
    }

    public ZoneId timeZone() {
        return profile.timeZone();
    }

    public String ticketPrefix() {
        return profile.ticketPrefix();
    }

    public int serialDigits() {
        return profile.serialDigits();
    }

    public PriorityScheme priorityScheme() {
        return configuration.priorityScheme();
    }

    public List<String> ticketTypes() {
        return configuration.ticketTypes();
    }

    public List<String> complaintTypes() {
        return configuration.complaintTypes();
    }

    public int compensationCapPercent() {
        return configuration.compensationCapPercent();
    }

    public boolean isComplaint(String type) {
        return type != null && complaintTypes().contains(type);
    }

    public boolean usesTicketType(String type) {
        return ticketTypes().contains(type);
    }
}
