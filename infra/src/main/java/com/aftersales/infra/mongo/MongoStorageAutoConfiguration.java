package com.aftersales.infra.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.ReadConcern;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration;
import org.springframework.boot.autoconfigure.mongo.MongoReactiveAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * One MongoDB for everything: the embedded server when no URI is configured, else the configured
 * one. Both the blocking client (event store, token store) and the reactive client (views) point
 * at it; Spring Boot's own Mongo clients back off because these exist.
 */
@AutoConfiguration(before = {MongoAutoConfiguration.class, MongoReactiveAutoConfiguration.class})
@EnableConfigurationProperties(MongoStorageProperties.class)
public class MongoStorageAutoConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnExpression("'${aftersales.mongo.uri:}'.isBlank()")
    EmbeddedMongo embeddedMongo(MongoStorageProperties properties) {
        return EmbeddedMongo.start(properties.getEmbedded());
    }

    @Bean
    MongoConnection mongoConnection(MongoStorageProperties properties, ObjectProvider<EmbeddedMongo> embedded) {
        String uri = properties.isEmbedded() ? embedded.getObject().connectionString() : properties.getUri();
        return new MongoConnection(new ConnectionString(uri), properties.getDatabase(), properties.isEmbedded());
    }

    @Bean(destroyMethod = "close")
    MongoClient mongoClient(MongoConnection connection) {
        return MongoClients.create(connection.settings());
    }

    @Bean
    MongoDatabase mongoDatabase(MongoClient client, MongoConnection connection) {
        return client.getDatabase(connection.database());
    }

    @Bean(destroyMethod = "close")
    com.mongodb.reactivestreams.client.MongoClient reactiveMongoClient(MongoConnection connection) {
        return com.mongodb.reactivestreams.client.MongoClients.create(connection.settings());
    }

    @Bean
    com.mongodb.reactivestreams.client.MongoDatabase reactiveMongoDatabase(
            com.mongodb.reactivestreams.client.MongoClient client, MongoConnection connection) {
        return client.getDatabase(connection.database());
    }

    /** Where the service's MongoDB is. */
    public record MongoConnection(ConnectionString connectionString, String database, boolean embedded) {

        /**
         * On a replica set, writes wait for a majority and reads see only majority-committed data
         * (unless the URI says otherwise): a tracking processor must never pass an event that a
         * failover then rolls back, nor a counter value that is then handed out again.
         */
        MongoClientSettings settings() {
            MongoClientSettings.Builder settings = MongoClientSettings.builder().applyConnectionString(connectionString);
            if (!embedded && connectionString.getWriteConcern() == null) {
                settings.writeConcern(WriteConcern.MAJORITY);
            }
            if (!embedded && connectionString.getReadConcern() == null) {
                settings.readConcern(ReadConcern.MAJORITY);
            }
            return settings.build();
        }

        /**
         * For derived data whose durability a later write of the same writer covers: a projection's
         * views and then its tracking token. On the embedded server such writes are answered without
         * a file commit of their own ({@code j: false}); the next commit of any other write, or the
         * backend's flush within a second, stores them, and a commit always stores everything
         * written before it. Elsewhere {@code fallback}, the connection's own concern.
         */
        public WriteConcern deferredWriteConcern(WriteConcern fallback) {
            return embedded ? WriteConcern.W1.withJournal(false) : fallback;
        }
    }
}
