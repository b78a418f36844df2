package com.aftersales.infra.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.junit.jupiter.api.Test;

/** A writer that died after allocating an index holds a running processor back no longer than the gap timeout. */
class GapTimeoutTest extends InMemoryMongoTest {

    @Test
    void a_processor_passes_an_abandoned_index_after_the_gap_timeout() {
        var database = mongo.freshDatabase();
        EventRecorder recorder = new EventRecorder();
        EventStoreSettings settings = EventStoreSettings.DEFAULTS.withGapTimeout(Duration.ofMillis(800));
        try (AxonNode node = AxonNode.start(database, settings,
                AxonNode.trackingProcessor("recorder", recorder, AxonNode.tokenStore(database, "n"), 10))) {
            node.commands().sendAndWait(new Counter.CreateCounter("before"));
            await().atMost(Duration.ofSeconds(10)).until(() -> recorder.seen.size() == 1);

            long abandoned = new GlobalIndexAllocator(database.getCollection("event_counters")).allocate(1);
            node.commands().sendAndWait(new Counter.CreateCounter("after"));

            await().atMost(Duration.ofSeconds(10)).until(() -> recorder.seen.size() == 2);
            GapAwareTrackingToken token = (GapAwareTrackingToken) recorder.seen.get(1).token();
            assertThat(token.getGaps()).containsExactly(abandoned);
            assertThat(recorder.seen.get(1).aggregateId()).isEqualTo("after");
        }
    }
}
