package com.aftersales.infra.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftersales.infra.tenancy.CallerMetaData;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.bson.Document;
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
        engine().appendEvents(event("a", 0), event("a", 1));
        StoredEvent stored = history("a").get(1);
        String hash = stored.hash();
        assertThat(stored.salt()).matches("[0-9a-f]{32}");
        assertThat(EventHashes.of(stored)).isEqualTo(hash);
        List<StoredEvent> changed = List.of(
                with(stored, 0, "acmf"), with(stored, 1, "Other"), with(stored, 2, "b"), with(stored, 3, "2"),
                with(stored, 4, "another-id"), with(stored, 5, stored.timestamp().replace("Z", ".000Z")),
                with(stored, 6, "java.lang.Object"), with(stored, 7, "2"), with(stored, 8, EventHashes.newSalt()),
                with(stored, 9, stored.payload() + " "), with(stored, 10, stored.metaData() + " "),
                with(stored, 11, "0".repeat(64)));
        for (int field = 0; field < changed.size(); field++) {
            assertThat(EventHashes.of(changed.get(field))).as("field %d", field).isNotEqualTo(hash);
        }
    }

    /** {@code stored} with one hashed field replaced: 0 tenant … 11 previous hash, in StoredEvent's order. */
    private static StoredEvent with(StoredEvent e, int field, String value) {
        return new StoredEvent(field == 0 ? value : e.tenant(), field == 1 ? value : e.aggregateType(),
                field == 2 ? value : e.aggregateIdentifier(), field == 3 ? Long.parseLong(value) : e.sequence(),
                e.globalIndex(), field == 4 ? value : e.eventIdentifier(), field == 5 ? value : e.timestamp(),
                field == 6 ? value : e.payloadType(), field == 7 ? value : e.payloadRevision(),
                field == 9 ? value : e.payload(), field == 10 ? value : e.metaData(), field == 8 ? value : e.salt(),
                e.hash(), field == 11 ? value : e.previousHash());
    }

    @Test
    void events_stored_before_hashing_are_back_filled_once_and_chain_into_later_ones() {
        engine().appendEvents(event("a", 0), event("a", 1));
        engine().appendEvents(event("a", 2));
        engine().appendEvents(event("b", 0));
        // as an earlier version stored them: no tenant on the commit, no salt or hashes
        var commits = database.getCollection("events");
        for (Document commit : commits.find(Filters.eq("aggregateIdentifier", "a"))) {
            List<Document> entries = commit.getList("events", Document.class);
            entries.forEach(entry -> {
                entry.remove("salt");
                entry.remove("hash");
                entry.remove("previousHash");
            });
            commit.remove("tenant");
            commits.replaceOne(Filters.eq("_id", commit.get("_id")), commit);
        }
        String untouched = history("b").get(0).hash();
        assertThat(history("a")).allSatisfy(event -> assertThat(event.hashed()).isFalse());

        engine(); // the marker of the first engine says done: nothing happens
        assertThat(history("a")).allSatisfy(event -> assertThat(event.hashed()).isFalse());

        database.getCollection(LegacyHashBackfill.MIGRATIONS).deleteMany(new Document());
        engine(); // a first start of this version
        engine(); // a second node: nothing left to do
        engine().appendEvents(event("a", 3));
        List<StoredEvent> events = history("a");
        assertThat(events).hasSize(4);
        for (int i = 0; i < events.size(); i++) {
            StoredEvent event = events.get(i);
            assertThat(event.tenant()).as("from the metadata").isEqualTo("acme");
            assertThat(event.hash()).isEqualTo(EventHashes.of(event));
            assertThat(event.previousHash()).isEqualTo(i == 0 ? null : events.get(i - 1).hash());
        }
        assertThat(history("b").get(0).hash()).isEqualTo(untouched);
    }

    @Test
    void two_writers_appending_to_one_stream_at_once_leave_one_intact_chain() throws Exception {
        MongoEventStorageEngine[] nodes = {engine(), engine()};
        AtomicLong next = new AtomicLong();
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Integer>> writers = new ArrayList<>();
        for (MongoEventStorageEngine node : nodes) {
            writers.add(CompletableFuture.supplyAsync(() -> {
                int conflicts = 0;
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                while (next.get() < 40) {
                    long sequence = node.lastSequenceNumberFor("a").map(last -> last + 1).orElse(0L);
                    try {
                        node.appendEvents(event("a", sequence));
                        next.accumulateAndGet(sequence + 1, Math::max);
                    } catch (ConcurrencyException
                             | AggregateStreamCreationException e) {
                        conflicts++; // the other writer took this sequence: read the end again
                    }
                }
                return conflicts;
            }));
        }
        start.countDown();
        for (var writer : writers) {
            writer.get(60, TimeUnit.SECONDS);
        }
        List<StoredEvent> events = history("a");
        assertThat(events).extracting(StoredEvent::sequence).containsExactlyElementsOf(
                LongStream.range(0, events.size()).boxed().toList());
        for (int i = 0; i < events.size(); i++) {
            assertThat(events.get(i).hash()).isEqualTo(EventHashes.of(events.get(i)));
            assertThat(events.get(i).previousHash()).isEqualTo(i == 0 ? null : events.get(i - 1).hash());
        }
    }

    /** Known-answer vectors, repeated in docs/audit.md for verifiers in other languages. */
    @Test
    void known_answer_vectors_of_the_canonical_form() {
        String salt = "000102030405060708090a0b0c0d0e0f";
        assertThat(EventHashes.digest(salt, "{\"n\":1}")).isEqualTo(PAYLOAD_DIGEST);
        assertThat(EventHashes.digest(salt, "{}")).isEqualTo(METADATA_DIGEST);
        assertThat(EventHashes.hash(null, "acme", "Ticket", "t-1", 0, "e-0", "2024-05-20T01:30:00Z",
                "com.example.Created", null, salt, "{\"n\":1}", "{}")).isEqualTo(FIRST_HASH);
        assertThat(EventHashes.hash(FIRST_HASH, "acme", "Ticket", "t-1", 1, "e-1", "2024-05-20T01:31:00Z",
                "com.example.Changed", "2", salt, "{\"n\":1}", "{}")).isEqualTo(SECOND_HASH);
    }

    static final String PAYLOAD_DIGEST = "682e7598baeb86fae90ede41e9d026af19110aacada76340409a6185a6dad3c6";
    static final String METADATA_DIGEST = "b5c1f9361eb9fbedd3e628a72d1c8fef46544361fd79fa6781baf6d932b1c3f6";
    static final String FIRST_HASH = "e6855140ebe39f7534b66ae6d72905ef865495bfa9cc31ea9f46419aa6dcf201";
    static final String SECOND_HASH = "df62a893d24aa1135eadd3ff79b1e185b564c3168acbaa50b8f530ed4f9f2738";
}
