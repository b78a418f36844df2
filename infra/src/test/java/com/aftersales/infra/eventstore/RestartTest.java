package com.aftersales.infra.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded server on its H2 file keeps events, snapshots and tokens across a restart. */
class RestartTest {

    @TempDir
    Path dataDir;

    @Test
    void events_snapshots_and_tokens_survive_a_restart_and_processors_resume_where_they_stopped() {
        EventRecorder before = new EventRecorder();
        try (MongoFixture mongo = MongoFixture.onFile(dataDir);
             AxonNode node = startNode(mongo, before)) {
            node.commands().sendAndWait(new Counter.CreateCounter("c1"));
            for (int i = 0; i < 12; i++) {
                node.commands().sendAndWait(new Counter.IncrementCounter("c1"));
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> before.seen.size() == 13);
        }

        EventRecorder after = new EventRecorder();
        try (MongoFixture mongo = MongoFixture.onFile(dataDir);
             AxonNode node = startNode(mongo, after)) {
            assertThat(node.engine.readSnapshot("c1")).as("snapshot after 10 events").isPresent();
            assertThat(node.engine.readEvents("c1", 0).asStream().count()).isEqualTo(13);

            long value = node.commands().sendAndWait(new Counter.IncrementCounter("c1"));

            assertThat(value).as("state rebuilt from snapshot and events, then incremented").isEqualTo(13);
            await().atMost(Duration.ofSeconds(20)).until(() -> after.seen.size() == 1);
            sleep(500);
            assertThat(after.seen).as("only the new event, none of the old ones again").hasSize(1);
            assertThat(after.seen.get(0).sequence()).isEqualTo(13);
        }
    }

    private static AxonNode startNode(MongoFixture mongo, EventRecorder recorder) {
        var database = mongo.database("aftersales");
        return AxonNode.start(database, EventStoreSettings.DEFAULTS,
                AxonNode.trackingProcessor("recorder", recorder, AxonNode.tokenStore(database, "embedded"), 5));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
