package com.aftersales.infra.timer;

import com.aftersales.infra.mongo.EmbeddedMongo;
import com.mongodb.MongoClientSettings;
import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** One node: its own client on a shared server, its timers and ticker, what it fired and the commands it sent. */
final class Node implements AutoCloseable {

    final MongoClient client;
    final DurableTimers timers;
    final TimerTicker ticker;
    final List<Timer> fired = new CopyOnWriteArrayList<>();
    final Map<String, AtomicInteger> commands = new ConcurrentHashMap<>();
    /** Server time per command name, in microseconds. */
    final Map<String, java.util.concurrent.atomic.AtomicLong> micros = new ConcurrentHashMap<>();

    Node(EmbeddedMongo server, String name, Clock clock, TimerHandler extra) {
        CommandListener counter = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                commands.computeIfAbsent(event.getCommandName(), k -> new AtomicInteger()).incrementAndGet();
            }

            @Override
            public void commandSucceeded(com.mongodb.event.CommandSucceededEvent event) {
                micros.computeIfAbsent(event.getCommandName(), k -> new java.util.concurrent.atomic.AtomicLong())
                        .addAndGet(event.getElapsedTime(java.util.concurrent.TimeUnit.MICROSECONDS));
            }
        };
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(server.connectionString()))
                .addCommandListener(counter).build());
        timers = new DurableTimers(client.getDatabase("aftersales"), clock);
        ticker = new TimerTicker(timers, timer -> {
            extra.fire(timer);
            fired.add(timer);
        }, name, new TimerSettings(java.time.Duration.ofMillis(20), java.time.Duration.ofMinutes(1), 100_000), clock);
    }

    Node(EmbeddedMongo server, String name, Clock clock) {
        this(server, name, clock, timer -> { });
    }

    int commandCount() {
        return commands.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    void resetCommands() {
        commands.clear();
        micros.clear();
    }

    @Override
    public void close() {
        ticker.close();
        client.close();
    }
}
