package com.aftersales.infra.audit;

import com.aftersales.infra.privacy.NotPersonalData;
import java.util.List;

/**
 * What verifying one stream found. {@code intact}: every event recomputes to its hash, links to the
 * one before, and, where a checkpoint covers its global index, is that checkpoint's leaf there, and
 * every checkpoint used is signed by a published key over its leaves. Otherwise {@code failure}
 * names the first event that fails and how.
 *
 * @param events           events read
 * @param checkpointed     events covered by a checkpoint
 * @param notYetCheckpointed events newer than the tenant's latest checkpoint (chain-verified only)
 */
public record VerificationReport(String streamId, boolean intact, int events, int checkpointed,
                                 int notYetCheckpointed, Failure failure, List<CheckpointUsed> checkpoints,
                                 Long latestCheckpoint) implements NotPersonalData {

    public enum Kind {
        /** The stored event differs from what was hashed or checkpointed at its place. */
        CHANGED,
        /** An event of the stream is gone; later ones are still there. */
        MISSING,
        /** The event is stored, but at another place of the stream than it was written at. */
        REORDERED,
        /** The event was not written by the service at this place: no checkpoint has it. */
        INSERTED,
        /** A checkpoint's signature, signed fields or leaves do not hold. */
        CHECKPOINT_INVALID
    }

    /**
     * The first failure: the sequence number (and global position, if the event is there) and how;
     * sequence -1 for a checkpoint that fails after every event passed (the chain to the latest).
     */
    public record Failure(long sequence, Long globalPosition, Kind kind, String detail) {
    }

    public record CheckpointUsed(long sequence, String kid, boolean signatureValid, boolean rootValid) {
    }
}
