package com.aftersales.infra.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded default must not lose acknowledged writes when the process is killed: the stock
 * H2 backend lost the last second of them. A child JVM writes (and compacts the file) until it is
 * sent SIGKILL.
 */
class KillNineDurabilityTest {

    @TempDir
    Path dataDir;

    @Test
    void every_acknowledged_write_survives_kill_minus_nine() throws Exception {
        Process writer = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                CrashingWriter.class.getName(), dataDir.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        long lastAcked = -1;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (lastAcked < 400 && (line = out.readLine()) != null) {
                if (line.startsWith("acked ")) {
                    lastAcked = Long.parseLong(line.substring(6));
                }
            }
            writer.destroyForcibly(); // SIGKILL: no shutdown hooks, no final commit
            assertThat(writer.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(lastAcked).as("the writer ran").isGreaterThanOrEqualTo(400);

        try (EmbeddedMongo server = EmbeddedMongo.onFile(dataDir, 16, 0);
             MongoClient client = MongoClients.create(server.connectionString())) {
            var writes = client.getDatabase("crash").getCollection("writes");
            assertThat(writes.countDocuments(Filters.lte("_id", lastAcked)))
                    .as("writes 0..%d were acknowledged before the kill", lastAcked)
                    .isEqualTo(lastAcked + 1);
            Document progress = client.getDatabase("crash").getCollection("progress").find().first();
            assertThat(progress.getLong("written")).isGreaterThanOrEqualTo(lastAcked);
        }
        assertThat(new File(dataDir.toFile(), EmbeddedMongo.FILE_NAME)).exists();
    }

    /**
     * Eight writers share commits (a write a commit has already stored is answered without one of
     * its own), and each writes a view with {@code j: false} (no commit of its own) before every
     * acknowledged write: after the kill, every acknowledged write and every view written before it
     * by the same writer must be there.
     */
    @Test
    void concurrent_and_deferred_writes_survive_kill_minus_nine() throws Exception {
        int threads = 8;
        Process writer = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                CrashingWriter.class.getName(), dataDir.toString(), Integer.toString(threads))
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        long[] lastAcked = new long[threads];
        java.util.Arrays.fill(lastAcked, -1);
        long acked = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (acked < 1_600 && (line = out.readLine()) != null) {
                if (line.startsWith("acked ")) {
                    String[] parts = line.split(" ");
                    lastAcked[Integer.parseInt(parts[1])] = Long.parseLong(parts[2]);
                    acked++;
                }
            }
            writer.destroyForcibly();
            assertThat(writer.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(acked).as("the writers ran").isGreaterThanOrEqualTo(1_600);

        try (EmbeddedMongo server = EmbeddedMongo.onFile(dataDir, 16, 0);
             MongoClient client = MongoClients.create(server.connectionString())) {
            var writes = client.getDatabase("crash").getCollection("writes");
            var views = client.getDatabase("crash").getCollection("views");
            for (int thread = 0; thread < threads; thread++) {
                for (long i = 0; i <= lastAcked[thread]; i++) {
                    String id = thread + "/" + i;
                    assertThat(writes.find(Filters.eq("_id", id)).first()).as("acknowledged write %s", id).isNotNull();
                    assertThat(views.find(Filters.eq("_id", id)).first()).as("view %s, written before %s", id, id).isNotNull();
                }
            }
        }
    }
}
