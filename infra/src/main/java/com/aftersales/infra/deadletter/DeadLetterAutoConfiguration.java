package com.aftersales.infra.deadletter;

import com.aftersales.infra.mongo.MongoStorageAutoConfiguration;
import com.mongodb.client.MongoDatabase;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/** Dead-letter queues in our MongoDB, also with Axon Server (it stores no dead letters for us). */
@AutoConfiguration(after = MongoStorageAutoConfiguration.class)
public class DeadLetterAutoConfiguration {

    @Bean
    DeadLetterQueues deadLetterQueues(MongoDatabase database, @Qualifier("eventSerializer") Serializer eventSerializer) {
        return new DeadLetterQueues(database, eventSerializer);
    }
}
