package com.aftersales.infra.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import java.nio.file.Path;
import java.time.Duration;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** No URI: the embedded server runs on its file. A URI: that MongoDB is used and nothing embedded starts. */
class MongoStorageAutoConfigurationTest {

    @TempDir
    Path dataDir;

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MongoStorageAutoConfiguration.class));

    @Test
    void without_a_uri_the_embedded_server_keeps_its_data_under_the_data_dir() {
        context.withPropertyValues("aftersales.mongo.embedded.data-dir=" + dataDir)
                .run(started -> {
                    assertThat(started).hasSingleBean(EmbeddedMongo.class);
                    started.getBean(MongoDatabase.class).getCollection("probe").insertOne(new Document("_id", 1));
                });
        assertThat(dataDir.resolve(EmbeddedMongo.FILE_NAME)).exists();
        context.withPropertyValues("aftersales.mongo.embedded.data-dir=" + dataDir)
                .run(restarted -> assertThat(restarted.getBean(MongoDatabase.class).getCollection("probe")
                        .countDocuments()).isEqualTo(1));
    }

    @Test
    void compaction_is_configured_under_the_embedded_settings() {
        context.withPropertyValues("aftersales.mongo.embedded.data-dir=" + dataDir,
                        "aftersales.mongo.embedded.compaction.fill-rate=70",
                        "aftersales.mongo.embedded.compaction.max-pass-time=5ms",
                        "aftersales.mongo.embedded.compaction.idle-after=10s")
                .run(started -> {
                    var compaction = started.getBean(MongoStorageProperties.class).getEmbedded().getCompaction();
                    assertThat(compaction.getFillRate()).isEqualTo(70);
                    assertThat(compaction.getMaxPassTime()).isEqualTo(Duration.ofMillis(5));
                    assertThat(compaction.getIdleAfter()).isEqualTo(Duration.ofSeconds(10));
                });
    }

    @Test
    void with_a_uri_that_mongodb_is_used_and_nothing_embedded_starts() {
        try (EmbeddedMongo external = EmbeddedMongo.inMemory(0)) {
            context.withPropertyValues("aftersales.mongo.uri=" + external.connectionString(),
                            "aftersales.mongo.database=elsewhere")
                    .run(started -> {
                        assertThat(started).doesNotHaveBean(EmbeddedMongo.class);
                        assertThat(started.getBean(MongoStorageAutoConfiguration.MongoConnection.class).embedded()).isFalse();
                        started.getBean(MongoDatabase.class).getCollection("probe").insertOne(new Document("_id", 7));
                    });
            try (var client = com.mongodb.client.MongoClients.create(external.connectionString())) {
                assertThat(client.getDatabase("elsewhere").getCollection("probe").countDocuments()).isEqualTo(1);
            }
        }
    }
}
