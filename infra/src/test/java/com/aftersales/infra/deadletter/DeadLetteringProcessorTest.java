package com.aftersales.infra.deadletter;

import static com.aftersales.infra.deadletter.Letters.event;
import static com.aftersales.infra.deadletter.Letters.sequence;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.aftersales.infra.mongo.EmbeddedMongo;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A tracking processor whose group is registered with {@link DeadLetterQueues}: a failed event
 * stops its aggregate's later events instead of being skipped, other aggregates go on, and a
 * retry applies the queued events in order.
 */
class DeadLetteringProcessorTest {

    static final String GROUP = "views";

    EmbeddedMongo server;
    MongoClient client;
    Configuration axon;
    DeadLetterQueues queues;
    final Projection projection = new Projection();

    @ProcessingGroup(GROUP)
    static class Projection {
        final Set<String> broken = ConcurrentHashMap.newKeySet();
        final List<String> applied = new CopyOnWriteArrayList<>();

        @EventHandler
        void on(Letters.Changed changed, DomainEventMessage<?> event) {
            String key = event.getAggregateIdentifier() + "/" + event.getSequenceNumber();
            if (broken.contains(key)) {
                throw new IllegalStateException("view write failed");
            }
            applied.add(key);
        }
    }

    @BeforeEach
    void start() {
        server = EmbeddedMongo.inMemory(0);
        client = MongoClients.create(server.connectionString());
        queues = new DeadLetterQueues(client.getDatabase("aftersales"), Letters.SERIALIZER);
        var configurer = DefaultConfigurer.defaultConfiguration(false)
                .configureSerializer(c -> Letters.SERIALIZER)
                .configureEventSerializer(c -> Letters.SERIALIZER)
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine());
        configurer.eventProcessing(processing -> {
            processing.registerTrackingEventProcessor(GROUP).registerEventHandler(c -> projection);
            queues.register(processing, GROUP);
        });
        axon = configurer.buildConfiguration();
        axon.start();
    }

    @AfterEach
    void stop() {
        axon.shutdown();
        client.close();
        server.close();
    }

    @Test
    void a_failed_event_holds_back_its_tickets_later_events_until_a_retry_applies_them_in_order() {
        projection.broken.add("t1/1");
        axon.eventStore().publish(event("t1", 0), event("t1", 1), event("t2", 0), event("t1", 2), event("t2", 1));

        await().atMost(Duration.ofSeconds(10)).until(() -> projection.applied.contains("t2/1"));
        var queue = queues.queue(GROUP);
        assertThat(projection.applied).containsExactly("t1/0", "t2/0", "t2/1");
        assertThat(sequence(queue, "t1")).containsExactly("t1/1", "t1/2");
        var letters = queue.deadLetterSequence("t1").iterator();
        assertThat(letters.next().cause()).hasValueSatisfying(cause ->
                assertThat(cause.type()).isEqualTo(IllegalStateException.class.getName()));
        assertThat(letters.next().cause()).as("queued behind, never tried").isEmpty();

        var retry = axon.eventProcessingConfiguration().sequencedDeadLetterProcessor(GROUP).orElseThrow();
        assertThat(retry.processAny()).as("still failing").isFalse();
        assertThat(queue.size()).isEqualTo(2);

        projection.broken.clear();
        assertThat(retry.processAny()).isTrue();
        assertThat(projection.applied).endsWith("t1/1", "t1/2");
        assertThat(queue.size()).isZero();

        axon.eventStore().publish(event("t1", 3));
        await().atMost(Duration.ofSeconds(10)).until(() -> projection.applied.contains("t1/3"));
    }
}
