package com.aftersales.infra.privacy;

/**
 * Whose key encrypts the personal fields of one serialized value: the tenant and the stream (the
 * ticket) it belongs to. The event store passes it to Jackson as the attribute {@link #ATTRIBUTE}
 * when it writes an event or a snapshot; without it, personal fields are written as plain text
 * (API responses, which carry no stored data).
 */
public record KeyScope(String tenantId, String ticketId) {

    public static final Object ATTRIBUTE = KeyScope.class;

    /** Events without a tenant (none of the ticket's) are keyed under this tenant id. */
    public static final String NO_TENANT = "-";

    public KeyScope {
        tenantId = tenantId == null || tenantId.isBlank() ? NO_TENANT : tenantId;
        if (ticketId == null || ticketId.isBlank()) {
            throw new IllegalArgumentException("A key scope names its ticket");
        }
    }

    /** The id of the ticket's key document, and part of every ciphertext's associated data. */
    public String reference() {
        return tenantId + "/" + ticketId;
    }
}
