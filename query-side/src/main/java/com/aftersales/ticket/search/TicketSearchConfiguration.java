package com.aftersales.ticket.search;

import com.aftersales.infra.mongo.MongoStorageProperties;
import com.aftersales.infra.tenancy.TenantDirectory;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The search processor: a tracking processor of its own, one thread, large batches, its position
 * kept with the indexes ({@link SearchIndexTokenStore}). A failing event stops it (and shows in
 * health) rather than being skipped: the index never silently misses an event. No dead-letter
 * queue: those live in MongoDB, shared by all nodes, while each node has its own index.
 */
@Configuration
@EnableConfigurationProperties(SearchIndexProperties.class)
public class TicketSearchConfiguration {

    private static final Logger log = LoggerFactory.getLogger(TicketSearchConfiguration.class);

    @Bean(destroyMethod = "close")
    TicketSearchIndexes ticketSearchIndexes(SearchIndexProperties properties, MongoStorageProperties mongo,
                                            Serializer serializer, TenantDirectory tenants) {
        return new TicketSearchIndexes(storage(properties, mongo), new TokenCodec(serializer),
                (tenantId, priority) -> priorityRank(tenants, tenantId, priority),
                properties.getCommitInterval(), properties.getRefreshInterval(), Clock.systemUTC());
    }

    private static SearchIndexStorage storage(SearchIndexProperties properties, MongoStorageProperties mongo) {
        if (properties.getDirectory() != null) {
            return SearchIndexStorage.files(properties.getDirectory());
        }
        if (mongo.isEmbedded() && mongo.getEmbedded().getBackend() == MongoStorageProperties.Backend.H2) {
            return SearchIndexStorage.files(mongo.getEmbedded().getDataDir().resolve("search"));
        }
        if (!mongo.isEmbedded()) {
            log.warn("No aftersales.search.directory: this node keeps its search index in memory and rebuilds it "
                    + "from the event store at every start");
        }
        return SearchIndexStorage.memory();
    }

    private static long priorityRank(TenantDirectory tenants, String tenantId, String priority) {
        int rank = tenants.find(tenantId).map(tenant -> tenant.priorityScheme().rankOf(priority)).orElse(-1);
        return rank < 0 ? SearchFields.NO_PRIORITY_RANK : rank;
    }

    @Bean
    TicketSearch ticketSearch(TicketSearchIndexes indexes, TenantDirectory tenants) {
        return new TicketSearch(indexes, EscalationTargets.from(tenants));
    }

    @Bean
    ConfigurerModule ticketSearchProcessor(TicketSearchIndexes indexes, SearchIndexProperties properties,
                                           ObjectProvider<EventStorageEngine> storage) {
        String group = TicketSearchProjection.PROCESSING_GROUP;
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerTrackingEventProcessor(group, configuration -> configuration.eventStore(),
                        configuration -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                .andBatchSize(properties.getBatchSize()))
                .registerTokenStore(group, configuration -> new SearchIndexTokenStore(indexes,
                        storeIdentity(storage.getIfAvailable())))
                .registerListenerInvocationErrorHandler(group, configuration -> PropagatingErrorHandler.instance()));
    }

    /** The first event's identifier names the store; with Axon Server (no local engine) the check is skipped. */
    private static Supplier<String> storeIdentity(EventStorageEngine engine) {
        if (engine == null) {
            return () -> "axon-server";
        }
        return () -> {
            try (var events = engine.readEvents(null, false)) {
                return events.findFirst().map(EventMessage::getIdentifier).orElse("");
            }
        };
    }
}
