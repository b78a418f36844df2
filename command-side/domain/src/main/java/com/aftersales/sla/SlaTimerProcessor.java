package com.aftersales.sla;

import com.aftersales.infra.tenancy.CallerMetaData;
import com.aftersales.sla.SlaClockEvents.SlaClockBreached;
import com.aftersales.sla.SlaClockEvents.SlaClockFulfilled;
import com.aftersales.sla.SlaClockEvents.SlaClockPaused;
import com.aftersales.sla.SlaClockEvents.SlaClockResumed;
import com.aftersales.sla.SlaClockEvents.SlaClockRetargeted;
import com.aftersales.sla.SlaClockEvents.SlaClockStarted;
import com.aftersales.sla.SlaClockEvents.SlaClockWarned;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.MetaDataValue;

/**
 * Keeps each open clock's durable timer at its next deadline: after every clock fact, the clock is
 * recomputed from the ticket's stored facts (one stream read by the ticket's id) and
 * {@link SlaTimers#sync} schedules, moves or cancels its timer. A tracking processor, so a fact
 * stored while no node ran still sets its timer when one starts.
 */
@ProcessingGroup(SlaTimerProcessor.PROCESSING_GROUP)
public class SlaTimerProcessor {

    public static final String PROCESSING_GROUP = "sla-timers";

    private final SlaTimers timers;
    private final SlaSettings settings;
    private final EventStore events;
    private final SlaOutcomeMeters meters;

    public SlaTimerProcessor(SlaTimers timers, SlaSettings settings, EventStore events, SlaOutcomeMeters meters) {
        this.timers = timers;
        this.settings = settings;
        this.events = events;
        this.meters = meters;
    }

    @EventHandler
    void on(SlaClockStarted event, @MetaDataValue(CallerMetaData.TENANT) String tenant) {
        sync(tenant, event.ticketId(), event.clockId());
    }

    @EventHandler
    void on(SlaClockPaused event, @MetaDataValue(CallerMetaData.TENANT) String tenant) {
        sync(tenant, event.ticketId(), event.clockId());
    }

    @EventHandler
    void on(SlaClockResumed event, @MetaDataValue(CallerMetaData.TENANT) String tenant) {
        sync(tenant, event.ticketId(), event.clockId());
    }

    @EventHandler
    void on(SlaClockRetargeted event, @MetaDataValue(CallerMetaData.TENANT) String tenant) {
        sync(tenant, event.ticketId(), event.clockId());
    }

    @EventHandler
    void on(SlaClockWarned event, @MetaDataValue(CallerMetaData.TENANT) String tenant) {
        meters.record(tenant, sync(tenant, event.ticketId(), event.clockId()), event);
    }

    @EventHandler
    void on(SlaClockBreached event, @MetaDataValue(CallerMetaData.TENANT) String tenant) {
        meters.record(tenant, sync(tenant, event.ticketId(), event.clockId()), event);
    }

    @EventHandler
    void on(SlaClockFulfilled event, @MetaDataValue(CallerMetaData.TENANT) String tenant) {
        meters.record(tenant, sync(tenant, event.ticketId(), event.clockId()), event);
    }

    private SlaClock sync(String tenant, String ticketId, String clockId) {
        SlaClock clock = SlaClock.replay(facts(ticketId, clockId), settings.calendar(tenant));
        timers.sync(tenant, ticketId, clock);
        return clock;
    }

    /** The clock's facts as stored now (a later fact's own event syncs again; the last sync wins). */
    private List<Object> facts(String ticketId, String clockId) {
        return events.readEvents(ticketId, 0).asStream().map(message -> (Object) message.getPayload())
                .filter(payload -> clockId.equals(SlaFacts.clockIdOf(payload))).toList();
    }
}
