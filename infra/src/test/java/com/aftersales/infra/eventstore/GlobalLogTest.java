package com.aftersales.infra.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftersales.infra.mongo.EmbeddedMongo;
import com.aftersales.infra.tenancy.CallerMetaData;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

/** The audit's reading of the global log never stalls on a commit longer than its window. */
class GlobalLogTest {

    @Test
    void a_commit_much_longer_than_the_window_is_read_whole() {
        try (EmbeddedMongo server = EmbeddedMongo.inMemory(0);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoDatabase database = client.getDatabase("global_log");
            JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
            MongoEventStorageEngine engine = MongoEventStorageEngine.builder().database(database)
                    .eventSerializer(serializer).snapshotSerializer(serializer).build();
            MetaData caller = MetaData.from(CallerMetaData.of("acme", "someone", "user", List.of("AGENT")));
            engine.appendEvents(new GenericDomainEventMessage<>("Ticket", "before", 0, Map.of("n", 0), caller));
            List<DomainEventMessage<?>> longCommit = LongStream.range(0, 700)
                    .<DomainEventMessage<?>>mapToObj(n -> new GenericDomainEventMessage<>("Ticket", "long", n, Map.of("n", n), caller))
                    .toList();
            engine.appendEvents(longCommit);

            GlobalLog log = new GlobalLog(database, MongoEventStorageEngine.CollectionNames.DEFAULT,
                    EventStoreSettings.DEFAULTS, Clock.systemUTC());
            GlobalLog.Slice slice = log.read(-1, 10);

            assertThat(slice.events()).as("index 0, then the commit of indexes 1..700 that starts in the window")
                    .hasSize(701);
            assertThat(slice.through()).isEqualTo(700);
            assertThat(log.read(slice.through(), 10).events()).isEmpty();
        }
    }
}
