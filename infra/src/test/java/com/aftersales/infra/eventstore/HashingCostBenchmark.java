package com.aftersales.infra.eventstore;

import com.aftersales.infra.mongo.EmbeddedMongo;
import com.aftersales.infra.tenancy.CallerMetaData;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.springframework.util.FileSystemUtils;

/**
 * What hashing costs the append rate (docs/benchmarks.md): appends one event per call, as commands
 * do, and measures the time of the hashing itself (CommitDocuments.chain) on the same commits; then
 * appends by a node that has not read the streams (one key lookup for the previous hash). Not a
 * test: {@code nice -n 19 ./mvnw -o -q -pl infra test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=com.aftersales.infra.eventstore.HashingCostBenchmark}.
 */
public final class HashingCostBenchmark {

    private static final MetaData CALLER = MetaData.from(CallerMetaData.of("acme", "acme-agent", "user", List.of("AGENT")));
    private static final JacksonSerializer SERIALIZER = JacksonSerializer.defaultSerializer();

    private HashingCostBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("hashing-bench");
        try {
            run("memory", EmbeddedMongo.inMemory(0));
            run("H2 file (commit before ack)", EmbeddedMongo.onFile(dir, 64, 0));
        } finally {
            FileSystemUtils.deleteRecursively(dir);
        }
        System.exit(0);
    }

    private static void run(String backend, EmbeddedMongo server) {
        try (server; MongoClient client = MongoClients.create(server.connectionString())) {
            MongoDatabase database = client.getDatabase("bench_" + UUID.randomUUID().toString().replace("-", ""));
            MongoEventStorageEngine engine = engine(database);
            int aggregates = 200;
            int perAggregate = 10;
            appendRound(engine, "warm", 50, 4, 0); // warm-up
            long start = System.nanoTime();
            for (int sequence = 0; sequence < perAggregate; sequence++) {
                appendRound(engine, "a", aggregates, 1, sequence);
            }
            double appendMicros = micros(start) / (aggregates * perAggregate);

            List<Document> commits = new ArrayList<>();
            for (int i = 0; i < 2000; i++) {
                commits.add(CommitDocuments.commit(List.of(event("h" + i, 1)), SERIALIZER));
            }
            for (Document commit : commits) {
                CommitDocuments.chain(commit, null); // warm-up
            }
            start = System.nanoTime();
            for (int round = 0; round < 5; round++) {
                for (Document commit : commits) {
                    CommitDocuments.chain(commit, "0".repeat(64));
                }
            }
            double hashMicros = micros(start) / (5 * commits.size());

            MongoEventStorageEngine cold = engine(database); // has not read or written the streams
            start = System.nanoTime();
            appendRound(cold, "a", aggregates, 1, perAggregate);
            double coldMicros = micros(start) / aggregates;
            start = System.nanoTime();
            appendRound(cold, "a", aggregates, 1, perAggregate + 1);
            double warmMicros = micros(start) / aggregates;

            System.out.printf(Locale.ROOT, "%nHashing on append, embedded %s backend, java %s, %d cores%n", backend,
                    System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
            System.out.printf(Locale.ROOT, "  append, 1 event per call (hashing included)   %8.1f µs/event  (%,.0f events/s)%n",
                    appendMicros, 1e6 / appendMicros);
            System.out.printf(Locale.ROOT, "  hashing one event (SHA-256 of payload, metadata, canonical form) %6.1f µs = %.1f %% of an append%n",
                    hashMicros, 100 * hashMicros / appendMicros);
            System.out.printf(Locale.ROOT, "  append by a node that has not seen the stream   %8.1f µs/event (previous hash looked up)%n", coldMicros);
            System.out.printf(Locale.ROOT, "  the next append on that node                    %8.1f µs/event (previous hash known)%n", warmMicros);
        }
    }

    private static MongoEventStorageEngine engine(MongoDatabase database) {
        return MongoEventStorageEngine.builder().database(database).eventSerializer(SERIALIZER)
                .snapshotSerializer(SERIALIZER).build();
    }

    private static void appendRound(MongoEventStorageEngine engine, String prefix, int aggregates, int events, long from) {
        for (int a = 0; a < aggregates; a++) {
            for (long sequence = from; sequence < from + events; sequence++) {
                engine.appendEvents(event(prefix + a, sequence));
            }
        }
    }

    private static DomainEventMessage<?> event(String aggregate, long sequence) {
        return new GenericDomainEventMessage<>("Ticket", aggregate, sequence,
                Map.of("ticketId", aggregate, "channel", "PHONE", "direction", "OUTBOUND",
                        "summary", "called back the customer about the outdoor fan, arrives 10:00"), CALLER);
    }

    private static double micros(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e3;
    }
}
