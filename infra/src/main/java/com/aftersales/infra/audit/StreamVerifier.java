package com.aftersales.infra.audit;

import com.aftersales.infra.audit.VerificationReport.Failure;
import com.aftersales.infra.audit.VerificationReport.Kind;
import com.aftersales.infra.eventstore.EventHashes;
import com.aftersales.infra.eventstore.StoredEvent;
import com.nimbusds.jose.jwk.JWKSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * Verifies one stream: recomputes each event's hash, follows the chain, and checks each event
 * against the leaf of the checkpoint covering its global index (and that checkpoint's signature
 * and root). Reports the first event that fails. Used by the service and, on an export, offline.
 */
public final class StreamVerifier {

    private StreamVerifier() {
    }

    /**
     * @param events        the stream as read, in stored order
     * @param resumesAt     the sequence number at which the stream continues after a hole past its
     *                      last read event, or -1
     * @param knownLast     the highest sequence number another record of the stream has seen (the
     *                      ticket's view), or -1: a stream that ends before it lost its last events
     * @param latest        the tenant's latest checkpoint, or null
     * @param covering      the checkpoint covering a global index (empty if none)
     * @param bySequence    the tenant's checkpoint with a sequence number (to check the link of each one used)
     */
    public static VerificationReport verify(String streamId, List<StoredEvent> events, long resumesAt, long knownLast,
                                            Checkpoint latest, LongFunction<Optional<Checkpoint>> covering,
                                            LongFunction<Optional<Checkpoint>> bySequence, JWKSet keys) {
        Map<Long, VerificationReport.CheckpointUsed> used = new LinkedHashMap<>();
        Map<Long, CheckpointSeal.Check> checks = new HashMap<>();
        int checkpointed = 0;
        int pending = 0;
        long expected = 0;
        String previousHash = null;
        Failure failure = null;
        long latestTo = latest == null ? -1 : latest.toIndex();
        for (int i = 0; i < events.size() && failure == null; i++) {
            StoredEvent event = events.get(i);
            if (event.sequence() != expected) {
                failure = outOfPlace(events, i, expected);
                break;
            }
            expected++;
            if (!event.hashed()) {
                // events stored before hashing were back-filled at start-up (LegacyHashBackfill)
                failure = failure(event, Kind.CHANGED, "its hash was removed");
                break;
            }
            if (!EventHashes.isSha256Hex(event.hash()) || !EventHashes.of(event).equals(event.hash())) {
                failure = failure(event, Kind.CHANGED, "its stored form no longer hashes to its hash");
                break;
            }
            if (!Objects.equals(event.previousHash(), previousHash)) {
                failure = i == 0 ? failure(event, Kind.CHANGED, "the stream's first event names a previous hash")
                        : failure(events.get(i - 1), Kind.CHANGED, "the event no longer has the hash its successor recorded");
                break;
            }
            previousHash = event.hash();
            if (event.globalIndex() > latestTo) {
                if (laterOneIsCheckpointed(events, i, latestTo)) {
                    failure = failure(event, Kind.INSERTED, "not in any checkpoint, yet later events of the stream are");
                    break;
                }
                pending++;
                continue;
            }
            Optional<Checkpoint> found = covering.apply(event.globalIndex());
            if (found.isEmpty()) {
                failure = failure(event, Kind.CHECKPOINT_INVALID, "the checkpoint covering its position is missing");
                break;
            }
            Checkpoint checkpoint = found.get();
            CheckpointSeal.Check check = checks.computeIfAbsent(checkpoint.sequence(), s -> linked(CheckpointSeal.check(checkpoint, keys),
                    checkpoint, bySequence));
            used.putIfAbsent(checkpoint.sequence(), new VerificationReport.CheckpointUsed(checkpoint.sequence(),
                    checkpoint.kid(), check.signatureValid(), check.rootValid()));
            if (!check.valid()) {
                failure = failure(event, Kind.CHECKPOINT_INVALID, "checkpoint " + checkpoint.sequence() + ": " + check.problem());
                break;
            }
            int leaf = checkpoint.leafAt(event.globalIndex());
            if (leaf < 0) {
                failure = failure(event, Kind.INSERTED, "checkpoint " + checkpoint.sequence()
                        + " has no event of the tenant at its position");
                break;
            }
            if (!checkpoint.leaves().get(leaf).hash().equals(event.hash())) {
                boolean elsewhere = events.stream().anyMatch(other -> other != event && other.globalIndex() != event.globalIndex()
                        && checkpointHas(covering, other.globalIndex(), event.hash()));
                failure = failure(event, elsewhere ? Kind.REORDERED : Kind.CHANGED, elsewhere
                        ? "checkpointed at another position of the stream" : "checkpoint " + checkpoint.sequence()
                        + " holds another hash at its position");
                break;
            }
            checkpointed++;
        }
        if (failure == null && resumesAt >= 0) {
            failure = new Failure(expected, null, Kind.MISSING, "the stream continues at sequence " + resumesAt);
        }
        if (failure == null && knownLast >= expected) {
            failure = new Failure(expected, null, Kind.MISSING, "the ticket's view has seen sequence " + knownLast);
        }
        return new VerificationReport(streamId, failure == null, events.size(), checkpointed, pending, failure,
                new ArrayList<>(used.values()), latest == null ? null : latest.sequence());
    }

    /** A valid checkpoint must also name its predecessor by that one's digest. */
    private static CheckpointSeal.Check linked(CheckpointSeal.Check check, Checkpoint checkpoint,
                                               LongFunction<Optional<Checkpoint>> bySequence) {
        if (!check.valid() || checkpoint.sequence() == 0) {
            return check;
        }
        Optional<Checkpoint> before = bySequence.apply(checkpoint.sequence() - 1);
        if (before.isEmpty() || !before.get().digest().equals(checkpoint.previous())
                || before.get().toIndex() + 1 != checkpoint.fromIndex()) {
            return new CheckpointSeal.Check(true, false, "does not follow checkpoint " + (checkpoint.sequence() - 1));
        }
        return check;
    }

    private static boolean checkpointHas(LongFunction<Optional<Checkpoint>> covering, long globalIndex, String hash) {
        return covering.apply(globalIndex).map(checkpoint -> {
            int leaf = checkpoint.leafAt(globalIndex);
            return leaf >= 0 && checkpoint.leaves().get(leaf).hash().equals(hash);
        }).orElse(false);
    }

    private static boolean laterOneIsCheckpointed(List<StoredEvent> events, int from, long latestTo) {
        for (int i = from + 1; i < events.size(); i++) {
            if (events.get(i).globalIndex() <= latestTo) {
                return true;
            }
        }
        return false;
    }

    /** The event at {@code position} is not the expected sequence number: moved, or one is gone. */
    private static Failure outOfPlace(List<StoredEvent> events, int position, long expected) {
        StoredEvent event = events.get(position);
        for (int i = position + 1; i < events.size(); i++) {
            if (events.get(i).sequence() == expected) {
                return new Failure(expected, events.get(i).globalIndex(), Kind.REORDERED,
                        "stored after sequence " + event.sequence());
            }
        }
        if (event.sequence() > expected) {
            return new Failure(expected, null, Kind.MISSING, "the stream goes on at sequence " + event.sequence());
        }
        return failure(event, Kind.INSERTED, "a second event with sequence " + event.sequence());
    }

    private static Failure failure(StoredEvent event, Kind kind, String detail) {
        return new Failure(event.sequence(), event.globalIndex(), kind, detail);
    }
}
