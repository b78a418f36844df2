package com.aftersales.infra.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MongoEventStorageEngineTest extends InMemoryMongoTest {

    MongoDatabase database;
    MutableClock clock;
    MongoEventStorageEngine engine;



    @BeforeEach
    void newStore() {
        database = mongo.freshDatabase();
        clock = new MutableClock();
        engine = engine(Duration.ofSeconds(10));
    }

    private MongoEventStorageEngine engine(Duration gapTimeout) {
        return engine(EventStoreSettings.DEFAULTS.withGapTimeout(gapTimeout));
    }

    private MongoEventStorageEngine engine(EventStoreSettings settings) {
        return MongoEventStorageEngine.builder()
                .database(database)
                .settings(settings)
                .clock(clock)
                .eventSerializer(AxonNode.SERIALIZER)
                .snapshotSerializer(AxonNode.SERIALIZER)
                .build();
    }

    private static DomainEventMessage<?> event(String aggregate, long sequence) {
        return new GenericDomainEventMessage<>("Counter", aggregate, sequence,
                new Counter.CounterIncremented(aggregate, sequence));
    }

    private List<Long> sequences(String aggregate, long from) {
        return engine.readEvents(aggregate, from).asStream().map(DomainEventMessage::getSequenceNumber).toList();
    }

    private List<TrackedEventMessage<?>> track(TrackingToken from) {
        return engine.readEvents(from, false).collect(Collectors.toList());
    }

    @Test
    void reads_an_aggregate_back_across_commits_and_from_inside_a_commit() {
        engine.appendEvents(event("a", 0), event("a", 1), event("a", 2));
        for (long sequence = 3; sequence < 40; sequence++) {
            engine.appendEvents(event("a", sequence));
        }
        engine.appendEvents(event("b", 0));

        assertThat(sequences("a", 0)).hasSize(40).isSorted().startsWith(0L, 1L, 2L, 3L);
        assertThat(sequences("a", 1)).first().isEqualTo(1L);
        assertThat(sequences("a", 1)).hasSize(39);
        assertThat(sequences("a", 25)).hasSize(15);
        assertThat(sequences("b", 0)).containsExactly(0L);
        assertThat(sequences("missing", 0)).isEmpty();
        assertThat(engine.lastSequenceNumberFor("a")).contains(39L);
        assertThat(engine.lastSequenceNumberFor("missing")).isEmpty();
        Counter.CounterIncremented payload = (Counter.CounterIncremented) engine.readEvents("a", 7).next().getPayload();
        assertThat(payload).isEqualTo(new Counter.CounterIncremented("a", 7));
    }

    /** Two writers that loaded the same version append after it: the second one conflicts. */
    @Test
    void a_duplicate_sequence_number_is_a_concurrency_conflict_and_the_stream_is_unchanged() {
        engine.appendEvents(event("a", 0), event("a", 1));
        engine.appendEvents(event("a", 2), event("a", 3));

        assertThatThrownBy(() -> engine.appendEvents(event("a", 2))).isInstanceOf(ConcurrencyException.class);
        assertThat(sequences("a", 0)).containsExactly(0L, 1L, 2L, 3L);

        engine.appendEvents(event("a", 4)); // the retry after reloading succeeds
        assertThat(sequences("a", 0)).containsExactly(0L, 1L, 2L, 3L, 4L);
    }

    @Test
    void creating_an_aggregate_twice_is_refused() {
        engine.appendEvents(event("a", 0));
        assertThatThrownBy(() -> engine.appendEvents(event("a", 0)))
                .isInstanceOf(AggregateStreamCreationException.class);
    }

    @Test
    void a_failed_commit_does_not_hold_back_readers() {
        engine.appendEvents(event("a", 0));
        engine.appendEvents(event("a", 1));
        assertThatThrownBy(() -> engine.appendEvents(event("a", 1))).isInstanceOf(ConcurrencyException.class);
        engine.appendEvents(event("b", 0));

        List<TrackedEventMessage<?>> events = track(null);

        assertThat(events).extracting(e -> ((DomainEventMessage<?>) e).getAggregateIdentifier()).containsExactly("a", "a", "b");
        assertThat(((GapAwareTrackingToken) events.get(2).trackingToken()).hasGaps()).isFalse();
    }

    @Test
    void every_failed_commit_is_marked_so_readers_never_wait_for_it() {
        engine.appendEvents(event("a", 0));
        engine.appendEvents(event("a", 1));
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> engine.appendEvents(event("a", 1), event("a", 2)))
                    .isInstanceOf(ConcurrencyException.class);
        }
        engine.appendEvents(event("b", 0));

        List<TrackedEventMessage<?>> events = track(null);

        assertThat(events).hasSize(3);
        assertThat(((GapAwareTrackingToken) events.get(2).trackingToken()).hasGaps()).isFalse();
        assertThat(((GapAwareTrackingToken) events.get(2).trackingToken()).getIndex()).isEqualTo(8);
    }

    @Test
    void commits_larger_than_and_straddling_tracking_windows_are_read_in_order_from_any_position() {
        engine = engine(new EventStoreSettings(Duration.ofSeconds(10), 10_000, 3, 4));
        int[] sizes = {2, 5, 1, 4, 7, 1};
        List<String> expected = new ArrayList<>();
        for (int c = 0; c < sizes.length; c++) {
            List<DomainEventMessage<?>> commit = new ArrayList<>();
            for (int s = 0; s < sizes[c]; s++) {
                commit.add(event("agg-" + c, s));
                expected.add("agg-" + c + "/" + s);
            }
            engine.appendEvents(commit);
        }
        List<TrackedEventMessage<?>> all = track(null);
        assertThat(all).extracting(MongoEventStorageEngineTest::key).containsExactlyElementsOf(expected);
        for (int stop = 0; stop < all.size(); stop++) {
            List<TrackedEventMessage<?>> rest = track(all.get(stop).trackingToken());
            assertThat(rest).extracting(MongoEventStorageEngineTest::key)
                    .as("resumed after event %d", stop).containsExactlyElementsOf(expected.subList(stop + 1, expected.size()));
        }
        assertThat(sequences("agg-4", 0)).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(sequences("agg-4", 5)).containsExactly(5L, 6L);
    }

    private static String key(TrackedEventMessage<?> message) {
        DomainEventMessage<?> event = (DomainEventMessage<?>) message;
        return event.getAggregateIdentifier() + "/" + event.getSequenceNumber();
    }

    @Test
    void a_head_token_does_not_lose_a_commit_still_being_written_at_the_head() {
        engine.appendEvents(event("a", 0));
        GlobalIndexAllocator allocator = new GlobalIndexAllocator(database.getCollection("event_counters"));
        long inFlight = allocator.allocate(2); // allocated, insert not landed yet

        TrackingToken head = engine.createHeadToken();
        database.getCollection("events").insertOne(CommitDocuments.place(
                CommitDocuments.commit(List.of(event("b", 0), event("b", 1)), AxonNode.SERIALIZER), inFlight, clock.instant()));

        assertThat(track(head)).extracting(MongoEventStorageEngineTest::key).containsExactly("b/0", "b/1");
    }

    @Test
    void readers_wait_for_an_index_being_written_and_pass_it_after_the_gap_timeout_without_losing_it() {
        engine.appendEvents(event("a", 0));
        GlobalIndexAllocator allocator = new GlobalIndexAllocator(database.getCollection("event_counters"));
        long crashed = allocator.allocate(1); // a writer that allocated and died
        engine.appendEvents(event("b", 0));

        assertThat(track(null)).as("strict order: b waits behind the missing index").hasSize(1);

        clock.advance(Duration.ofSeconds(11));
        List<TrackedEventMessage<?>> events = track(null);
        assertThat(events).hasSize(2);
        GapAwareTrackingToken afterB = (GapAwareTrackingToken) events.get(1).trackingToken();
        assertThat(afterB.getGaps()).containsExactly(crashed);

        // the "dead" writer was only slow: its commit is still delivered, exactly once
        database.getCollection("events").insertOne(CommitDocuments.place(
                CommitDocuments.commit(List.of(event("c", 0)), AxonNode.SERIALIZER), crashed, clock.instant()));
        List<TrackedEventMessage<?>> late = track(afterB);
        assertThat(late).hasSize(1);
        assertThat(((DomainEventMessage<?>) late.get(0)).getAggregateIdentifier()).isEqualTo("c");
        assertThat(((GapAwareTrackingToken) late.get(0).trackingToken()).hasGaps()).isFalse();
        assertThat(track(late.get(0).trackingToken())).isEmpty();
    }

    @Test
    void events_of_one_commit_get_consecutive_tokens_so_a_reader_can_stop_inside_a_commit() {
        engine.appendEvents(event("a", 0), event("a", 1), event("a", 2));
        engine.appendEvents(event("b", 0));

        List<TrackedEventMessage<?>> all = track(null);
        assertThat(all).hasSize(4);
        List<TrackedEventMessage<?>> rest = track(all.get(0).trackingToken());
        assertThat(rest).extracting(TrackedEventMessage::getIdentifier)
                .containsExactlyElementsOf(all.subList(1, 4).stream().map(TrackedEventMessage::getIdentifier).toList());
    }

    @Test
    void tracking_reads_many_windows_and_stops_at_the_head() {
        List<DomainEventMessage<?>> batch = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            batch.add(event("agg-" + i, 0));
        }
        engine.appendEvents(batch);
        for (int i = 0; i < 250; i++) {
            engine.appendEvents(event("agg-" + i, 1));
        }
        assertThat(track(null)).hasSize(500);
        assertThat(track(engine.createHeadToken())).isEmpty();
        assertThat(track(engine.createTailToken())).hasSize(500);
    }

    @Test
    void token_at_a_time_starts_with_the_first_commit_made_then() {
        engine.appendEvents(event("a", 0));
        clock.advance(Duration.ofMinutes(1));
        engine.appendEvents(event("b", 0));
        engine.appendEvents(event("c", 0));
        clock.advance(Duration.ofMinutes(1));
        engine.appendEvents(event("d", 0));

        TrackingToken token = engine.createTokenAt(clock.instant().minusSeconds(30));
        assertThat(track(token)).extracting(e -> ((DomainEventMessage<?>) e).getAggregateIdentifier()).containsExactly("d");
        TrackingToken earlier = engine.createTokenAt(clock.instant().minusSeconds(90));
        assertThat(track(earlier)).hasSize(3);
    }

    @Test
    void keeps_the_latest_snapshot() {
        engine.appendEvents(event("a", 0), event("a", 1));
        engine.storeSnapshot(new GenericDomainEventMessage<>("Counter", "a", 1, new Counter.CounterIncremented("a", 99)));
        engine.storeSnapshot(new GenericDomainEventMessage<>("Counter", "a", 5, new Counter.CounterIncremented("a", 100)));

        DomainEventMessage<?> snapshot = engine.readSnapshot("a").orElseThrow();
        assertThat(snapshot.getSequenceNumber()).isEqualTo(5);
        assertThat(snapshot.getPayload()).isEqualTo(new Counter.CounterIncremented("a", 100));
        assertThat(engine.readSnapshot("b")).isEmpty();
    }
}
