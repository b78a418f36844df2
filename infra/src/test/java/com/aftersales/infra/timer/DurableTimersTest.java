package com.aftersales.infra.timer;

import com.aftersales.infra.eventstore.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftersales.infra.mongo.EmbeddedMongo;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Scheduling, firing, cancelling and moving timers; the cost of a tick. */
class DurableTimersTest {

    private static final Instant T0 = Instant.parse("2025-03-11T01:30:10Z");
    private final EmbeddedMongo server = EmbeddedMongo.inMemory(0);
    private final MutableClock clock = new MutableClock(T0);

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void a_timer_fires_once_when_due_and_not_before() {
        try (Node node = new Node(server, "a", clock)) {
            node.timers.schedule("acme", "t1/FIRST_RESPONSE#1", T0.plusSeconds(90), Map.of("ticket", "t1"));
            assertThat(node.ticker.tick()).isZero();
            clock.advance(Duration.ofSeconds(89));
            assertThat(node.ticker.tick()).isZero();
            clock.advance(Duration.ofSeconds(1));
            assertThat(node.ticker.tick()).isEqualTo(1);
            assertThat(node.fired).singleElement().satisfies(timer -> {
                assertThat(timer.tenant()).isEqualTo("acme");
                assertThat(timer.id()).isEqualTo("t1/FIRST_RESPONSE#1");
                assertThat(timer.payload()).containsEntry("ticket", "t1");
                assertThat(timer.dueAt()).isEqualTo(T0.plusSeconds(90));
            });
            clock.advance(Duration.ofMinutes(5));
            assertThat(node.ticker.tick()).isZero();
            assertThat(node.timers.find("acme", "t1/FIRST_RESPONSE#1")).isEmpty();
        }
    }

    @Test
    void a_cancelled_timer_never_fires_and_a_moved_one_fires_at_its_new_time_only() {
        try (Node node = new Node(server, "a", clock)) {
            node.timers.schedule("acme", "cancelled", T0.plusSeconds(60), Map.of());
            node.timers.schedule("acme", "moved", T0.plusSeconds(60), Map.of());
            assertThat(node.timers.cancel("acme", "cancelled")).isTrue();
            assertThat(node.timers.cancel("acme", "cancelled")).isFalse();
            Timer moved = node.timers.schedule("acme", "moved", T0.plus(Duration.ofHours(2)), Map.of("v", "2"));
            assertThat(moved.generation()).isEqualTo(2);

            clock.advance(Duration.ofHours(1));
            assertThat(node.ticker.tick()).isZero();
            clock.advance(Duration.ofHours(1));
            assertThat(node.ticker.tick()).isEqualTo(1);
            assertThat(node.fired).singleElement().satisfies(timer -> assertThat(timer.payload()).containsEntry("v", "2"));
        }
    }

    @Test
    void a_timer_due_in_a_minute_already_walked_fires_on_the_next_tick() {
        try (Node node = new Node(server, "a", clock)) {
            clock.advance(Duration.ofMinutes(10));
            node.ticker.tick();
            node.timers.schedule("acme", "late", T0.plusSeconds(30), Map.of());
            node.timers.schedule("acme", "this-minute", clock.instant(), Map.of());
            assertThat(node.ticker.tick()).isEqualTo(2);
            assertThat(node.ticker.tick()).isZero();
        }
    }

    @Test
    void a_failing_handler_is_called_again_on_a_later_tick() {
        AtomicInteger calls = new AtomicInteger();
        try (Node node = new Node(server, "a", clock, timer -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("ticket store unavailable");
            }
        })) {
            node.timers.schedule("acme", "t", T0.plusSeconds(5), Map.of());
            clock.advance(Duration.ofSeconds(5));
            assertThat(node.ticker.tick()).isZero();
            clock.advance(Duration.ofSeconds(1));
            assertThat(node.ticker.tick()).isEqualTo(1);
            assertThat(calls).hasValue(2);
        }
    }

    @Test
    void a_timer_held_by_a_node_that_died_fires_elsewhere_when_its_lease_lapses() {
        try (Node node = new Node(server, "a", clock)) {
            node.timers.schedule("acme", "t", T0.plusSeconds(5), Map.of());
            node.timers.claims.insertOne(new org.bson.Document("_id", "acme/t#1").append("owner", "dead")
                    .append("leaseUntil", java.util.Date.from(T0.plusSeconds(65))));
            clock.advance(Duration.ofSeconds(30));
            assertThat(node.ticker.tick()).as("lease still held").isZero();
            clock.advance(Duration.ofSeconds(36));
            assertThat(node.ticker.tick()).isEqualTo(1);
        }
    }

    /**
     * Why our own store and not a range query (as JobRunr's or Quartz's stores do): a tick sends a
     * number of commands that depends on the minutes walked and the timers due, not on the 20,000
     * timers scheduled for later.
     */
    @Test
    void a_tick_costs_commands_for_the_timers_due_not_for_all_timers() {
        try (Node node = new Node(server, "a", clock)) {
            Map<String, Instant> later = new java.util.HashMap<>();
            for (int i = 0; i < 20_000; i++) {
                later.put("later-" + i, T0.plus(Duration.ofMinutes(10 + i % 5_000)));
            }
            node.timers.scheduleNew("acme", later, Map.of());
            for (int i = 0; i < 3; i++) {
                node.timers.schedule("acme", "due-" + i, T0.plusSeconds(20 + i), Map.of());
            }
            clock.advance(Duration.ofMinutes(1));
            node.resetCommands();
            assertThat(node.ticker.tick()).isEqualTo(3);
            // cursor, "now" bucket, scanned, the minutes' buckets, the due timers, done, the bucket's
            // deletion, and 3 × (claim, check, delete, release): 19
            assertThat(node.commandCount()).isLessThanOrEqualTo(19);

            node.resetCommands();
            assertThat(node.ticker.tick()).isZero();
            assertThat(node.commandCount()).as("a tick with nothing due").isLessThanOrEqualTo(5);
        }
    }
}
