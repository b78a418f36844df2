package com.aftersales.infra.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One stream read by key lookups: it ends where its chain of commits ends, a read may begin inside a commit of any
 * length, and a hole (a missing commit) is told apart from the stream's end.
 */
class StreamEndsAndHolesTest extends InMemoryMongoTest {

    MongoDatabase database;
    MongoEventStorageEngine engine;
    EventHistory history;

    @BeforeEach
    void newStore() {
        database = mongo.freshDatabase();
        engine = AxonNode.engine(database, EventStoreSettings.DEFAULTS);
        history = new EventHistory(database, MongoEventStorageEngine.CollectionNames.DEFAULT, 128);
    }

    private static DomainEventMessage<?> event(String aggregate, long sequence) {
        return new GenericDomainEventMessage<>("Counter", aggregate, sequence,
                new Counter.CounterIncremented(aggregate, sequence));
    }

    private static List<DomainEventMessage<?>> commit(String aggregate, long from, int size) {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        for (long sequence = from; sequence < from + size; sequence++) {
            events.add(event(aggregate, sequence));
        }
        return events;
    }

    private List<Long> sequences(String aggregate, long from) {
        return engine.readEvents(aggregate, from).asStream().map(DomainEventMessage::getSequenceNumber).toList();
    }

    private static List<Long> range(long from, long toExclusive) {
        List<Long> values = new ArrayList<>();
        for (long value = from; value < toExclusive; value++) {
            values.add(value);
        }
        return values;
    }

    @Test
    void whether_a_stream_has_events_after_a_sequence_number() {
        engine.appendEvents(commit("a", 0, 3));
        engine.appendEvents(event("a", 3));

        assertThat(engine.hasEventsAfter("a", 1)).as("inside the first commit: the next commit starts at 3").isFalse();
        assertThat(engine.hasEventsAfter("a", 2)).isTrue();
        assertThat(engine.hasEventsAfter("a", 3)).isFalse();
        assertThat(engine.hasEventsAfter("other", -1)).isFalse();
    }

    @Test
    void a_read_begins_inside_a_commit_longer_than_the_first_lookup_window() {
        engine.appendEvents(event("a", 0));
        engine.appendEvents(commit("a", 1, 30));
        engine.appendEvents(event("a", 31));

        assertThat(sequences("a", 20)).containsExactlyElementsOf(range(20, 32));
        assertThat(sequences("a", 5)).containsExactlyElementsOf(range(5, 32));
        assertThat(sequences("a", 31)).containsExactly(31L);
        assertThat(sequences("a", 32)).isEmpty();
        assertThat(engine.lastSequenceNumberFor("a")).contains(31L);
    }

    @Test
    void the_last_sequence_number_follows_commits_of_any_size_across_growing_windows() {
        long next = 0;
        for (int size : new int[] {1, 7, 1, 20, 3, 60, 2}) {
            engine.appendEvents(commit("a", next, size));
            next += size;
        }
        assertThat(engine.lastSequenceNumberFor("a")).contains(next - 1);
        assertThat(sequences("a", 0)).containsExactlyElementsOf(range(0, next));
        assertThat(sequences("a", 9)).containsExactlyElementsOf(range(9, next));
    }

    @Test
    void a_missing_commit_ends_the_read_and_is_told_apart_from_the_streams_end() {
        engine.appendEvents(commit("a", 0, 2));
        engine.appendEvents(commit("a", 2, 3));
        engine.appendEvents(event("a", 5));
        database.getCollection("events").deleteOne(Filters.eq(CommitDocuments.STREAM, CommitDocuments.streamKey("a", 2)));

        assertThat(history.read("a", 0, 100)).extracting(StoredEvent::sequence).containsExactly(0L, 1L);
        assertThat(history.resumesAfter("a", 1, 8)).as("the hole is 2..4; the stream resumes at 5").isEqualTo(5);
        assertThat(history.resumesAfter("a", 1, 3)).as("not within the look-ahead").isEqualTo(-1);
        assertThat(history.resumesAfter("a", 5, 8)).as("the stream's end").isEqualTo(-1);
        assertThat(history.read("a", 5, 100)).extracting(StoredEvent::sequence).containsExactly(5L);
    }

    @Test
    void a_history_read_honours_its_start_and_limit_inside_commits() {
        engine.appendEvents(commit("a", 0, 4));
        engine.appendEvents(commit("a", 4, 4));

        assertThat(history.read("a", 2, 3)).extracting(StoredEvent::sequence).containsExactly(2L, 3L, 4L);
        assertThat(history.read("a", 6, 100)).extracting(StoredEvent::sequence).containsExactly(6L, 7L);
        assertThat(history.read("a", 0, 8)).extracting(StoredEvent::globalIndex)
                .containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L);
    }
}
