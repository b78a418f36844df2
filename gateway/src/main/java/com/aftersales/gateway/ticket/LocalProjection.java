package com.aftersales.gateway.ticket;

import com.aftersales.ticket.view.TicketViewProjection;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.stereotype.Component;

/**
 * Whether this node's view projection applies a ticket's events: only then does this node hear that
 * the view changed. Another node may hold the processor's claim on the ticket's segment (nodes that
 * share a store split the segments between them), or the local processor may be failing.
 */
@Component
public class LocalProjection {

    private final EventProcessingConfiguration processing;

    public LocalProjection(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    public boolean appliesEventsOf(String ticketId) {
        return processing.eventProcessor(TicketViewProjection.PROCESSING_GROUP, StreamingEventProcessor.class)
                .filter(processor -> processor.isRunning() && !processor.isError())
                .map(processor -> processor.processingStatus().values().stream()
                        .anyMatch(status -> !status.isErrorState() && status.getSegment().matches(ticketId)))
                .orElse(false);
    }
}
