package com.aftersales.infra.eventstore;

import com.aftersales.infra.mongo.MongoStorageAutoConfiguration;
import com.aftersales.infra.mongo.MongoStorageAutoConfiguration.MongoConnection;
import com.mongodb.client.MongoDatabase;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.lang.management.ManagementFactory;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Our MongoDB event storage engine and token store, unless Axon Server is switched on
 * ({@code axon.axonserver.enabled=true}), which then stores and streams the events instead.
 */
@AutoConfiguration(after = MongoStorageAutoConfiguration.class, before = AxonAutoConfiguration.class)
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
@EnableConfigurationProperties(EventStoreProperties.class)
public class EventStoreAutoConfiguration {

    @Bean
    EventStorageEngine eventStorageEngine(MongoDatabase database, EventStoreProperties properties,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          Serializer serializer, ObjectProvider<EventUpcaster> upcasters) {
        return MongoEventStorageEngine.builder()
                .upcasterChain(new EventUpcasterChain(upcasters.orderedStream().toList()))
                .database(database)
                .settings(properties.toSettings())
                .eventSerializer(eventSerializer)
                .snapshotSerializer(serializer)
                .build();
    }

    /** Audit reads of the stored events (docs/audit.md). */
    @Bean
    EventHistory eventHistory(MongoDatabase database, EventStoreProperties properties) {
        return new EventHistory(database, MongoEventStorageEngine.CollectionNames.DEFAULT,
                properties.getAggregateWindow());
    }

    /**
     * On the embedded server, token writes do not commit the file on their own (see
     * {@link MongoConnection#deferredWriteConcern}): a processor writes its views before its token,
     * a commit stores everything written before it, so no commit can hold a token without the views
     * it covers; a crash loses at most the last second of both, and the processor applies those
     * events again (projections are idempotent). A token write per batch was most of the file
     * commits of a busy intake.
     */
    @Bean
    TokenStore tokenStore(MongoDatabase database, Serializer serializer, EventStoreProperties properties,
                          MongoConnection connection) {
        MongoDatabase tokens = database.withWriteConcern(connection.deferredWriteConcern(database.getWriteConcern()));
        return MongoTokenStore.builder()
                .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(tokens).build())
                .serializer(serializer)
                .claimTimeout(properties.getClaimTimeout())
                .nodeId(nodeId(connection))
                .build();
    }

    /**
     * Only one process can open the embedded store's file, so a stable node id lets a restarted
     * process take its claims back at once instead of waiting for the claim timeout.
     */
    private static String nodeId(MongoConnection connection) {
        if (!connection.embedded()) {
            return ManagementFactory.getRuntimeMXBean().getName();
        }
        try {
            return "embedded@" + InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "embedded@localhost";
        }
    }
}
