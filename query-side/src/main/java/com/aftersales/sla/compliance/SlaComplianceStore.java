package com.aftersales.sla.compliance;

import com.aftersales.sla.compliance.SlaComplianceQueries.ComplianceRow;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 * applied only if the bucket does not list it as in flight: the increment and the marker are one
 * atomic update. The clock is written next, then the markers are pulled again. A fact delivered again
 * after a failure anywhere before the clock's write (hours later, from the dead-letter queue) finds
 * its own markers still in flight and does not count twice; after the clock's write the clock's
 * sequence guards it. So the guard is exact after any delay, and a bucket lists only moves in flight.
 */
class SlaComplianceStore {

    private static final Logger LOG = LoggerFactory.getLogger(SlaComplianceStore.class);

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

    /**
     * Moves the clock's count from {@code before} (null: not counted yet) to {@code after}, stores the
     * clock, then settles the move (its markers are no longer in flight).
     */
    void move(String tenantId, String ticketId, String clockId, CountedClock before, CountedClock after) {
        String key = clockKey(tenantId, ticketId, clockId);
        boolean moved = before == null || !before.bucket(tenantId).equals(after.bucket(tenantId))
                || before.outcome() != after.outcome();
        Set<String> touched = new LinkedHashSet<>();
        if (moved) {
            if (before != null) {
                increment(tenantId, before, -1, key + "@" + after.sequence() + "-");
                touched.add(before.bucket(tenantId));
            }
            increment(tenantId, after, 1, key + "@" + after.sequence() + "+");
            touched.add(after.bucket(tenantId));
        }
        Document clock = new Document("_id", key).append("tenant", tenantId).append("ticketId", ticketId)
                .append("clockId", clockId).append("month", after.month()).append("priority", after.priority())
                .append("metric", after.metric()).append("outcome", after.outcome().name())
                .append("sequence", after.sequence());
        if (before != null && moved) {
            clock.append("movedFrom", before.bucket(tenantId));
        }
        store(clock);
        settle(key, after.sequence(), touched);
    }

    /**
     * The same fact delivered again after its clock was stored: settles its move once more, in case
     * the failure came between the clock's write and the settling.
     */
    void settleAgain(String tenantId, String ticketId, String clockId) {
        String key = clockKey(tenantId, ticketId, clockId);
        Document stored = clocks.find(Filters.eq("_id", key)).first();
        if (stored == null) {
            return;
        }
        Set<String> touched = new LinkedHashSet<>();
        touched.add(tenantId + "|" + stored.getString("month") + "|" + stored.getString("priority") + "|"
                + stored.getString("metric"));
        if (stored.getString("movedFrom") != null) {
            touched.add(stored.getString("movedFrom"));
        }
        settle(key, stored.getLong("sequence"), touched);
    }

    /** The clock's own document, written after its counts moved and before the move is settled. */
    void store(Document clock) {
        clocks.replaceOne(Filters.eq("_id", clock.get("_id")), clock, new ReplaceOptions().upsert(true));
    }

    /** Pulls the move's markers from the buckets it touched: it is no longer in flight. */
    void settle(String key, long sequence, Collection<String> touched) {
        for (String bucket : touched) {
            buckets.updateOne(Filters.eq("_id", bucket),
                    Updates.pullAll("changes", List.of(key + "@" + sequence + "-", key + "@" + sequence + "+")));
        }
    }

    /**
     * One atomic update: the count and the marker, unless the marker is in flight already. A bucket
     * not there yet is created by the same update (an upsert), and only then is it listed under its
     * month. An upsert that collides on {@code _id} (11000) met a bucket listing the marker (applied
     * before), or lost the race to create the bucket to another clock: then it is tried again.
     */
    void increment(String tenantId, CountedClock clock, int delta, String change) {
        String bucket = clock.bucket(tenantId);
        Bson filter = Filters.and(Filters.eq("_id", bucket), Filters.ne("changes", change));
        Bson update = Updates.combine(Updates.inc(clock.outcome().field, delta), Updates.push("changes", change),
                Updates.setOnInsert("tenant", tenantId), Updates.setOnInsert("month", clock.month()),
                Updates.setOnInsert("priority", clock.priority()), Updates.setOnInsert("metric", clock.metric()));
        for (int attempt = 1; ; attempt++) {
            try {
                if (buckets.updateOne(filter, update, new UpdateOptions().upsert(true)).getUpsertedId() != null) {
                    listInMonth(tenantId, clock.month(), bucket);
                }
                return;
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY || attempt == 3) {
                    throw e;
                }
                if (buckets.find(Filters.and(Filters.eq("_id", bucket), Filters.eq("changes", change))).first() != null) {
                    listInMonth(tenantId, clock.month(), bucket); // a failure may have come between the two writes
                    return;
                }
            }
        }
    }

    private void listInMonth(String tenantId, String month, String bucket) {
        months.updateOne(Filters.eq("_id", tenantId + "|" + month),
                Updates.combine(Updates.setOnInsert("tenant", tenantId), Updates.addToSet("buckets", bucket)),
                new UpdateOptions().upsert(true));
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
            if (row.met() < 0 || row.breached() < 0 || row.running() < 0) {
                LOG.error("SLA compliance counts below zero in {} (met {}, breached {}, running {}): rebuild the "
                        + "sla-compliance processor", bucket.get("_id"), row.met(), row.breached(), row.running());
                rows.add(row);
            } else if (row.total() > 0) {
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
