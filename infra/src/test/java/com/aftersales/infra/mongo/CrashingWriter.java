package com.aftersales.infra.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.nio.file.Path;
import org.bson.Document;

/** Child process of {@link KillNineDurabilityTest}: writes until killed, printing every acknowledged write. */
public final class CrashingWriter {

    private CrashingWriter() {
    }

    public static void main(String[] args) {
        EmbeddedMongo server = EmbeddedMongo.onFile(Path.of(args[0]), 16, 0);
        MongoClient client = MongoClients.create(server.connectionString());
        MongoCollection<Document> writes = client.getDatabase("crash").getCollection("writes");
        for (long i = 0; ; i++) {
            writes.insertOne(new Document("_id", i).append("payload", "x".repeat(500)));
            System.out.println("acked " + i);
            System.out.flush();
        }
    }
}
