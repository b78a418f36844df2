package com.aftersales.infra.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The audit's reading of the global log: strict index order, a read never passes an index still being written
 * unless a later commit is older than the gap timeout, void commits are passed at once, and the time search
 * lands at or before the first event of a moment.
 */
class GlobalLogOrderingTest extends InMemoryMongoTest {

    static final Instant T0 = Instant.parse("2024-05-20T01:30:00Z");

    MongoDatabase database;
    MutableClock clock;
    MongoEventStorageEngine engine;
    GlobalLog log;

    @BeforeEach
    void newStore() {
        database = mongo.freshDatabase();
        clock = new MutableClock();
        engine = MongoEventStorageEngine.builder().database(database).clock(clock)
                .eventSerializer(AxonNode.SERIALIZER).snapshotSerializer(AxonNode.SERIALIZER).build();
        log = new GlobalLog(database, MongoEventStorageEngine.CollectionNames.DEFAULT,
                EventStoreSettings.DEFAULTS.withGapTimeout(Duration.ofSeconds(10)), clock);
    }

    private static DomainEventMessage<?> event(String aggregate, long sequence) {
        return event(aggregate, sequence, T0);
    }

    private static DomainEventMessage<?> event(String aggregate, long sequence, Instant at) {
        return new GenericDomainEventMessage<>("Counter", aggregate, sequence,
                new Counter.CounterIncremented(aggregate, sequence), Map.of(), UUID.randomUUID().toString(), at);
    }

    private static List<String> keys(GlobalLog.Slice slice) {
        return slice.events().stream().map(e -> e.aggregateIdentifier() + "/" + e.sequence() + "@" + e.globalIndex())
                .toList();
    }

    @Test
    void an_empty_log_has_no_head_and_reads_nothing() {
        assertThat(log.head()).isEqualTo(-1);
        GlobalLog.Slice slice = log.read(-1, 10);
        assertThat(slice.events()).isEmpty();
        assertThat(slice.through()).isEqualTo(-1);
        assertThat(log.indexNear(T0)).isZero();
    }

    @Test
    void a_read_stops_before_an_index_still_being_written_and_passes_it_only_after_the_gap_timeout() {
        engine.appendEvents(event("a", 0));
        long crashed = new GlobalIndexAllocator(database.getCollection("event_counters")).allocate(1);
        engine.appendEvents(event("b", 0));
        assertThat(log.head()).isEqualTo(2);

        GlobalLog.Slice waiting = log.read(-1, 10);
        assertThat(keys(waiting)).as("b waits behind index %d", crashed).containsExactly("a/0@0");
        assertThat(waiting.through()).isZero();

        clock.advance(Duration.ofSeconds(10));
        assertThat(keys(log.read(-1, 10))).as("exactly the gap timeout: still waiting").containsExactly("a/0@0");

        clock.advance(Duration.ofMillis(1));
        GlobalLog.Slice passed = log.read(-1, 10);
        assertThat(keys(passed)).containsExactly("a/0@0", "b/0@2");
        assertThat(passed.through()).isEqualTo(2);
        assertThat(log.read(0, 10).events()).extracting(StoredEvent::aggregateIdentifier).containsExactly("b");
    }

    @Test
    void a_failed_commit_is_void_and_passed_at_once() {
        engine.appendEvents(event("a", 0));
        engine.appendEvents(event("a", 1));
        assertThatThrownBy(() -> engine.appendEvents(event("a", 1), event("a", 2)))
                .isInstanceOf(ConcurrencyException.class);
        engine.appendEvents(event("b", 0));

        GlobalLog.Slice slice = log.read(-1, 10);

        assertThat(keys(slice)).as("indexes 2..3 are a void commit").containsExactly("a/0@0", "a/1@1", "b/0@4");
        assertThat(slice.through()).isEqualTo(4);
    }

    @Test
    void reads_window_by_window_in_index_order_up_to_the_head() {
        engine.appendEvents(event("a", 0));
        engine.appendEvents(event("b", 0), event("b", 1));
        engine.appendEvents(event("c", 0));
        engine.appendEvents(event("d", 0));

        GlobalLog.Slice first = log.read(-1, 3);
        assertThat(keys(first)).containsExactly("a/0@0", "b/0@1", "b/1@2");
        assertThat(first.through()).isEqualTo(2);
        GlobalLog.Slice second = log.read(first.through(), 1);
        assertThat(keys(second)).containsExactly("c/0@3");
        assertThat(second.through()).isEqualTo(3);
        GlobalLog.Slice rest = log.read(second.through(), 100);
        assertThat(keys(rest)).containsExactly("d/0@4");
        assertThat(rest.through()).isEqualTo(4);

        GlobalLog.Slice atHead = log.read(4, 10);
        assertThat(atHead.events()).isEmpty();
        assertThat(atHead.through()).isEqualTo(4);
        assertThat(log.read(7, 10).through()).as("a position past the head stays where it is").isEqualTo(7);
    }

    @Test
    void the_time_search_lands_on_the_first_event_of_the_moment() {
        for (int minute = 0; minute < 10; minute++) {
            engine.appendEvents(event("m" + minute, 0, T0.plus(Duration.ofMinutes(minute))));
        }

        assertThat(log.indexNear(T0.minusSeconds(1))).isZero();
        assertThat(log.indexNear(T0)).isZero();
        assertThat(log.indexNear(T0.plus(Duration.ofMinutes(5)))).isEqualTo(5);
        assertThat(log.indexNear(T0.plus(Duration.ofMinutes(5)).minusSeconds(1))).isEqualTo(5);
        assertThat(log.indexNear(T0.plus(Duration.ofMinutes(5)).plusSeconds(1))).isEqualTo(6);
        assertThat(log.indexNear(T0.plus(Duration.ofMinutes(9)))).isEqualTo(9);
    }

    @Test
    void the_time_search_lands_on_the_start_of_a_commit_of_several_events() {
        engine.appendEvents(event("a", 0, T0));
        engine.appendEvents(event("b", 0, T0.plusSeconds(60)), event("b", 1, T0.plusSeconds(61)),
                event("b", 2, T0.plusSeconds(62)));
        engine.appendEvents(event("c", 0, T0.plusSeconds(120)));

        assertThat(log.indexNear(T0.plusSeconds(60))).as("b's commit starts at index 1").isEqualTo(1);
        assertThat(log.indexNear(T0.plusSeconds(30))).isEqualTo(1);
        assertThat(log.indexNear(T0.plusSeconds(120))).isEqualTo(4);
    }
}
