package com.aftersales.infra.audit;

import com.aftersales.infra.eventstore.EventHashes;
import com.aftersales.infra.eventstore.GlobalLog;
import com.aftersales.infra.eventstore.StoredEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the event log in global order and writes each tenant's next checkpoint when it is due
 * (every N of the tenant's events, or once the last is T old and events wait). Any number of nodes
 * may run it: a checkpoint is stored under its tenant and sequence number, the node that loses the
 * race takes the stored one and continues from its end, so checkpoints never fork.
 * <p>
 * Events stored before hashing have no hash and are left out (docs/audit.md). A global index that
 * is passed as abandoned (its writer died, gap timeout) and filled later lies inside a checkpointed
 * range without a leaf: verification reports it as inserted.
 */
public final class CheckpointWriter {

    private static final Logger log = LoggerFactory.getLogger(CheckpointWriter.class);
    private static final int WINDOW = 500;
    /** Global indexes read before due checkpoints are written: bounds a checkpoint's leaves (and its document). */
    private static final int MAX_INDEXES_PER_ROUND = 5_000;
    private static final int MAX_ROUNDS = 200;

    /** When a tenant's checkpoint is due. */
    public record Policy(int everyEvents, Duration every) {
    }

    private final GlobalLog log_;
    private final CheckpointStore store;
    private final SigningKeys keys;
    private final Supplier<? extends Iterable<String>> tenants;
    private final Function<String, Policy> policies;
    private final Clock clock;
    private final Map<String, Pending> pending = new HashMap<>();
    /** Tenants whose checkpoint chain was cut in the database: not checkpointed until an operator looks. */
    private final Map<String, String> stalled = new ConcurrentHashMap<>();

    /** What a tenant has waiting after its last checkpoint. */
    private static final class Pending {
        Checkpoint last;
        long scannedTo;
        final List<Checkpoint.Leaf> leaves = new ArrayList<>();

        /** The scanned-through position last stored for the tenant (CheckpointStore.rememberScan). */
        long remembered = -1;

        Pending(Checkpoint last, long scannedWithNothingWaiting) {
            reset(last);
            scannedTo = Math.max(scannedTo, scannedWithNothingWaiting);
            remembered = scannedWithNothingWaiting;
        }

        void reset(Checkpoint checkpoint) {
            last = checkpoint;
            scannedTo = checkpoint == null ? -1 : checkpoint.toIndex();
            leaves.clear();
        }
    }

    public CheckpointWriter(GlobalLog globalLog, CheckpointStore store, SigningKeys keys,
                            Supplier<? extends Iterable<String>> tenants, Function<String, Policy> policies, Clock clock) {
        this.log_ = globalLog;
        this.store = store;
        this.keys = keys;
        this.tenants = tenants;
        this.policies = policies;
        this.clock = clock;
    }

    /** Reads what is new and writes the checkpoints that are due, a bounded round at a time. */
    public synchronized void writeDue() {
        for (int round = 0; round < MAX_ROUNDS; round++) {
            boolean more = scan();
            writeDueCheckpoints();
            if (!more) {
                break;
            }
        }
        rememberScans();
    }

    /**
     * Stores how far each tenant with nothing waiting has been scanned, so that after a restart a
     * tenant without (recent) events does not pin the scan at its last checkpoint or at -1. Only a
     * tenant with no leaves waiting: leaves held in memory are not lost by skipping past them.
     */
    private void rememberScans() {
        for (Map.Entry<String, Pending> entry : pending.entrySet()) {
            Pending waiting = entry.getValue();
            long checkpointed = waiting.last == null ? -1 : waiting.last.toIndex();
            if (waiting.leaves.isEmpty() && waiting.scannedTo > Math.max(checkpointed, waiting.remembered)) {
                store.rememberScan(entry.getKey(), waiting.scannedTo);
                waiting.remembered = waiting.scannedTo;
            }
        }
    }

    private void writeDueCheckpoints() {
        for (String tenant : tenants.get()) {
            Pending waiting = pending(tenant);
            if (waiting == null) {
                continue;
            }
            Policy policy = policies.apply(tenant);
            boolean enough = waiting.leaves.size() >= policy.everyEvents();
            Instant since = waiting.last == null ? Instant.MIN : waiting.last.createdAt();
            boolean old = !waiting.leaves.isEmpty() && (waiting.last == null
                    || !clock.instant().isBefore(since.plus(policy.every())));
            if (enough || old) {
                write(tenant, waiting);
            }
        }
    }

    /** Checkpoints every settled event of the tenant now (tests, and an auditor's export on demand). */
    public synchronized Optional<Checkpoint> checkpointNow(String tenant) {
        writeDue();
        Pending waiting = pending(tenant);
        if (waiting != null && !waiting.leaves.isEmpty()) {
            write(tenant, waiting);
        }
        return Optional.ofNullable(pending(tenant)).map(p -> p.last);
    }

    /** Tenants this writer stopped checkpointing, and why (health DOWN while any). */
    public Map<String, String> stalled() {
        return Map.copyOf(stalled);
    }

    /** What the tenant has waiting; null once its chain was found cut (never a new chain from 0 then). */
    private Pending pending(String tenant) {
        if (stalled.containsKey(tenant)) {
            return null;
        }
        Pending known = pending.get(tenant);
        if (known != null) {
            return known;
        }
        try {
            Pending fresh = new Pending(store.latest(tenant).orElse(null), store.scannedThrough(tenant));
            pending.put(tenant, fresh);
            return fresh;
        } catch (CheckpointStore.MissingCheckpointException e) {
            stall(tenant, e);
            return null;
        }
    }

    private void stall(String tenant, RuntimeException cause) {
        pending.remove(tenant);
        stalled.put(tenant, cause.getMessage());
        log.error("Checkpoints of tenant {} stopped: {}. A checkpoint was removed from the database outside the "
                + "service; compare with the published checkpoint digests (docs/audit.md) before restoring it.",
                tenant, cause.getMessage());
    }

    /** Reads up to a round of new indexes; whether more may follow. */
    private boolean scan() {
        List<Pending> all = new ArrayList<>();
        for (String tenant : tenants.get()) {
            Pending waiting = pending(tenant);
            if (waiting != null) {
                all.add(waiting);
            }
        }
        if (all.isEmpty()) {
            return false;
        }
        long position = all.stream().mapToLong(p -> p.scannedTo).min().orElse(-1);
        long stop = position + MAX_INDEXES_PER_ROUND;
        while (position < stop) {
            GlobalLog.Slice slice = log_.read(position, WINDOW);
            for (StoredEvent event : slice.events()) {
                Pending waiting = pending.get(event.tenant());
                if (waiting == null || !event.hashed() || event.globalIndex() <= waiting.scannedTo) {
                    continue;
                }
                if (!EventHashes.isSha256Hex(event.hash())) {
                    // skipped and flagged, never a stall: verification reports the event CHANGED
                    log.error("Event {}/{} at global index {} of tenant {} has a malformed hash: left out of its "
                            + "checkpoint", event.aggregateIdentifier(), event.sequence(), event.globalIndex(), event.tenant());
                    continue;
                }
                waiting.leaves.add(new Checkpoint.Leaf(event.globalIndex(), event.hash()));
            }
            if (slice.through() <= position) {
                return false;
            }
            position = slice.through();
            for (Pending waiting : all) {
                waiting.scannedTo = Math.max(waiting.scannedTo, position);
            }
        }
        return true;
    }

    private void write(String tenant, Pending waiting) {
        Checkpoint last = waiting.last;
        long sequence = last == null ? 0 : last.sequence() + 1;
        long from = last == null ? 0 : last.toIndex() + 1;
        Checkpoint checkpoint = CheckpointSeal.sign(keys, tenant, sequence, last == null ? null : last.digest(), from,
                waiting.scannedTo, waiting.leaves, clock.instant());
        try {
            if (store.insert(checkpoint)) {
                waiting.reset(checkpoint);
                // published outside the database: a later rewrite of the chain no longer matches these lines
                log.info("Checkpoint {} of tenant {}: {} events, indexes {}-{}, root {}, digest {}", sequence, tenant,
                        checkpoint.leaves().size(), checkpoint.fromIndex(), checkpoint.toIndex(), checkpoint.root(),
                        checkpoint.digest());
            } else {
                // another node stored this sequence first: continue from its checkpoint
                Optional<Checkpoint> stored = store.latest(tenant);
                if (stored.isEmpty() || stored.get().sequence() < sequence) {
                    throw new CheckpointStore.MissingCheckpointException(tenant, sequence);
                }
                waiting.reset(stored.get());
            }
        } catch (CheckpointStore.MissingCheckpointException e) {
            stall(tenant, e);
        }
    }
}
