package com.aftersales.infra.benchmark;

import com.aftersales.infra.eventstore.BenchmarkSupport;
import com.aftersales.infra.mongo.EmbeddedMongo;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.bson.Document;

/**
 * Prints the event store figures of docs/benchmarks.md. Not a test: run it with
 * {@code ./mvnw -q -pl infra test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=com.aftersales.infra.benchmark.EventStoreBenchmark [-Dexec.args="memory"]}.
 */
public final class EventStoreBenchmark {

    private EventStoreBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        boolean memory = args.length > 0 && args[0].equals("memory");
        Path dir = Files.createTempDirectory("aftersales-bench");
        int large = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
        try (EmbeddedMongo server = memory ? EmbeddedMongo.inMemory(0) : EmbeddedMongo.onFile(dir, 64, 0);
             MongoClient client = MongoClients.create(server.connectionString())) {
            System.out.printf(Locale.ROOT, "embedded backend: %s, java %s, %d cores%n",
                    memory ? "memory" : "H2 file (commit before ack)", System.getProperty("java.version"),
                    Runtime.getRuntime().availableProcessors());
            rawInserts(client.getDatabase("raw"));
            BenchmarkSupport support = new BenchmarkSupport(client);
            support.commandRates("ours", support::ourEngine, false);
            support.commandRates("axon-mongo (peer)", support::peerEngine, false);
            support.commandRates("ours + aggregate cache", support::ourEngine, true);
            if (large > 0) {
                support.loadAndReplay(10_000);
                support.loadAndReplay(large);
            }
        }
    }

    private static void rawInserts(MongoDatabase database) {
        var collection = database.getCollection("raw");
        for (int i = 0; i < 1_000; i++) {
            collection.insertOne(new Document("warmup", i));
        }
        int n = 3_000;
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            collection.insertOne(new Document("i", i).append("payload", "x".repeat(200)));
        }
        System.out.printf(Locale.ROOT, "%-44s %10.0f docs/s%n", "driver insertOne, sequential (the limit)",
                n / seconds(start));
    }

    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
