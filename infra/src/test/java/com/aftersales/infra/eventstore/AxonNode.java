package com.aftersales.infra.eventstore;

import com.mongodb.client.MongoDatabase;
import java.util.function.Consumer;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;

/** One Axon "process" on a shared MongoDB: its own engine instance, command bus and processors. */
final class AxonNode implements AutoCloseable {

    static final Serializer SERIALIZER = JacksonSerializer.defaultSerializer();

    final MongoEventStorageEngine engine;
    final Configuration configuration;

    private AxonNode(MongoEventStorageEngine engine, Configuration configuration) {
        this.engine = engine;
        this.configuration = configuration;
    }

    static MongoEventStorageEngine engine(MongoDatabase database, EventStoreSettings settings) {
        return MongoEventStorageEngine.builder()
                .database(database)
                .settings(settings)
                .eventSerializer(SERIALIZER)
                .snapshotSerializer(SERIALIZER)
                .build();
    }

    static TokenStore tokenStore(MongoDatabase database, String nodeId) {
        return MongoTokenStore.builder()
                .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(database).build())
                .serializer(SERIALIZER)
                .nodeId(nodeId)
                .build();
    }

    static AxonNode start(MongoDatabase database, EventStoreSettings settings, Consumer<Configurer> customizer) {
        MongoEventStorageEngine engine = engine(database, settings);
        Configurer configurer = DefaultConfigurer.defaultConfiguration(false)
                .configureSerializer(c -> SERIALIZER)
                .configureEventSerializer(c -> SERIALIZER)
                .configureEmbeddedEventStore(c -> engine)
                .configureAggregate(AggregateConfigurer.defaultConfiguration(Counter.class)
                        .configureSnapshotTrigger(c -> new EventCountSnapshotTriggerDefinition(c.snapshotter(), 10)));
        customizer.accept(configurer);
        Configuration configuration = configurer.buildConfiguration();
        configuration.start();
        return new AxonNode(engine, configuration);
    }

    /** Registers a tracking processor that feeds {@code handler}, with its tokens in MongoDB. */
    static Consumer<Configurer> trackingProcessor(String name, Object handler, TokenStore tokenStore, int batchSize) {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerTrackingEventProcessor(name, c -> c.eventStore(),
                        c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing().andBatchSize(batchSize))
                .registerTokenStore(name, c -> tokenStore)
                .registerEventHandler(c -> handler)
                .assignHandlerInstancesMatching(name, candidate -> candidate == handler));
    }

    CommandGateway commands() {
        return configuration.commandGateway();
    }

    @Override
    public void close() {
        configuration.shutdown();
    }
}
