package com.aftersales.gateway.projection;

import com.aftersales.gateway.problem.RefusalException;
import com.aftersales.refusal.Refusal;
import com.aftersales.ticket.view.RebuildableReadModels;
import java.util.Collection;
import java.util.UUID;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * Rebuilds a projection from the event store: its tracking processor is shut down on this node, its
 * tokens reset to the start of the stream and the processor started again, replaying every event.
 * The projection empties its read model in its {@code @ResetHandler}, inside the reset, which Axon
 * runs only once this node holds every segment's claim: a claim held by another node refuses the
 * rebuild with nothing emptied ({@code 409 PROJECTION_CLAIMED_ELSEWHERE}). A lock document per group
 * in MongoDB keeps two nodes from rebuilding the same group at once ({@code 409 PROJECTION_REBUILD_RUNNING}).
 */
@Component
public class ProjectionRebuilds {

    private final EventProcessingConfiguration processing;
    private final RebuildableReadModels readModels;
    private final EventStore events;
    private final String node = UUID.randomUUID().toString();

    public ProjectionRebuilds(EventProcessingConfiguration processing, RebuildableReadModels readModels,
                              EventStore events) {
        this.processing = processing;
        this.readModels = readModels;
        this.events = events;
    }

    public RebuildStatus rebuild(String group) {
        StreamingEventProcessor processor = processor(group);
        if (!readModels.lock(group, node)) {
            throw new RefusalException("PROJECTION_REBUILD_RUNNING");
        }
        try {
            processor.shutDown();
            processor.resetTokens();
        } catch (UnableToClaimTokenException e) {
            throw new RefusalException("PROJECTION_CLAIMED_ELSEWHERE");
        } finally {
            processor.start();
            readModels.unlock(group, node);
        }
        return status(group);
    }

    /** Where the processor is: replaying (after a rebuild) until it reaches the head of the stream. */
    public RebuildStatus status(String group) {
        StreamingEventProcessor processor = processor(group);
        Collection<EventTrackerStatus> segments = processor.processingStatus().values();
        TrackingToken head = events.createHeadToken();
        long headPosition = head == null ? -1 : head.position().orElse(-1);
        long position = segments.stream().mapToLong(s -> s.getCurrentPosition().orElse(-1)).min().orElse(-1);
        boolean replaying = segments.stream().anyMatch(EventTrackerStatus::isReplaying);
        // a replay token stays "replaying" until an event past the reset position arrives: the position decides
        boolean caughtUp = !segments.isEmpty() && segments.stream()
                .allMatch(s -> s.getTrackingToken() != null && (head == null || s.getTrackingToken().covers(head)));
        return new RebuildStatus(group, processor.isRunning(), replaying, caughtUp, segments.size(), position,
                headPosition);
    }

    private StreamingEventProcessor processor(String group) {
        if (!readModels.groups().contains(group)) {
            throw new RefusalException(Refusal.of("PROJECTION_NOT_REBUILDABLE", "groups",
                    String.join(", ", readModels.groups().stream().sorted().toList())));
        }
        return processing.eventProcessor(group, StreamingEventProcessor.class)
                .orElseThrow(() -> new RefusalException("PROJECTION_NOT_REBUILDABLE"));
    }
}
