package com.aftersales.infra.audit;

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
        Checkpoint latest = checkpoints.latest(tenant).orElse(null);
        Map<Long, Optional<Checkpoint>> found = new HashMap<>();
        return StreamVerifier.verify(streamId, events, resumesAt, knownLast, latest, index -> {
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
    }

    public CheckpointStore checkpoints() {
        return checkpoints;
    }

    public SigningKeys keys() {
        return keys;
    }
}
