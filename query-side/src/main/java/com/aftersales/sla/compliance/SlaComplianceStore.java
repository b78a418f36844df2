package com.aftersales.sla.compliance;

import com.aftersales.sla.compliance.SlaComplianceQueries.ComplianceRow;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.PushOptions;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.bson.Document;

/**
 * The compliance counts in MongoDB, read and written by key only (EMBEDDED-MONGO.md):
 * <ul>
 * <li>{@code sla_compliance_clocks}: one document per clock, {@code tenant/ticket/clock}: where it
 * is counted ({@link CountedClock});</li>
 * <li>{@code sla_compliance}: one document per bucket, {@code tenant|month|priority|metric}, with
 * the counts {@code met}, {@code breached}, {@code running};</li>
 * <li>{@code sla_compliance_months}: per {@code tenant|month}, the buckets it has, so that a month
 * is read with two {@code _id $in} lookups.</li>
 * </ul>
 * A count changes only by an increment that names its change ({@code clock@sequence+/-}) and is
 * applied only if the bucket's recent changes do not list it: a fact delivered again after a crash
 * between the increment and the clock's write does not count twice. The clock is written last.
 */
class SlaComplianceStore {

    /**
     * Recent changes kept per bucket: more than a processor batch (1 event by default, at most 100
     * where configured) can apply before its token is stored, so a redelivered batch finds its own.
     */
    static final int RECENT_CHANGES = 200;

    private final MongoCollection<Document> clocks;
    private final MongoCollection<Document> buckets;
    private final MongoCollection<Document> months;

    SlaComplianceStore(MongoDatabase database) {
        this.clocks = database.getCollection("sla_compliance_clocks");
        this.buckets = database.getCollection("sla_compliance");
        this.months = database.getCollection("sla_compliance_months");
    }

    Optional<CountedClock> find(String tenantId, String ticketId, String clockId) {
        Document stored = clocks.find(Filters.eq("_id", clockKey(tenantId, ticketId, clockId))).first();
        if (stored == null) {
            return Optional.empty();
        }
        return Optional.of(new CountedClock(stored.getString("month"), stored.getString("priority"),
                stored.getString("metric"), ClockOutcome.valueOf(stored.getString("outcome")),
                stored.getLong("sequence")));
    }

    /** Moves the clock's count from {@code before} (null: not counted yet) to {@code after}, then stores it. */
    void move(String tenantId, String ticketId, String clockId, CountedClock before, CountedClock after) {
        String key = clockKey(tenantId, ticketId, clockId);
        boolean moved = before == null || !before.bucket(tenantId).equals(after.bucket(tenantId))
                || before.outcome() != after.outcome();
        if (moved) {
            if (before != null) {
                increment(tenantId, before, -1, key + "@" + after.sequence() + "-");
            }
            increment(tenantId, after, 1, key + "@" + after.sequence() + "+");
        }
        store(new Document("_id", key).append("tenant", tenantId).append("ticketId", ticketId)
                .append("clockId", clockId).append("month", after.month()).append("priority", after.priority())
                .append("metric", after.metric()).append("outcome", after.outcome().name())
                .append("sequence", after.sequence()));
    }

    /** The clock's own document, written after its counts moved. */
    void store(Document clock) {
        clocks.replaceOne(Filters.eq("_id", clock.get("_id")), clock, new ReplaceOptions().upsert(true));
    }

    private void increment(String tenantId, CountedClock clock, int delta, String change) {
        String bucket = clock.bucket(tenantId);
        months.updateOne(Filters.eq("_id", tenantId + "|" + clock.month()),
                Updates.combine(Updates.setOnInsert("tenant", tenantId), Updates.addToSet("buckets", bucket)),
                new UpdateOptions().upsert(true));
        buckets.updateOne(Filters.eq("_id", bucket), Updates.combine(Updates.setOnInsert("tenant", tenantId),
                Updates.setOnInsert("month", clock.month()), Updates.setOnInsert("priority", clock.priority()),
                Updates.setOnInsert("metric", clock.metric())), new UpdateOptions().upsert(true));
        buckets.updateOne(Filters.and(Filters.eq("_id", bucket), Filters.ne("changes", change)),
                Updates.combine(Updates.inc(clock.outcome().field, delta),
                        Updates.pushEach("changes", List.of(change), new PushOptions().slice(-RECENT_CHANGES))));
    }

    /** The tenant's rows for the months {@code from} .. {@code to}, two key lookups. */
    List<ComplianceRow> rows(String tenantId, YearMonth from, YearMonth to) {
        List<String> monthKeys = new ArrayList<>();
        for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
            monthKeys.add(tenantId + "|" + month);
        }
        List<String> bucketKeys = new ArrayList<>();
        months.find(Filters.in("_id", monthKeys)).forEach(month -> bucketKeys.addAll(month.getList("buckets", String.class)));
        if (bucketKeys.isEmpty()) {
            return List.of();
        }
        List<ComplianceRow> rows = new ArrayList<>();
        buckets.find(Filters.in("_id", bucketKeys)).forEach(bucket -> {
            if (!tenantId.equals(bucket.getString("tenant"))) {
                return;
            }
            ComplianceRow row = new ComplianceRow(bucket.getString("month"), bucket.getString("priority"),
                    bucket.getString("metric"), count(bucket, ClockOutcome.MET), count(bucket, ClockOutcome.BREACHED),
                    count(bucket, ClockOutcome.RUNNING));
            if (row.total() > 0) {
                rows.add(row);
            }
        });
        rows.sort(Comparator.comparing(ComplianceRow::month).thenComparing(ComplianceRow::priority)
                .thenComparing(ComplianceRow::metric));
        return rows;
    }

    private static long count(Document bucket, ClockOutcome outcome) {
        Number value = bucket.get(outcome.field, Number.class);
        return value == null ? 0 : value.longValue();
    }

    /** Forgets every count, before the projection is replayed from the start of the stream. */
    void clear() {
        clocks.deleteMany(new Document());
        buckets.deleteMany(new Document());
        months.deleteMany(new Document());
    }

    private static String clockKey(String tenantId, String ticketId, String clockId) {
        return tenantId + "/" + ticketId + "/" + clockId;
    }
}
