package com.aftersales.infra.eventstore;

import com.aftersales.infra.mongo.EmbeddedMongo;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.util.UUID;

/** An embedded server and a client on it, with a fresh database per call. */
final class MongoFixture implements AutoCloseable {

    final EmbeddedMongo server;
    final MongoClient client;

    private MongoFixture(EmbeddedMongo server) {
        this.server = server;
        this.client = MongoClients.create(server.connectionString());
    }

    static MongoFixture inMemory() {
        return new MongoFixture(EmbeddedMongo.inMemory(0));
    }

    static MongoFixture onFile(java.nio.file.Path dir) {
        return new MongoFixture(EmbeddedMongo.onFile(dir, 16, 0));
    }

    MongoDatabase freshDatabase() {
        return client.getDatabase("test_" + UUID.randomUUID().toString().replace("-", ""));
    }

    MongoDatabase database(String name) {
        return client.getDatabase(name);
    }

    @Override
    public void close() {
        client.close();
        server.close();
    }
}
