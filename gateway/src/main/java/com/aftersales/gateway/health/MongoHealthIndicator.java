package com.aftersales.gateway.health;

import com.aftersales.infra.mongo.MongoStorageAutoConfiguration.MongoConnection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import java.time.Duration;
import org.bson.Document;
import org.springframework.boot.actuate.health.AbstractReactiveHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Pings the MongoDB holding events, tokens and views; says whether it is the embedded one. */
@Component("mongo")
public class MongoHealthIndicator extends AbstractReactiveHealthIndicator {

    private final MongoDatabase database;
    private final MongoConnection connection;

    public MongoHealthIndicator(MongoDatabase database, MongoConnection connection) {
        this.database = database;
        this.connection = connection;
    }

    @Override
    protected Mono<Health> doHealthCheck(Health.Builder builder) {
        return Mono.from(database.runCommand(new Document("ping", 1)))
                .timeout(Duration.ofSeconds(3))
                .map(pong -> builder.up().withDetail("embedded", connection.embedded())
                        .withDetail("database", connection.database()).build());
    }
}
