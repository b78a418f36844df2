package com.aftersales.infra.eventstore;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.DocumentPerEventStorageStrategy;

/** The measurements of the event store benchmark (kept in this package to reach the engine's internals). */
public final class BenchmarkSupport {

    private final MongoClient client;

    public BenchmarkSupport(MongoClient client) {
        this.client = client;
    }

    public EventStorageEngine ourEngine(MongoDatabase database) {
        return AxonNode.engine(database, EventStoreSettings.DEFAULTS);
    }

    public EventStorageEngine peerEngine(MongoDatabase database) {
        return org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine.builder()
                .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(database).build())
                .storageStrategy(new DocumentPerEventStorageStrategy())
                .eventSerializer(AxonNode.SERIALIZER)
                .snapshotSerializer(AxonNode.SERIALIZER)
                .build();
    }

    private Configuration axon(EventStorageEngine engine, boolean cached) {
        AggregateConfigurer<Counter> aggregate = AggregateConfigurer.defaultConfiguration(Counter.class);
        if (cached) {
            aggregate.configureCache(c -> new WeakReferenceCache());
        }
        Configuration configuration = DefaultConfigurer.defaultConfiguration(false)
                .configureSerializer(c -> AxonNode.SERIALIZER)
                .configureEmbeddedEventStore(c -> engine)
                .configureAggregate(aggregate)
                .buildConfiguration();
        configuration.start();
        return configuration;
    }

    /** Create and update commands through the command gateway; a first unreported round warms the JIT up. */
    public void commandRates(String name, Function<MongoDatabase, EventStorageEngine> engineFactory, boolean cached)
            throws Exception {
        for (int round = 0; round < 2; round++) {
            String database = "commands_" + name.replaceAll("\\W", "") + "_" + round;
            EventStorageEngine engine = engineFactory.apply(client.getDatabase(database));
            fill(engine, round == 0 ? 1_000 : 10_000, 10); // a store is never empty: measure on 10k stored events
            Configuration axon = axon(engine, cached);
            int n = round == 0 ? 200 : 1000;
            String label = round == 0 ? null : name;
            try {
                List<String> ids = rate(label, ": create, sequential", 1, n, i -> create(axon));
                rate(label, ": update, sequential", 1, n, i -> update(axon, ids.get(i % ids.size())));
                rate(label, ": create, 4 threads", 4, n, i -> create(axon));
                rate(label, ": update, 4 threads", 4, n, i -> update(axon, ids.get(i % ids.size())));
            } finally {
                axon.shutdown();
            }
        }
    }

    private static String create(Configuration axon) {
        String id = UUID.randomUUID().toString();
        axon.commandGateway().sendAndWait(new Counter.CreateCounter(id));
        return id;
    }

    private static String update(Configuration axon, String id) {
        axon.commandGateway().sendAndWait(new Counter.IncrementCounter(id));
        return id;
    }

    /** Runs {@code perThread} operations on each of {@code threads} threads; thread t uses ids t, t+threads, ... */
    private static List<String> rate(String name, String what, int threads, int perThread,
                                     Function<Integer, String> operation)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<List<String>>> futures = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                List<String> results = new ArrayList<>();
                for (int i = 0; i < perThread; i++) {
                    results.add(operation.apply(i * threads + thread));
                }
                return results;
            }));
        }
        List<String> all = new ArrayList<>();
        for (Future<List<String>> future : futures) {
            all.addAll(future.get());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        if (name != null) {
            System.out.printf(Locale.ROOT, "%-44s %10.0f commands/s%n", name + what, threads * perThread / seconds);
        }
        return all;
    }

    /** Fills our store to {@code total} events (aggregates of 50 events), then times loads and a replay. */
    public void loadAndReplay(int total) {
        MongoDatabase database = client.getDatabase("size_" + total);
        MongoEventStorageEngine engine = AxonNode.engine(database, EventStoreSettings.DEFAULTS);
        long start = System.nanoTime();
        List<String> aggregates = fill(engine, total, 50);
        System.out.printf(Locale.ROOT, "%-44s %10.1f s%n", "filled " + total + " events in", (System.nanoTime() - start) / 1e9);
        double[] loads = new double[25];
        for (int i = 0; i < loads.length; i++) {
            String id = aggregates.get((i * 7919) % aggregates.size());
            long t = System.nanoTime();
            long count = engine.readEvents(id).asStream().count();
            loads[i] = (System.nanoTime() - t) / 1e6;
            if (count != 50) {
                throw new IllegalStateException("expected 50 events, got " + count);
            }
        }
        Arrays.sort(loads);
        System.out.printf(Locale.ROOT, "%-44s %10.2f ms (median of %d)%n",
                "load 50-event aggregate at " + total, loads[loads.length / 2], loads.length);
        replay(engine, total);
    }

    private static List<String> fill(EventStorageEngine engine, int total, int perAggregate) {
        int aggregates = total / perAggregate;
        List<String> ids = new ArrayList<>();
        for (int a = 0; a < aggregates; a++) {
            ids.add(UUID.randomUUID().toString());
        }
        int batch = 500;
        for (int sequence = 0; sequence < perAggregate; sequence++) {
            for (int from = 0; from < aggregates; from += batch) {
                List<DomainEventMessage<?>> events = new ArrayList<>();
                for (int a = from; a < Math.min(aggregates, from + batch); a++) {
                    events.add(new GenericDomainEventMessage<>("Counter", ids.get(a), sequence,
                            new Counter.CounterIncremented(ids.get(a), sequence)));
                }
                engine.appendEvents(events);
            }
        }
        return ids;
    }

    private void replay(MongoEventStorageEngine engine, int total) {
        AtomicLong handled = new AtomicLong();
        Object counter = new Object() {
            @EventHandler
            void on(Counter.CounterIncremented event) {
                handled.incrementAndGet();
            }
        };
        MongoDatabase database = client.getDatabase("tokens_" + total);
        Configuration axon = DefaultConfigurer.defaultConfiguration(false)
                .configureSerializer(c -> AxonNode.SERIALIZER)
                .configureEmbeddedEventStore(c -> engine)
                .eventProcessing(processing -> processing
                        .registerTrackingEventProcessor("replay", c -> c.eventStore(),
                                c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing().andBatchSize(100))
                        .registerTokenStore("replay", c -> AxonNode.tokenStore(database, "bench"))
                        .registerEventHandler(c -> counter)
                        .assignHandlerInstancesMatching("replay", candidate -> candidate == counter))
                .buildConfiguration();
        long start = System.nanoTime();
        axon.start();
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (handled.get() < total && System.nanoTime() < deadline) {
            sleep();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        axon.shutdown();
        System.out.printf(Locale.ROOT, "%-44s %10.0f events/s (%d events, tracking processor, batch 100)%n",
                "replay from the tail at " + total, handled.get() / seconds, handled.get());
    }

    private static void sleep() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
