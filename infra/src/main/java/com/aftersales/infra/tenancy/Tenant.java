package com.aftersales.infra.tenancy;

import java.time.ZoneId;
import java.util.List;

/** A subscribed client company, as the rest of the system sees it. */
public record Tenant(String id, String name, ZoneId timeZone, String ticketPrefix, int serialDigits,
                     PriorityScheme priorityScheme, List<String> ticketTypes, int compensationCapPercent,
                     List<String> complaintTypes, RateLimit rateLimit) {

    /** Tenant ids end up in collection names and metric tags: keep them plain. */
    public static boolean isValidId(String id) {
        return id != null && id.matches("[a-z0-9][a-z0-9-]{1,39}");
    }

    public boolean isComplaint(String type) {
        return type != null && complaintTypes.contains(type);
    }

    public boolean usesTicketType(String type) {
        return ticketTypes.contains(type);
    }
}
