package com.aftersales.infra.timer;

import static com.aftersales.infra.timer.DurableTimers.CURSOR;
import static com.aftersales.infra.timer.DurableTimers.NOW_BUCKET;
import static com.aftersales.infra.timer.DurableTimers.bucketId;
import static com.aftersales.infra.timer.DurableTimers.minuteOf;
import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fires due timers. Each node runs one ticker on the shared store; a timer is fired by the node
 * that inserts its claim, then deleted by that node once the handler returned. On start the first
 * tick walks from the last finished minute, so deadlines missed while no node ran fire then.
 */
public final class TimerTicker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TimerTicker.class);
    /** Minutes read with one query. */
    static final int BATCH = 1_000;

    private final DurableTimers timers;
    private final TimerHandler handler;
    private final String owner;
    private final TimerSettings settings;
    private final Clock clock;
    private ScheduledExecutorService executor;

    public TimerTicker(DurableTimers timers, TimerHandler handler, String owner, TimerSettings settings, Clock clock) {
        this.timers = timers;
        this.handler = handler;
        this.owner = owner;
        this.settings = settings;
        this.clock = clock;
    }

    /** Ticks now (missed deadlines) and then every tick interval, on a thread of its own. */
    public synchronized void start() {
        if (executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "timer-ticker-" + owner);
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::tickQuietly, 0, settings.tickInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void close() {
        if (executor != null) {
            executor.shutdown();
            awaitTick();
            executor.shutdownNow();
            executor = null;
        }
    }

    /**
     * Lets a tick under way finish, so that a node stopping in order releases its claims; a tick
     * interrupted mid-fire would leave a claim that holds the timer until its lease runs out.
     */
    private void awaitTick() {
        try {
            executor.awaitTermination(settings.lease().toMillis() / 2, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One tick: fires what is due at the clock's now; returns how many timers this node fired. */
    public int tick() {
        Instant now = clock.instant();
        Document state = cursorState();
        long done = state.get("done", Number.class).longValue();
        int fired = fireNowBucket(now, state.get("scanned", Number.class).longValue());
        long last = Math.min(minuteOf(now), done + settings.maxMinutesPerTick());
        boolean contiguous = true;
        for (long from = done + 1; from <= last; from += BATCH) {
            Walk walk = walk(from, Math.min(last, from + BATCH - 1), now, contiguous);
            fired += walk.fired;
            contiguous = walk.contiguous;
        }
        return fired;
    }

    /**
     * Walks the minutes {@code from..to} with one {@code _id $in} read of their buckets (empty
     * minutes have none). {@code scanned} moves first, so a timer scheduled into these minutes from
     * now on also goes to the "now" bucket; {@code done} moves over the settled minutes at the start.
     */
    private Walk walk(long from, long to, Instant now, boolean contiguous) {
        timers.cursor.updateOne(eq("_id", CURSOR), Updates.max("scanned", to));
        List<String> ids = LongStream.rangeClosed(from, to).mapToObj(DurableTimers::bucketId).toList();
        Map<String, Document> found = new HashMap<>();
        timers.buckets.find(in("_id", ids)).forEach(bucket -> found.put(bucket.getString("_id"), bucket));
        int fired = 0;
        long settledUpTo = from - 1;
        List<String> emptied = new ArrayList<>();
        for (long minute = from; minute <= to; minute++) {
            Document bucket = found.get(bucketId(minute));
            boolean settled = true;
            if (bucket != null) {
                long walked = minute;
                Outcome outcome = fire(bucket.getList("timers", String.class), m -> m == walked, now);
                fired += outcome.fired;
                settled = outcome.settled;
            }
            contiguous = contiguous && settled;
            if (contiguous) {
                settledUpTo = minute;
                if (bucket != null) {
                    emptied.add(bucket.getString("_id"));
                }
            }
        }
        if (!emptied.isEmpty()) {
            timers.buckets.deleteMany(in("_id", emptied));
        }
        if (settledUpTo >= from) {
            timers.cursor.updateOne(eq("_id", CURSOR), Updates.max("done", settledUpTo));
        }
        return new Walk(fired, contiguous);
    }

    /**
     * The "now" bucket lists timers scheduled into minutes the tickers may have walked already; one
     * since moved to a minute not yet walked is left to that minute's bucket.
     */
    private int fireNowBucket(Instant now, long scanned) {
        Document bucket = timers.buckets.find(eq("_id", NOW_BUCKET)).first();
        if (bucket == null) {
            return 0;
        }
        Outcome outcome = fire(bucket.getList("timers", String.class), m -> m <= scanned, now);
        if (!outcome.finished.isEmpty()) {
            timers.buckets.updateOne(eq("_id", NOW_BUCKET), Updates.pullAll("timers", outcome.finished));
        }
        return outcome.fired;
    }

    /**
     * Fires the listed timers that are due and belong to this bucket (their minute passes
     * {@code belongs}); settled when none of them is left to fire here.
     */
    private Outcome fire(List<String> keys, java.util.function.LongPredicate belongs, Instant now) {
        int fired = 0;
        boolean settled = true;
        List<String> finished = new ArrayList<>();
        List<String> listed = new ArrayList<>(keys);
        List<Document> documents = timers.listed(listed);
        java.util.Set<String> present = new java.util.HashSet<>();
        for (Document document : documents) {
            String key = document.getString("_id");
            present.add(key);
            if (!belongs.test(document.get("minute", Number.class).longValue())) {
                finished.add(key); // moved to another minute: that bucket fires it
                continue;
            }
            if (document.getDate("dueAt").toInstant().isAfter(now)) {
                settled = false;
                continue;
            }
            switch (claim(document, now)) {
                case FIRED -> {
                    fired++;
                    finished.add(key);
                }
                case NOT_DUE_OR_TAKEN -> finished.add(key);
                case HELD, FAILED -> settled = false; // keeps the bucket open until it fires

            }
        }
        listed.stream().filter(key -> !present.contains(key)).forEach(finished::add); // fired or cancelled
        return new Outcome(fired, settled, finished);
    }

    /**
     * Exactly once among live nodes: the claim is an insert of a unique {@code _id}; the winner then
     * checks the timer is still there (a node that fired it deletes it before its claim), fires it,
     * deletes it and then its claim. A claim whose lease lapsed (its node died) is taken over.
     */
    private Claim claim(Document document, Instant now) {
        String instance = document.getString("_id");
        if (!insertClaim(instance, now) && !takeOverLapsed(instance, now)) {
            return Claim.HELD;
        }
        try {
            if (timers.timers.find(eq("_id", instance)).first() == null) {
                return Claim.NOT_DUE_OR_TAKEN; // fired by another node, moved or cancelled meanwhile
            }
            handler.fire(DurableTimers.timer(document));
            timers.timers.deleteOne(eq("_id", instance));
            return Claim.FIRED;
        } catch (Exception e) {
            log.warn("Timer {} failed; it fires again on a later tick", instance, e);
            return Claim.FAILED;
        } finally {
            timers.claims.deleteOne(eq("_id", instance));
        }
    }

    private boolean insertClaim(String instance, Instant now) {
        try {
            timers.claims.insertOne(new Document("_id", instance).append("owner", owner)
                    .append("leaseUntil", Date.from(now.plus(settings.lease()))));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    /** The claims collection holds only timers being fired, so this conditional delete scans a handful. */
    private boolean takeOverLapsed(String instance, Instant now) {
        Document claim = timers.claims.find(eq("_id", instance)).first();
        if (claim == null || !claim.getDate("leaseUntil").toInstant().isBefore(now)) {
            return false;
        }
        long taken = timers.claims.deleteOne(and(eq("_id", instance), eq("owner", claim.getString("owner")),
                eq("leaseUntil", claim.getDate("leaseUntil")))).getDeletedCount();
        return taken == 1 && insertClaim(instance, now);
    }

    private Document cursorState() {
        return timers.cursor.find(eq("_id", CURSOR)).first();
    }

    private void tickQuietly() {
        try {
            tick();
        } catch (RuntimeException e) {
            log.warn("Timer tick failed; the next tick retries", e);
        }
    }

    private record Walk(int fired, boolean contiguous) {
    }

    private enum Claim {
        FIRED, NOT_DUE_OR_TAKEN, HELD, FAILED
    }

    private record Outcome(int fired, boolean settled, List<String> finished) {
    }
}
