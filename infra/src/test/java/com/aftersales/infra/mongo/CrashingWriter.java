package com.aftersales.infra.mongo;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import java.nio.file.Path;
import org.bson.Document;

/**
 * Child process of {@link KillNineDurabilityTest}: writes until killed, printing every acknowledged
 * write. Each insert is followed by an update of one document, whose dead versions keep the file
 * compaction busy when the kill comes.
 */
public final class CrashingWriter {

    private CrashingWriter() {
    }

    public static void main(String[] args) {
        EmbeddedMongo server = EmbeddedMongo.onFile(Path.of(args[0]), 16, 0);
        MongoClient client = MongoClients.create(server.connectionString());
        if (args.length > 1) {
            concurrently(client, Integer.parseInt(args[1]));
            return;
        }
        MongoCollection<Document> writes = client.getDatabase("crash").getCollection("writes");
        MongoCollection<Document> progress = client.getDatabase("crash").getCollection("progress");
        for (long i = 0; ; i++) {
            writes.insertOne(new Document("_id", i).append("payload", "x".repeat(500)));
            progress.replaceOne(Filters.eq("_id", "last"), new Document("_id", "last").append("written", i)
                    .append("payload", "y".repeat(2_000)), new ReplaceOptions().upsert(true));
            System.out.println("acked " + i);
            System.out.flush();
        }
    }

    /**
     * {@code threads} writers at once, as the service's commands and projections write: each first
     * writes a view without a commit of its own ({@code j: false}), then an acknowledged document,
     * and prints {@code acked <thread> <i>}. Writers share commits, and a deferred write becomes
     * durable with the commit of any later write.
     */
    private static void concurrently(MongoClient client, int threads) {
        MongoCollection<Document> writes = client.getDatabase("crash").getCollection("writes");
        MongoCollection<Document> views = client.getDatabase("crash").getCollection("views")
                .withWriteConcern(WriteConcern.W1.withJournal(false));
        for (int t = 0; t < threads; t++) {
            int thread = t;
            new Thread(() -> {
                for (long i = 0; ; i++) {
                    views.insertOne(new Document("_id", thread + "/" + i).append("payload", "v".repeat(800)));
                    writes.insertOne(new Document("_id", thread + "/" + i).append("payload", "x".repeat(500)));
                    synchronized (System.out) {
                        System.out.println("acked " + thread + " " + i);
                        System.out.flush();
                    }
                }
            }).start();
        }
    }
}
