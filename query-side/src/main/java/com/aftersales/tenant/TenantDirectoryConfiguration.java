package com.aftersales.tenant;

import com.aftersales.infra.tenancy.TenantDirectory;
import com.aftersales.infra.tenancy.TenantProperties;
import com.mongodb.client.MongoDatabase;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The tenant directory's feed: a tracking projection of the tenant events into MongoDB (one node
 * at a time, like every projection) and, on every node, a refresh of the in-memory directory from it.
 * A failing event stops the projection (retried) instead of being skipped.
 */
@Configuration
public class TenantDirectoryConfiguration {

    @Bean
    TenantDirectoryStore tenantDirectoryStore(MongoDatabase database) {
        return new TenantDirectoryStore(database);
    }

    @Bean(destroyMethod = "close")
    TenantDirectoryRefresh tenantDirectoryRefresh(TenantDirectoryStore store, TenantDirectory directory,
                                                  TenantProperties properties) {
        return new TenantDirectoryRefresh(store, directory, properties.getTenancy().getRefreshInterval());
    }

    @Bean
    ConfigurerModule tenantDirectoryErrors() {
        return configurer -> configurer.eventProcessing(processing -> processing.registerListenerInvocationErrorHandler(
                TenantDirectoryProjection.PROCESSING_GROUP, configuration -> PropagatingErrorHandler.instance()));
    }
}
