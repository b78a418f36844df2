package com.aftersales.infra.audit;

import com.aftersales.infra.eventstore.EventHashes;
import com.aftersales.infra.eventstore.EventHistory;
import com.aftersales.infra.eventstore.StoredEvent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Verifies a stream of a tenant against the stored checkpoints and the published keys. */
public final class StreamAudit {

    /** How far past a stream's last event a commit is looked for (a deleted commit leaves a hole). */
    static final int LOOK_AHEAD = 64;

    private final EventHistory history;
    private final CheckpointStore checkpoints;
    private final SigningKeys keys;

    public StreamAudit(EventHistory history, CheckpointStore checkpoints, SigningKeys keys) {
        this.history = history;
        this.checkpoints = checkpoints;
        this.keys = keys;
    }

    public VerificationReport verify(String tenant, String streamId) {
        return verify(tenant, streamId, -1);
    }

    /** {@code knownLast}: the last sequence number another record of the stream (the ticket's view) has seen, or -1. */
    public VerificationReport verify(String tenant, String streamId, long knownLast) {
        List<StoredEvent> events = history.read(streamId, 0, Integer.MAX_VALUE);
        long resumesAt = events.isEmpty() ? -1
                : history.resumesAfter(streamId, events.get(events.size() - 1).sequence(), LOOK_AHEAD);
        Checkpoint latest;
        try {
            latest = checkpoints.latest(tenant).orElse(null);
        } catch (CheckpointStore.MissingCheckpointException e) {
            return new VerificationReport(streamId, false, events.size(), 0, 0, new VerificationReport.Failure(-1,
                    null, VerificationReport.Kind.CHECKPOINT_INVALID, "checkpoint " + e.sequence() + " is missing"),
                    List.of(), null);
        }
        Map<Long, Optional<Checkpoint>> found = new HashMap<>();
        VerificationReport report = StreamVerifier.verify(streamId, events, resumesAt, knownLast, latest, index -> {
            for (Optional<Checkpoint> known : found.values()) {
                if (known.isPresent() && known.get().covers(index)) {
                    return known;
                }
            }
            Optional<Checkpoint> covering = checkpoints.covering(tenant, index, latest);
            found.put(index, covering);
            return covering;
        }, sequence -> {
            for (Optional<Checkpoint> known : found.values()) {
                if (known.isPresent() && known.get().sequence() == sequence) {
                    return known;
                }
            }
            return checkpoints.find(tenant, sequence);
        }, keys.published());
        return report.intact() ? anchoredInLatest(tenant, report, latest) : report;
    }

    /**
     * The checkpoints used must be in the chain the latest one ends: each names the one before by
     * its digest, so following the digests from the newest one used to the latest (whose signature
     * and root are checked) proves it. Reads only the JWS of the checkpoints in between.
     */
    private VerificationReport anchoredInLatest(String tenant, VerificationReport report, Checkpoint latest) {
        if (latest == null || report.checkpoints().isEmpty()) {
            return report;
        }
        String problem = null;
        CheckpointSeal.Check check = CheckpointSeal.check(latest, keys.published());
        if (!check.valid()) {
            problem = "the latest checkpoint " + latest.sequence() + ": " + check.problem();
        }
        long newestUsed = report.checkpoints().stream().mapToLong(VerificationReport.CheckpointUsed::sequence).max().orElseThrow();
        String previousJws = null;
        for (long sequence = newestUsed; problem == null && sequence <= latest.sequence(); sequence++) {
            Optional<String> jws = sequence == latest.sequence() ? Optional.of(latest.jws()) : checkpoints.jws(tenant, sequence);
            if (jws.isEmpty()) {
                problem = "checkpoint " + sequence + " is missing";
            } else if (previousJws != null && !EventHashes.digest(previousJws).equals(CheckpointSeal.previousOf(jws.get()))) {
                problem = "checkpoint " + sequence + " does not name checkpoint " + (sequence - 1);
            }
            previousJws = jws.orElse(null);
        }
        if (problem == null) {
            return report;
        }
        return new VerificationReport(report.streamId(), false, report.events(),
                report.checkpointed(), report.notYetCheckpointed(),
                new VerificationReport.Failure(-1, null, VerificationReport.Kind.CHECKPOINT_INVALID, problem),
                report.checkpoints(), report.latestCheckpoint());
    }

    public CheckpointStore checkpoints() {
        return checkpoints;
    }

    public SigningKeys keys() {
        return keys;
    }
}
