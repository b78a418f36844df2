package com.aftersales.infra.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;

/**
 * Two Axon configurations (two "nodes") append to the same aggregates at once while a tracking
 * processor on one of them reads: it must see every event exactly once, each aggregate in order,
 * with tokens that only move forward.
 */
class ConcurrentWritersTest extends InMemoryMongoTest {

    @Test
    void tracking_processor_sees_every_event_once_in_order_under_concurrent_writers() throws Exception {
        MongoDatabase database = mongo.freshDatabase();
        EventRecorder recorder = new EventRecorder();
        try (AxonNode reader = AxonNode.start(database, EventStoreSettings.DEFAULTS,
                AxonNode.trackingProcessor("recorder", recorder, AxonNode.tokenStore(database, "reader"), 7));
             AxonNode other = AxonNode.start(database, EventStoreSettings.DEFAULTS, c -> { })) {
            List<String> counters = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                counters.add("counter-" + i);
                (i % 2 == 0 ? reader : other).commands().sendAndWait(new Counter.CreateCounter("counter-" + i));
            }
            AtomicInteger conflicts = new AtomicInteger();
            ExecutorService writers = Executors.newFixedThreadPool(6);
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < 6; w++) {
                AxonNode node = w % 2 == 0 ? reader : other;
                done.add(writers.submit(() -> {
                    for (int i = 0; i < 60; i++) {
                        String id = counters.get(ThreadLocalRandom.current().nextInt(counters.size()));
                        incrementWithRetry(node, id, conflicts);
                    }
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
            writers.shutdown();
            int expected = 12 + 6 * 60;

            await().atMost(Duration.ofSeconds(30)).until(() -> recorder.seen.size() >= expected);
            Thread.sleep(300); // anything delivered twice would show up now
            assertThat(recorder.seen).hasSize(expected);
            assertThat(recorder.seen.stream().map(EventRecorder.Seen::eventId).distinct()).hasSize(expected);
            assertEachAggregateInOrder(recorder.seen, counters, reader);
            assertTokensOnlyMoveForward(recorder.seen);
            assertThat(conflicts.get()).as("the test should provoke conflicting appends").isPositive();
        }
    }

    private static void incrementWithRetry(AxonNode node, String id, AtomicInteger conflicts) {
        for (int attempt = 0; ; attempt++) {
            try {
                node.commands().sendAndWait(new Counter.IncrementCounter(id));
                return;
            } catch (ConcurrencyException | CommandExecutionException e) {
                if (!(e instanceof ConcurrencyException) && !(e.getCause() instanceof ConcurrencyException)) {
                    throw e;
                }
                conflicts.incrementAndGet();
                assertThat(attempt).as("retries of one command").isLessThan(50);
            }
        }
    }

    private static void assertEachAggregateInOrder(List<EventRecorder.Seen> seen, List<String> counters, AxonNode node) {
        Map<String, Long> next = new HashMap<>();
        for (EventRecorder.Seen event : seen) {
            long expected = next.getOrDefault(event.aggregateId(), 0L);
            assertThat(event.sequence()).as("sequence of %s", event.aggregateId()).isEqualTo(expected);
            next.put(event.aggregateId(), expected + 1);
        }
        for (String id : counters) {
            assertThat(node.engine.lastSequenceNumberFor(id)).contains(next.get(id) - 1);
        }
    }

    private static void assertTokensOnlyMoveForward(List<EventRecorder.Seen> seen) {
        TrackingToken previous = null;
        Set<TrackingToken> tokens = new HashSet<>();
        for (EventRecorder.Seen event : seen) {
            if (previous != null) {
                assertThat(event.token().covers(previous)).as("%s covers %s", event.token(), previous).isTrue();
                assertThat(previous.covers(event.token())).as("%s is after %s", event.token(), previous).isFalse();
            }
            assertThat(tokens.add(event.token())).isTrue();
            previous = event.token();
        }
    }
}
