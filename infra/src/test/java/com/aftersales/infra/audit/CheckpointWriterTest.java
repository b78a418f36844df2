package com.aftersales.infra.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftersales.infra.eventstore.EventHistory;
import com.aftersales.infra.eventstore.EventStoreSettings;
import com.aftersales.infra.eventstore.GlobalLog;
import com.aftersales.infra.eventstore.MongoEventStorageEngine;
import com.aftersales.infra.mongo.EmbeddedMongo;
import com.aftersales.infra.tenancy.CallerMetaData;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checkpoints per tenant, every N events, chained, signed; two writers never fork them. */
class CheckpointWriterTest {

    static EmbeddedMongo server;
    static MongoClient client;
    MongoDatabase database;
    MongoEventStorageEngine engine;
    final SigningKeys keys = SigningKeys.ephemeral();
    final Clock clock = Clock.fixed(Instant.parse("2024-05-20T01:30:00Z"), ZoneOffset.UTC);

    @BeforeAll
    static void start() {
        server = EmbeddedMongo.inMemory(0);
        client = MongoClients.create(server.connectionString());
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    @BeforeEach
    void fresh() {
        database = client.getDatabase("test_" + UUID.randomUUID().toString().replace("-", ""));
        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
        engine = MongoEventStorageEngine.builder().database(database).eventSerializer(serializer)
                .snapshotSerializer(serializer).build();
    }

    private void append(String tenant, String aggregate, int events) {
        long start = engine.lastSequenceNumberFor(aggregate).map(last -> last + 1).orElse(0L);
        for (long sequence = start; sequence < start + events; sequence++) {
            engine.appendEvents(new GenericDomainEventMessage<>("Ticket", aggregate, sequence, Map.of("n", sequence),
                    MetaData.from(CallerMetaData.of(tenant, "someone", "user", List.of("AGENT")))));
        }
    }

    private CheckpointWriter writer(int everyEvents) {
        GlobalLog log = new GlobalLog(database, MongoEventStorageEngine.CollectionNames.DEFAULT, EventStoreSettings.DEFAULTS, clock);
        return new CheckpointWriter(log, new CheckpointStore(database), keys, () -> List.of("acme", "nimbus"),
                tenant -> new CheckpointWriter.Policy(tenant.equals("acme") ? everyEvents : 1000, Duration.ofMinutes(10)), clock);
    }

    @Test
    void checkpoints_are_per_tenant_chained_signed_and_two_writers_never_fork_them() {
        CheckpointWriter first = writer(3);
        CheckpointWriter second = writer(3);
        List<Checkpoint> written = new ArrayList<>();
        for (int round = 0; round < 6; round++) {
            append("acme", "a" + round, 2);
            append("nimbus", "n" + round, 1);
            append("acme", "a" + round, 2);
            (round % 2 == 0 ? first : second).writeDue();
            (round % 2 == 0 ? second : first).writeDue();
        }
        CheckpointStore store = new CheckpointStore(database);
        Checkpoint latest = store.latest("acme").orElseThrow();
        for (long sequence = 0; sequence <= latest.sequence(); sequence++) {
            written.add(store.find("acme", sequence).orElseThrow());
        }
        long leaves = 0;
        for (int i = 0; i < written.size(); i++) {
            Checkpoint checkpoint = written.get(i);
            assertThat(CheckpointSeal.check(checkpoint, keys.published()).valid()).isTrue();
            assertThat(checkpoint.previous()).isEqualTo(i == 0 ? null : written.get(i - 1).digest());
            assertThat(checkpoint.fromIndex()).isEqualTo(i == 0 ? 0 : written.get(i - 1).toIndex() + 1);
            leaves += checkpoint.leaves().size();
        }
        assertThat(leaves).as("every acme event once, none of nimbus").isLessThanOrEqualTo(24).isGreaterThan(16);
        // the first checkpoint is written at once (none before); nimbus waits for 1000 events or 10 minutes
        assertThat(store.latest("nimbus")).isPresent();
        assertThat(store.latest("nimbus").get().sequence()).isZero();
        assertThat(first.checkpointNow("acme").orElseThrow().toIndex()).isEqualTo(29);
    }

    @Test
    void a_checkpoint_is_due_once_the_last_is_older_than_the_interval_and_events_wait() {
        java.util.concurrent.atomic.AtomicReference<Instant> now = new java.util.concurrent.atomic.AtomicReference<>(clock.instant());
        Clock moving = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        GlobalLog log = new GlobalLog(database, MongoEventStorageEngine.CollectionNames.DEFAULT, EventStoreSettings.DEFAULTS, moving);
        CheckpointWriter writer = new CheckpointWriter(log, new CheckpointStore(database), keys, () -> List.of("acme"),
                tenant -> new CheckpointWriter.Policy(1000, Duration.ofMinutes(10)), moving);
        append("acme", "a", 2);
        writer.writeDue();
        CheckpointStore store = new CheckpointStore(database);
        assertThat(store.latest("acme").orElseThrow().sequence()).as("the first one at once").isZero();
        append("acme", "a", 2);
        now.set(now.get().plus(Duration.ofMinutes(9)));
        writer.writeDue();
        assertThat(store.latest("acme").orElseThrow().sequence()).as("2 events, 9 minutes: not due").isZero();
        now.set(now.get().plus(Duration.ofMinutes(1)));
        writer.writeDue();
        Checkpoint second = store.latest("acme").orElseThrow();
        assertThat(second.sequence()).isEqualTo(1);
        assertThat(second.leaves()).hasSize(2);
        now.set(now.get().plus(Duration.ofHours(1)));
        writer.writeDue();
        assertThat(store.latest("acme").orElseThrow().sequence()).as("no events wait: none").isEqualTo(1);
    }

    @Test
    void a_tampered_signature_or_leaf_fails_the_check(@TempDir Path dir) throws Exception {
        append("acme", "a", 4);
        Checkpoint checkpoint = writer(1).checkpointNow("acme").orElseThrow();
        List<Checkpoint.Leaf> leaves = new ArrayList<>(checkpoint.leaves());
        leaves.set(1, new Checkpoint.Leaf(leaves.get(1).globalIndex(), leaves.get(2).hash()));
        Checkpoint edited = new Checkpoint(checkpoint.tenant(), checkpoint.sequence(), checkpoint.previous(),
                checkpoint.fromIndex(), checkpoint.toIndex(), leaves, checkpoint.root(), checkpoint.createdAt(),
                checkpoint.kid(), checkpoint.jws());
        assertThat(CheckpointSeal.check(edited, keys.published()).rootValid()).isFalse();
        assertThat(CheckpointSeal.check(checkpoint, SigningKeys.ephemeral().published()).signatureValid()).isFalse();

        Path file = dir.resolve("keys.json");
        SigningKeys development = SigningKeys.development(file);
        assertThat(Files.exists(file)).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(SigningKeys.development(file).signingKeyId()).isEqualTo(development.signingKeyId());
        assertThat(development.published().getKeys()).allSatisfy(key -> assertThat(key.isPrivate()).isFalse());
    }

    private VerificationReport verify(String stream) {
        return new StreamAudit(new EventHistory(database, MongoEventStorageEngine.CollectionNames.DEFAULT, 128),
                new CheckpointStore(database), keys).verify("acme", stream);
    }

    @Test
    void a_deleted_latest_checkpoint_is_reported_and_the_writer_never_starts_a_new_chain() {
        append("acme", "a", 3);
        CheckpointWriter writer = writer(1);
        writer.checkpointNow("acme");
        append("acme", "a", 2);
        Checkpoint latest = writer.checkpointNow("acme").orElseThrow();
        assertThat(latest.sequence()).isEqualTo(1);
        assertThat(verify("a").intact()).isTrue();
        MongoCollection<Document> stored = database.getCollection(CheckpointStore.COLLECTION);
        Checkpoint first = new CheckpointStore(database).find("acme", 0).orElseThrow();

        stored.deleteOne(Filters.eq("_id", "acme/1"));
        VerificationReport report = verify("a");
        assertThat(report.intact()).isFalse();
        assertThat(report.failure().kind()).isEqualTo(VerificationReport.Kind.CHECKPOINT_INVALID);
        assertThat(report.failure().sequence()).isEqualTo(-1);
        assertThat(report.failure().globalPosition()).isNull();
        assertThat(report.failure().detail()).isEqualTo("checkpoint 1 is missing");

        append("acme", "a", 1);
        CheckpointWriter restarted = writer(1);
        restarted.writeDue();
        assertThat(restarted.stalled()).containsKey("acme");
        assertThat(stored.countDocuments(Filters.eq("_id", "acme/1"))).as("no checkpoint 1 re-signed").isZero();

        stored.deleteMany(Filters.eq("tenant", "acme")); // every checkpoint gone, the heads document stays
        CheckpointWriter again = writer(1);
        again.writeDue();
        assertThat(again.checkpointNow("acme")).isEmpty();
        assertThat(again.stalled()).containsKey("acme");
        assertThat(stored.countDocuments(Filters.eq("tenant", "acme"))).as("no new chain from 0").isZero();
        assertThat(first.sequence()).isZero();
        // the other tenant goes on
        append("nimbus", "n", 1);
        again.checkpointNow("nimbus");
        assertThat(new CheckpointStore(database).latest("nimbus")).isPresent();
    }

    @Test
    void a_malformed_hash_or_leaf_is_reported_and_never_stops_the_checkpoints() {
        append("acme", "a", 3);
        append("nimbus", "n", 1);
        MongoCollection<Document> events = database.getCollection("events");
        events.updateOne(Filters.eq("stream", "a/1"), Updates.set("events.0.hash", "not-hex"));
        CheckpointWriter writer = writer(1);
        Checkpoint acme = writer.checkpointNow("acme").orElseThrow();
        assertThat(acme.leaves()).extracting(Checkpoint.Leaf::globalIndex).containsExactly(0L, 2L);
        assertThat(writer.checkpointNow("nimbus")).isPresent();
        VerificationReport report = verify("a");
        assertThat(report.failure()).isEqualTo(new VerificationReport.Failure(1, 1L, VerificationReport.Kind.CHANGED,
                "its stored form no longer hashes to its hash"));

        List<Checkpoint.Leaf> leaves = new ArrayList<>(acme.leaves());
        leaves.set(0, new Checkpoint.Leaf(0, "zz"));
        Checkpoint tampered = new Checkpoint(acme.tenant(), acme.sequence(), acme.previous(), acme.fromIndex(),
                acme.toIndex(), leaves, acme.root(), acme.createdAt(), acme.kid(), acme.jws());
        assertThat(CheckpointSeal.check(tampered, keys.published()))
                .isEqualTo(new CheckpointSeal.Check(true, false, "a leaf is not a SHA-256 hash"));
    }

    @Test
    void a_tenant_without_events_does_not_pin_the_scan_after_a_restart() {
        GlobalLog log = new GlobalLog(database, MongoEventStorageEngine.CollectionNames.DEFAULT, EventStoreSettings.DEFAULTS, clock);
        CheckpointStore store = new CheckpointStore(database);
        append("acme", "a", 10);
        CheckpointWriter writer = new CheckpointWriter(log, store, keys, () -> List.of("acme", "quiet"),
                tenant -> new CheckpointWriter.Policy(1000, Duration.ofMinutes(10)), clock);
        writer.writeDue();
        assertThat(store.latest("quiet")).isEmpty();
        assertThat(store.scannedThrough("quiet")).as("read through with nothing of quiet waiting").isEqualTo(9);
        assertThat(store.scannedThrough("acme")).as("acme's events are in its checkpoint, not skipped").isEqualTo(-1);

        append("acme", "a", 2);
        append("quiet", "q", 1);
        CheckpointWriter restarted = new CheckpointWriter(log, store, keys, () -> List.of("acme", "quiet"),
                tenant -> new CheckpointWriter.Policy(1000, Duration.ofMinutes(10)), clock);
        Checkpoint quiet = restarted.checkpointNow("quiet").orElseThrow();
        assertThat(quiet.fromIndex()).isZero();
        assertThat(quiet.leaves()).extracting(Checkpoint.Leaf::globalIndex).containsExactly(12L);
        assertThat(restarted.checkpointNow("acme").orElseThrow().leaves()).extracting(Checkpoint.Leaf::globalIndex)
                .containsExactly(10L, 11L);
    }
}
