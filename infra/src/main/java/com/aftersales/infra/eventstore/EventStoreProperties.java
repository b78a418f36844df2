package com.aftersales.infra.eventstore;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code aftersales.event-store.*}: see {@link EventStoreSettings}. */
@ConfigurationProperties("aftersales.event-store")
public class EventStoreProperties {

    private Duration gapTimeout = EventStoreSettings.DEFAULTS.gapTimeout();
    private int maxGapOffset = EventStoreSettings.DEFAULTS.maxGapOffset();
    private int trackingBatch = EventStoreSettings.DEFAULTS.trackingBatch();
    private int aggregateWindow = EventStoreSettings.DEFAULTS.aggregateWindow();
    /** Tracking-token claims older than this are taken over by another node. */
    private Duration claimTimeout = Duration.ofSeconds(10);

    public EventStoreSettings toSettings() {
        return new EventStoreSettings(gapTimeout, maxGapOffset, trackingBatch, aggregateWindow);
    }

    public Duration getGapTimeout() {
        return gapTimeout;
    }

    public void setGapTimeout(Duration gapTimeout) {
        this.gapTimeout = gapTimeout;
    }

    public int getMaxGapOffset() {
        return maxGapOffset;
    }

    public void setMaxGapOffset(int maxGapOffset) {
        this.maxGapOffset = maxGapOffset;
    }

    public int getTrackingBatch() {
        return trackingBatch;
    }

    public void setTrackingBatch(int trackingBatch) {
        this.trackingBatch = trackingBatch;
    }

    public int getAggregateWindow() {
        return aggregateWindow;
    }

    public void setAggregateWindow(int aggregateWindow) {
        this.aggregateWindow = aggregateWindow;
    }

    public Duration getClaimTimeout() {
        return claimTimeout;
    }

    public void setClaimTimeout(Duration claimTimeout) {
        this.claimTimeout = claimTimeout;
    }
}
