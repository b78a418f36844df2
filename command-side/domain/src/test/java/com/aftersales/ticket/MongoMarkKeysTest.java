package com.aftersales.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftersales.infra.mongo.EmbeddedMongo;
import com.aftersales.infra.tenancy.PriorityScheme;
import com.aftersales.infra.tenancy.Tenant;
import com.aftersales.infra.tenancy.TenantConfiguration;
import com.aftersales.infra.tenancy.TenantConfiguration.BatchRule;
import com.aftersales.infra.tenancy.TenantConfiguration.MarkRules;
import com.aftersales.infra.tenancy.TenantProfile;
import com.aftersales.ticket.LifecycleEvents.TicketBatchFormed;
import com.aftersales.ticket.LifecycleEvents.TicketMarked;
import com.aftersales.ticket.MarkKeys.Entry;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mark keys on the embedded server (memory and file backends): appends answer the entries
 * before them, keep the last n and carry the tenant; registrations arriving at once around the
 * threshold form exactly one batch.
 */
class MongoMarkKeysTest {

    static final Instant NOW = Instant.parse("2024-05-20T01:30:00Z");
    static final int THREADS = 8;
    static final int THRESHOLD = 5;

    @TempDir
    Path dataDir;

    @Test
    void an_append_answers_the_entries_before_it_in_order_keeps_the_last_n_and_can_be_taken_back() {
        try (EmbeddedMongo server = EmbeddedMongo.inMemory(0); MongoClient client = MongoClients.create(server.connectionString())) {
            MongoDatabase database = client.getDatabase("marks_" + UUID.randomUUID().toString().replace("-", ""));
            MongoMarkKeys keys = new MongoMarkKeys(database);
            assertThat(keys.append("acme", "batch", "k", new Entry("t-1", NOW), 3)).isEmpty();
            keys.append("acme", "batch", "k", new Entry("t-2", NOW.plusSeconds(1)), 3);
            keys.append("acme", "batch", "k", new Entry("t-3", NOW.plusSeconds(2)), 3);
            assertThat(keys.append("acme", "batch", "k", new Entry("t-4", NOW.plusSeconds(3)), 3))
                    .containsExactly(new Entry("t-1", NOW), new Entry("t-2", NOW.plusSeconds(1)), new Entry("t-3", NOW.plusSeconds(2)));
            keys.append("acme", "batch", "k", new Entry("t-3", NOW.plusSeconds(5)), 5);
            keys.remove("acme", "batch", "k", new Entry("t-3", NOW.plusSeconds(5)));
            assertThat(keys.append("acme", "batch", "k", new Entry("t-5", NOW.plusSeconds(6)), 3))
                    .as("the retried registration's entry is taken back, the stored one of the same ticket kept")
                    .extracting(Entry::ticketId).containsExactly("t-2", "t-3", "t-4");
            assertThat(keys.append("nimbus", "batch", "k", new Entry("t-9", NOW), 3)).as("another tenant's key").isEmpty();
            Document stored = database.getCollection("mark_keys").find(new Document("_id", "acme|batch|k")).first();
            assertThat(stored.getString("tenantId")).isEqualTo("acme");
            assertThat(stored.getString("kind")).isEqualTo("batch");
        }
    }

    @Test
    void registrations_at_once_around_the_threshold_form_exactly_one_batch_on_the_memory_backend() throws Exception {
        try (EmbeddedMongo server = EmbeddedMongo.inMemory(0)) {
            concurrentRounds(server, 20);
        }
    }

    @Test
    void registrations_at_once_around_the_threshold_form_exactly_one_batch_on_the_file_backend() throws Exception {
        try (EmbeddedMongo server = EmbeddedMongo.onFile(dataDir, 16, 0)) {
            concurrentRounds(server, 5);
        }
    }

    private void concurrentRounds(EmbeddedMongo server, int rounds) throws Exception {
        try (MongoClient client = MongoClients.create(server.connectionString())) {
            Marking marking = new Marking(new MongoMarkKeys(client.getDatabase("marks")));
            Tenant tenant = tenant();
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            try {
                for (int round = 0; round < rounds; round++) {
                    String model = "KFR-" + round;
                    List<List<Object>> results = registerAtOnce(pool, ticketId -> marking.atRegistration(tenant, ticketId,
                            TicketMarksTest.registration("1380000" + ticketId.hashCode(), null, model, "no cold air", "low"), NOW));
                    assertOneBatch(results);
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private static List<List<Object>> registerAtOnce(ExecutorService pool, Function<String, List<Object>> register)
            throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<Object>>> futures = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            String ticketId = UUID.randomUUID().toString();
            futures.add(pool.submit(() -> {
                start.await();
                return register.apply(ticketId);
            }));
        }
        start.countDown();
        List<List<Object>> results = new ArrayList<>();
        for (Future<List<Object>> future : futures) {
            results.add(future.get());
        }
        return results;
    }

    private static void assertOneBatch(List<List<Object>> results) {
        List<TicketBatchFormed> formed = results.stream().flatMap(List::stream)
                .filter(TicketBatchFormed.class::isInstance).map(TicketBatchFormed.class::cast).toList();
        assertThat(formed).as("batches formed by %d registrations at once", THREADS).hasSize(1);
        List<String> members = formed.get(0).ticketIds();
        assertThat(members).hasSize(THRESHOLD).doesNotHaveDuplicates();
        List<TicketMarked> marked = results.stream().flatMap(List::stream)
                .filter(TicketMarked.class::isInstance).map(TicketMarked.class::cast).toList();
        assertThat(marked).as("the forming ticket and the %d after it", THREADS - THRESHOLD)
                .hasSize(THREADS - THRESHOLD + 1)
                .allSatisfy(mark -> assertThat(mark.batchId()).isEqualTo(formed.get(0).batchId()));
        long unmarked = results.stream().filter(List::isEmpty).count();
        assertThat(unmarked).as("registrations before the threshold").isEqualTo(THRESHOLD - 1);
        assertThat(Collections.frequency(members, formed.get(0).ticketId())).isOne();
    }

    private static Tenant tenant() {
        TenantConfiguration configuration = new TenantConfiguration(List.of("repair"), List.of(), PriorityScheme.URGENT_NORMAL_LOW,
                30, List.of(), List.of(), List.of(), new MarkRules(null, new BatchRule(Duration.ofHours(24), THRESHOLD, null)),
                null, null, null);
        return new Tenant("acme", 1, new TenantProfile("acme", "acme", ZoneId.of("Asia/Shanghai"), "", 3), configuration, 1,
                null, false, null);
    }
}
