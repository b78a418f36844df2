package com.aftersales.infra.timer;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;

/**
 * Durable timers on MongoDB key lookups only: the embedded server answers a query from an index
 * only when it is exactly {@code _id} (or {@code _id $in}), and scans the collection otherwise, even
 * for {@code _id} plus one more condition. So every hot operation here is by {@code _id}:
 * <ul>
 * <li>{@code timer_keys}: {@code _id = tenant/id}, the timer's current generation (raised by each
 *     schedule and cancel);</li>
 * <li>{@code timers}: one immutable document per scheduled generation, {@code _id = tenant/id#generation},
 *     with due time, minute and payload; deleted when fired, moved or cancelled;</li>
 * <li>{@code timer_buckets}: {@code _id = epoch minute}, the timers due in that minute; and
 *     {@code _id = "now"} for timers scheduled into minutes the tickers may have walked already;</li>
 * <li>{@code timer_claims}: {@code _id = tenant/id#generation} while a node fires it (owner, lease);</li>
 * <li>{@code timer_cursor}: how far the tickers walked ({@code scanned}) and finished ({@code done}).</li>
 * </ul>
 * A tick reads the buckets from {@code done} to the current minute and the timers they list: its
 * cost grows with the minutes walked and the timers due, not with the timers scheduled.
 */
public final class DurableTimers {

    static final String NOW_BUCKET = "now";
    static final String CURSOR = "cursor";

    final MongoCollection<Document> keys;
    final MongoCollection<Document> timers;
    final MongoCollection<Document> buckets;
    final MongoCollection<Document> claims;
    final MongoCollection<Document> cursor;

    /** A new store starts walking at the current minute of {@code clock}. */
    public DurableTimers(MongoDatabase database, Clock clock) {
        this.keys = database.getCollection("timer_keys");
        this.timers = database.getCollection("timers");
        this.buckets = database.getCollection("timer_buckets");
        this.claims = database.getCollection("timer_claims");
        this.cursor = database.getCollection("timer_cursor");
        long start = minuteOf(clock.instant()) - 1;
        cursor.updateOne(eq("_id", CURSOR), Updates.combine(
                Updates.setOnInsert("done", start), Updates.setOnInsert("scanned", start)),
                new UpdateOptions().upsert(true));
    }

    /**
     * Schedules a timer, or moves it if it exists. The bucket is written before the timer, so a
     * crash in between leaves a stale bucket entry (skipped), never a timer no bucket lists.
     */
    public Timer schedule(String tenant, String id, Instant dueAt, Map<String, String> payload) {
        String key = key(tenant, id);
        long generation = nextGeneration(key);
        if (generation > 1) {
            timers.deleteOne(eq("_id", instance(key, generation - 1)));
        }
        String instance = instance(key, generation);
        long minute = minuteOf(dueAt);
        addToBucket(bucketId(minute), instance);
        if (minute <= scanned()) {
            addToBucket(NOW_BUCKET, instance); // the tickers may have walked this minute already
        }
        Timer timer = new Timer(tenant, id, dueAt, payload, generation);
        timers.insertOne(document(timer, instance, minute));
        return timer;
    }

    /**
     * Schedules new timers (ids never scheduled before) in three bulk writes, buckets first: for
     * mass start-ups, imports and the benchmark.
     */
    public void scheduleNew(String tenant, Map<String, Instant> dueById, Map<String, String> payload) {
        long scanned = scanned();
        Map<String, List<String>> byBucket = new LinkedHashMap<>();
        List<WriteModel<Document>> keyWrites = new ArrayList<>();
        List<WriteModel<Document>> timerWrites = new ArrayList<>();
        dueById.forEach((id, dueAt) -> {
            String instance = instance(key(tenant, id), 1);
            long minute = minuteOf(dueAt);
            byBucket.computeIfAbsent(minute <= scanned ? NOW_BUCKET : bucketId(minute), b -> new ArrayList<>()).add(instance);
            keyWrites.add(new InsertOneModel<>(new Document("_id", key(tenant, id)).append("generation", 1L)));
            timerWrites.add(new InsertOneModel<>(document(new Timer(tenant, id, dueAt, payload, 1), instance, minute)));
        });
        List<WriteModel<Document>> bucketWrites = new ArrayList<>();
        byBucket.forEach((bucket, instances) -> bucketWrites.add(new UpdateOneModel<>(eq("_id", bucket),
                Updates.addEachToSet("timers", instances), new UpdateOptions().upsert(true))));
        BulkWriteOptions unordered = new BulkWriteOptions().ordered(false);
        buckets.bulkWrite(bucketWrites, unordered);
        keys.bulkWrite(keyWrites, unordered);
        timers.bulkWrite(timerWrites, unordered);
    }

    /** Cancels a timer; false if none was scheduled. One being fired at this moment may still fire. */
    public boolean cancel(String tenant, String id) {
        String key = key(tenant, id);
        Document before = keys.findOneAndUpdate(eq("_id", key), Updates.inc("generation", 1L));
        return before != null
                && timers.deleteOne(eq("_id", instance(key, before.get("generation", Number.class).longValue())))
                .getDeletedCount() == 1;
    }

    /** The timer's scheduled generation, if it has not fired or been cancelled. */
    public Optional<Timer> find(String tenant, String id) {
        String key = key(tenant, id);
        Document pointer = keys.find(eq("_id", key)).first();
        if (pointer == null) {
            return Optional.empty();
        }
        Document document = timers.find(eq("_id", instance(key, pointer.get("generation", Number.class).longValue()))).first();
        return Optional.ofNullable(document).map(DurableTimers::timer);
    }

    long scanned() {
        return cursor.find(eq("_id", CURSOR)).first().get("scanned", Number.class).longValue();
    }

    List<Document> listed(List<String> instances) {
        return instances.isEmpty() ? List.of() : timers.find(in("_id", instances)).into(new ArrayList<>());
    }

    /** findOneAndUpdate returning the document before: atomic on the embedded server too (EMBEDDED-MONGO.md). */
    private long nextGeneration(String key) {
        Document before = keys.findOneAndUpdate(eq("_id", key), Updates.inc("generation", 1L),
                new FindOneAndUpdateOptions().upsert(true));
        return before == null ? 1 : before.get("generation", Number.class).longValue() + 1;
    }

    private void addToBucket(String bucket, String instance) {
        buckets.updateOne(eq("_id", bucket), Updates.addToSet("timers", instance), new UpdateOptions().upsert(true));
    }

    private static Document document(Timer timer, String instance, long minute) {
        return new Document("_id", instance).append("tenant", timer.tenant()).append("timerId", timer.id())
                .append("generation", timer.generation()).append("dueAt", Date.from(timer.dueAt()))
                .append("minute", minute).append("payload", new Document(timer.payload()));
    }

    static Timer timer(Document document) {
        Map<String, String> payload = new LinkedHashMap<>();
        document.get("payload", Document.class).forEach((k, v) -> payload.put(k, String.valueOf(v)));
        return new Timer(document.getString("tenant"), document.getString("timerId"),
                document.getDate("dueAt").toInstant(), payload, document.get("generation", Number.class).longValue());
    }

    static String key(String tenant, String id) {
        return tenant + "/" + id;
    }

    static String instance(String key, long generation) {
        return key + "#" + generation;
    }

    static long minuteOf(Instant instant) {
        return Math.floorDiv(instant.getEpochSecond(), 60);
    }

    static String bucketId(long minute) {
        return Long.toString(minute);
    }
}
