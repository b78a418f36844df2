package com.aftersales.infra.timer;

import com.aftersales.infra.eventstore.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftersales.infra.mongo.EmbeddedMongo;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Timers survive a restart on the embedded H2 file; deadlines missed while down fire on start-up, once. */
class TimerDurabilityTest {

    private static final Instant T0 = Instant.parse("2025-10-26T00:59:30Z");

    @TempDir
    Path dataDir;

    @Test
    void timers_set_before_a_restart_fire_after_it_and_missed_ones_fire_at_start_once() {
        MutableClock clock = new MutableClock(T0);
        try (EmbeddedMongo server = EmbeddedMongo.onFile(dataDir, 16, 0); Node node = new Node(server, "a", clock)) {
            node.timers.schedule("acme", "missed-1", T0.plus(Duration.ofMinutes(5)), Map.of("ticket", "t1"));
            node.timers.schedule("acme", "missed-2", T0.plus(Duration.ofHours(2)), Map.of("ticket", "t2"));
            node.timers.schedule("acme", "later", T0.plus(Duration.ofDays(2)), Map.of("ticket", "t3"));
            node.timers.schedule("acme", "cancelled", T0.plus(Duration.ofMinutes(6)), Map.of());
            node.timers.cancel("acme", "cancelled");
            node.ticker.tick();
            assertThat(node.fired).isEmpty();
        }

        clock.advance(Duration.ofHours(3)); // down for three hours, over a clock change in Europe
        try (EmbeddedMongo server = EmbeddedMongo.onFile(dataDir, 16, 0); Node node = new Node(server, "b", clock)) {
            node.ticker.start();
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20))
                    .until(() -> node.fired.size() == 2);
            assertThat(node.fired).extracting(Timer::id).containsExactlyInAnyOrder("missed-1", "missed-2");
            assertThat(node.fired).extracting(timer -> timer.payload().get("ticket")).containsExactlyInAnyOrder("t1", "t2");
            node.ticker.close();
            assertThat(node.timers.find("acme", "later")).isPresent();
        }

        clock.advance(Duration.ofDays(2));
        try (EmbeddedMongo server = EmbeddedMongo.onFile(dataDir, 16, 0); Node node = new Node(server, "c", clock)) {
            assertThat(node.ticker.tick()).isEqualTo(1);
            assertThat(node.fired).extracting(Timer::id).containsExactly("later");
            assertThat(node.ticker.tick()).isZero();
        }
    }
}
