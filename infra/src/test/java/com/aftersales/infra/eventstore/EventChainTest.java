package com.aftersales.infra.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftersales.infra.tenancy.CallerMetaData;
import com.mongodb.client.MongoDatabase;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every appended event carries the hash of its stored form, chained to its stream's previous event. */
class EventChainTest extends InMemoryMongoTest {

    MongoDatabase database;

    @BeforeEach
    void newStore() {
        database = mongo.freshDatabase();
    }

    private MongoEventStorageEngine engine() {
        return MongoEventStorageEngine.builder().database(database)
                .eventSerializer(AxonNode.SERIALIZER).snapshotSerializer(AxonNode.SERIALIZER).build();
    }

    private static DomainEventMessage<?> event(String aggregate, long sequence) {
        return new GenericDomainEventMessage<>("Counter", aggregate, sequence,
                new Counter.CounterIncremented(aggregate, sequence),
                MetaData.from(CallerMetaData.of("acme", "acme-agent", "user", List.of("AGENT"))));
    }

    private List<StoredEvent> history(String aggregate) {
        return new EventHistory(database, MongoEventStorageEngine.CollectionNames.DEFAULT, 128).read(aggregate, 0, 1000);
    }

    @Test
    void hashes_chain_within_and_across_commits_and_after_a_restart() {
        MongoEventStorageEngine engine = engine();
        engine.appendEvents(event("a", 0), event("a", 1), event("a", 2));
        engine.appendEvents(event("a", 3));
        engine.appendEvents(event("b", 0));
        engine().appendEvents(event("a", 4), event("a", 5)); // a new node: the previous hash is looked up

        List<StoredEvent> events = history("a");
        assertThat(events).extracting(StoredEvent::sequence).containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
        assertThat(events.get(0).previousHash()).isNull();
        for (int i = 0; i < events.size(); i++) {
            StoredEvent event = events.get(i);
            assertThat(event.hash()).hasSize(64).isEqualTo(EventHashes.of(event));
            assertThat(event.tenant()).isEqualTo("acme");
            if (i > 0) {
                assertThat(event.previousHash()).isEqualTo(events.get(i - 1).hash());
            }
        }
        assertThat(history("b").get(0).previousHash()).isNull();
        assertThat(events).extracting(StoredEvent::globalIndex).containsExactly(0L, 1L, 2L, 3L, 5L, 6L);
    }

    @Test
    void the_hash_covers_every_stored_field() {
        engine().appendEvents(event("a", 0));
        StoredEvent stored = history("a").get(0);
        String hash = stored.hash();
        assertThat(EventHashes.of(new StoredEvent(stored.tenant(), stored.aggregateType(), stored.aggregateIdentifier(),
                stored.sequence(), stored.globalIndex(), stored.eventIdentifier(), stored.timestamp(), stored.payloadType(),
                stored.payloadRevision(), stored.payload().replace("0", "1"), stored.metaData(), hash, null)))
                .isNotEqualTo(hash);
        assertThat(EventHashes.of(new StoredEvent(stored.tenant(), stored.aggregateType(), stored.aggregateIdentifier(),
                stored.sequence(), stored.globalIndex(), stored.eventIdentifier(), stored.timestamp(), stored.payloadType(),
                stored.payloadRevision(), stored.payload(), stored.metaData().replace("acme", "acmf"), hash, null)))
                .isNotEqualTo(hash);
        assertThat(EventHashes.of(new StoredEvent(stored.tenant(), stored.aggregateType(), stored.aggregateIdentifier(),
                stored.sequence() + 1, stored.globalIndex(), stored.eventIdentifier(), stored.timestamp(),
                stored.payloadType(), stored.payloadRevision(), stored.payload(), stored.metaData(), hash, null)))
                .isNotEqualTo(hash);
    }
}
