package com.aftersales.infra.timer;

import com.aftersales.infra.eventstore.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftersales.infra.mongo.EmbeddedMongo;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Two nodes ticking on the same store at the same time fire every timer exactly once. */
class TimerRaceTest {

    private static final Instant T0 = Instant.parse("2025-03-11T01:30:00Z");

    @Test
    void two_tickers_racing_fire_each_timer_once() throws Exception {
        MutableClock clock = new MutableClock(T0);
        try (EmbeddedMongo server = EmbeddedMongo.inMemory(0);
             Node a = new Node(server, "a", clock, TimerRaceTest::aMillisecondOfWork);
             Node b = new Node(server, "b", clock, TimerRaceTest::aMillisecondOfWork)) {
            Map<String, Instant> due = new HashMap<>();
            for (int i = 0; i < 600; i++) {
                due.put("bulk-" + i, T0.plusSeconds(i % 240));
            }
            a.timers.scheduleNew("acme", due, Map.of());
            for (int i = 0; i < 200; i++) {
                (i % 2 == 0 ? a : b).timers.schedule("acme", "single-" + i, T0.plusSeconds(i), Map.of());
            }
            clock.advance(Duration.ofMinutes(5));

            CountDownLatch go = new CountDownLatch(1);
            CompletableFuture<?>[] racers = Stream.of(a, b).map(node -> CompletableFuture.runAsync(() -> {
                await(go);
                for (int round = 0; round < 40; round++) {
                    node.ticker.tick();
                }
            })).toArray(CompletableFuture[]::new);
            go.countDown();
            CompletableFuture.allOf(racers).get();

            Map<String, Long> firings = Stream.concat(a.fired.stream(), b.fired.stream())
                    .collect(Collectors.groupingBy(Timer::id, Collectors.counting()));
            assertThat(firings).hasSize(800);
            assertThat(firings.values()).allMatch(count -> count == 1);
            assertThat(a.fired).as("both nodes took part").isNotEmpty();
            assertThat(b.fired).isNotEmpty();
        }
    }

    /** Firing takes time, as a real handler's command does: on a loaded machine one node could otherwise fire all 800 before the other is scheduled. */
    private static void aMillisecondOfWork(Timer timer) {
        java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
