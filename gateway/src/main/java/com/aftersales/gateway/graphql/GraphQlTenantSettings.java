package com.aftersales.gateway.graphql;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Per-tenant GraphQL settings, configured until tenant administration (issue 11) holds them in the
 * Tenant aggregate: {@code aftersales.graphql.tenant-settings.<tenant>.persisted-queries-only: true} lets that
 * tenant's callers run only the allow-listed documents of {@code aftersales.graphql.persisted-queries}.
 */
@ConfigurationProperties("aftersales.graphql")
public class GraphQlTenantSettings {

    private Map<String, Settings> tenantSettings = new LinkedHashMap<>();

    public Map<String, Settings> getTenantSettings() {
        return tenantSettings;
    }

    public void setTenantSettings(Map<String, Settings> tenantSettings) {
        this.tenantSettings = tenantSettings;
    }

    public boolean persistedQueriesOnly(String tenantId) {
        Settings settings = tenantSettings.get(tenantId);
        return settings != null && settings.isPersistedQueriesOnly();
    }

    public static class Settings {

        private boolean persistedQueriesOnly;

        public boolean isPersistedQueriesOnly() {
            return persistedQueriesOnly;
        }

        public void setPersistedQueriesOnly(boolean persistedQueriesOnly) {
            this.persistedQueriesOnly = persistedQueriesOnly;
        }
    }
}
