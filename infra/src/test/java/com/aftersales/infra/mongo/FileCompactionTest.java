package com.aftersales.infra.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.h2.mvstore.MVStoreTool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Committing after every write left most of every chunk dead and nothing compacted it: the file
 * grew to ~24× its live data. It must stay within 2× under load and shrink further when idle.
 * <p>
 * Live size is the size of a copy of the file after {@code MVStoreTool.compact}, which writes the
 * live pages into a fresh file: measured by MVStore itself, not by the fill statistics the
 * compaction steers by. A copy is only taken while nothing can write the file: between two writes
 * with idle compaction out of reach, or with the server closed.
 */
class FileCompactionTest {

    private static final int DOCUMENTS = 300;
    private static final int UPDATE_ROUNDS = 4;

    @TempDir
    Path dataDir;

    @Test
    void under_load_the_file_stays_within_twice_its_live_data() throws Exception {
        MongoStorageProperties.Compaction noIdlePasses = new MongoStorageProperties.Compaction();
        noIdlePasses.setIdleAfter(Duration.ofHours(1));
        try (EmbeddedMongo server = EmbeddedMongo.onFile(dataDir, 16, 0, noIdlePasses);
             MongoClient client = MongoClients.create(server.connectionString())) {
            writeAndUpdate(documents(client));

            assertThat(fileSize()).isLessThanOrEqualTo(2 * liveSize());
            assertLatestVersions(documents(client));
        }
        try (EmbeddedMongo server = EmbeddedMongo.onFile(dataDir, 16, 0);
             MongoClient client = MongoClients.create(server.connectionString())) {
            assertLatestVersions(documents(client));
        }
    }

    @Test
    void when_idle_a_bloated_file_shrinks_towards_its_live_data() throws Exception {
        MongoStorageProperties.Compaction off = new MongoStorageProperties.Compaction();
        off.setFillRate(0);
        try (EmbeddedMongo server = EmbeddedMongo.onFile(dataDir, 16, 0, off);
             MongoClient client = MongoClients.create(server.connectionString())) {
            writeAndUpdate(documents(client));
        }
        long live = liveSize();
        assertThat(fileSize()).as("without compaction").isGreaterThan(5 * live);

        MongoStorageProperties.Compaction soonIdle = new MongoStorageProperties.Compaction();
        soonIdle.setIdleAfter(Duration.ofMillis(100));
        try (EmbeddedMongo server = EmbeddedMongo.onFile(dataDir, 16, 0, soonIdle);
             MongoClient client = MongoClients.create(server.connectionString())) {
            // passes run between other work: on a 2-core machine shared with other builds they took over 30 s
            await().atMost(Duration.ofSeconds(120)).until(() -> fileSize() <= 2 * live);
            assertLatestVersions(documents(client));
        }
    }

    private static MongoCollection<Document> documents(MongoClient client) {
        return client.getDatabase("size").getCollection("documents");
    }

    private static void writeAndUpdate(MongoCollection<Document> documents) {
        List<Document> initial = new ArrayList<>();
        for (int id = 0; id < DOCUMENTS; id++) {
            initial.add(document(id, 0));
        }
        documents.insertMany(initial);
        for (int round = 1; round <= UPDATE_ROUNDS; round++) {
            for (int id = 0; id < DOCUMENTS; id++) {
                documents.replaceOne(Filters.eq("_id", id), document(id, round));
            }
        }
    }

    private static Document document(int id, int version) {
        return new Document("_id", id).append("version", version)
                .append("text", ("ticket " + id + " version " + version + " ").repeat(60));
    }

    private static void assertLatestVersions(MongoCollection<Document> documents) {
        assertThat(documents.countDocuments()).isEqualTo(DOCUMENTS);
        assertThat(documents.countDocuments(Filters.eq("version", UPDATE_ROUNDS))).isEqualTo(DOCUMENTS);
        Document last = documents.find(Filters.eq("_id", DOCUMENTS - 1)).first();
        assertThat(last).isEqualTo(document(DOCUMENTS - 1, UPDATE_ROUNDS));
    }

    private long fileSize() throws Exception {
        return Files.size(dataDir.resolve(EmbeddedMongo.FILE_NAME));
    }

    private long liveSize() throws Exception {
        Path copy = Files.createTempDirectory(dataDir, "copy").resolve("live.mv.db");
        Files.copy(dataDir.resolve(EmbeddedMongo.FILE_NAME), copy);
        MVStoreTool.compact(copy.toString(), false);
        return Files.size(copy);
    }
}
