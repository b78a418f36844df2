package com.aftersales.infra.timer;

import com.aftersales.infra.eventstore.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftersales.infra.mongo.EmbeddedMongo;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A process killed with SIGKILL while scheduling loses no acknowledged timer; each fires once after. */
class TimerKillNineTest {

    @TempDir
    Path dataDir;

    @Test
    void every_acknowledged_timer_fires_once_after_kill_minus_nine() throws Exception {
        Process scheduler = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                CrashingScheduler.class.getName(), dataDir.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        int lastAcked = -1;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(scheduler.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (lastAcked < 150 && (line = out.readLine()) != null) {
                if (line.startsWith("acked ")) {
                    lastAcked = Integer.parseInt(line.substring(6));
                }
            }
            scheduler.destroyForcibly(); // SIGKILL: no shutdown hooks, no final commit
            assertThat(scheduler.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(lastAcked).as("the scheduler ran").isGreaterThanOrEqualTo(150);

        MutableClock clock = new MutableClock(CrashingScheduler.T0.plus(Duration.ofHours(1)));
        try (EmbeddedMongo server = EmbeddedMongo.onFile(dataDir, 16, 0); Node node = new Node(server, "survivor", clock)) {
            while (node.ticker.tick() > 0) {
                // fire everything due
            }
            Map<String, Long> firings = node.fired.stream().collect(Collectors.groupingBy(Timer::id, Collectors.counting()));
            for (int i = 0; i <= lastAcked; i++) {
                assertThat(firings.get("t" + i)).as("acknowledged timer t%d fired once", i).isEqualTo(1L);
            }
            assertThat(firings.values()).allMatch(count -> count == 1);
            assertThat(node.fired).filteredOn(timer -> timer.id().equals("t10")).singleElement()
                    .satisfies(timer -> assertThat(timer.payload()).containsEntry("moved", "yes"));
        }
    }
}
