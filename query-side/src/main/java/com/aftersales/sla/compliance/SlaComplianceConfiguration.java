package com.aftersales.sla.compliance;

import com.aftersales.infra.deadletter.DeadLetterQueues;
import com.aftersales.infra.mongo.MongoStorageAutoConfiguration.MongoConnection;
import com.aftersales.infra.tenancy.TenantDirectory;
import com.mongodb.client.MongoDatabase;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The compliance projection on its own tracking processor ({@value SlaComplianceProjection#PROCESSING_GROUP}),
 * dead-lettered like the views. Its documents are derived data written before the processor's token,
 * so on the embedded server they skip a file commit of their own, as the views do.
 */
@Configuration
public class SlaComplianceConfiguration {

    @Bean
    SlaComplianceStore slaComplianceStore(MongoDatabase database, MongoConnection connection) {
        return new SlaComplianceStore(database.withWriteConcern(connection.deferredWriteConcern(database.getWriteConcern())));
    }

    @Bean
    SlaComplianceProjection slaComplianceProjection(SlaComplianceStore store, TenantDirectory tenants) {
        return new SlaComplianceProjection(store, tenants);
    }

    @Bean
    SlaComplianceQueryHandler slaComplianceQueryHandler(SlaComplianceStore store) {
        return new SlaComplianceQueryHandler(store);
    }

    @Bean
    ConfigurerModule slaComplianceDeadLetters(DeadLetterQueues queues) {
        return configurer -> configurer.eventProcessing(processing ->
                queues.register(processing, SlaComplianceProjection.PROCESSING_GROUP));
    }
}
