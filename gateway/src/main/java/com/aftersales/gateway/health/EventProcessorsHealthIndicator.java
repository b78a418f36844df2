package com.aftersales.gateway.health;

import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/** DOWN when a streaming event processor has stopped or is in error: views would go stale. */
@Component("eventProcessors")
public class EventProcessorsHealthIndicator extends AbstractHealthIndicator {

    private final EventProcessingConfiguration processing;

    public EventProcessorsHealthIndicator(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Map<String, Object> details = new LinkedHashMap<>();
        boolean up = true;
        for (var entry : processing.eventProcessors().entrySet()) {
            if (entry.getValue() instanceof StreamingEventProcessor processor) {
                boolean healthy = processor.isRunning() && !processor.isError();
                up &= healthy;
                details.put(entry.getKey(), Map.of("running", processor.isRunning(), "error", processor.isError(),
                        "activeSegments", processor.processingStatus().size()));
            }
        }
        (up ? builder.up() : builder.down()).withDetails(details);
    }
}
