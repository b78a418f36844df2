package com.aftersales.infra.audit;

import com.aftersales.infra.eventstore.StoredEvent;
import com.aftersales.infra.tenancy.CallerMetaData;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The tenant of a stored event: its commit's, or for commits stored before that was recorded, its metadata's. */
public final class EventTenants {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EventTenants() {
    }

    public static String of(StoredEvent event) {
        if (event.tenant() != null) {
            return event.tenant();
        }
        try {
            JsonNode tenant = JSON.readTree(event.metaData()).get(CallerMetaData.TENANT);
            return tenant == null ? null : tenant.asText();
        } catch (Exception e) {
            return null;
        }
    }
}
