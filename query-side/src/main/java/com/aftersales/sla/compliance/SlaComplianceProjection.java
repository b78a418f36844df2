package com.aftersales.sla.compliance;

import com.aftersales.infra.tenancy.CallerMetaData;
import com.aftersales.infra.tenancy.Tenant;
import com.aftersales.infra.tenancy.TenantDirectory;
import com.aftersales.sla.SlaClockEvents.SlaClockBreached;
import com.aftersales.sla.SlaClockEvents.SlaClockFulfilled;
import com.aftersales.sla.SlaClockEvents.SlaClockRetargeted;
import com.aftersales.sla.SlaClockEvents.SlaClockStarted;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.UnaryOperator;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.MetaDataValue;

/**
 * SLA compliance counts per tenant, month, priority level and metric (docs/sla.md, "Compliance"),
 * from the clock facts: a clock is counted once, in the month it started (the tenant's time zone),
 * at the level it counts against now, as running, met or breached. Idempotent: each clock remembers
 * the last fact applied, and each count change is applied once ({@link SlaComplianceStore}).
 * Dead-lettered like the views: a fact that cannot be applied is never skipped.
 */
@ProcessingGroup(SlaComplianceProjection.PROCESSING_GROUP)
public class SlaComplianceProjection {

    public static final String PROCESSING_GROUP = "sla-compliance";
    private static final String TENANT = CallerMetaData.TENANT;

    private final SlaComplianceStore store;
    private final TenantDirectory tenants;

    SlaComplianceProjection(SlaComplianceStore store, TenantDirectory tenants) {
        this.store = store;
        this.tenants = tenants;
    }

    @EventHandler
    void on(SlaClockStarted event, @SequenceNumber long sequence, @MetaDataValue(TENANT) String tenantId) {
        if (tenantId == null || store.find(tenantId, event.ticketId(), event.clockId()).isPresent()) {
            return;
        }
        CountedClock clock = new CountedClock(month(tenantId, event.at()).toString(), event.priority(),
                event.metric().name(), ClockOutcome.RUNNING, sequence);
        store.move(tenantId, event.ticketId(), event.clockId(), null, clock);
    }

    @EventHandler
    void on(SlaClockRetargeted event, @SequenceNumber long sequence, @MetaDataValue(TENANT) String tenantId) {
        apply(tenantId, event.ticketId(), event.clockId(), sequence, clock -> clock.withPriority(event.priority()));
    }

    @EventHandler
    void on(SlaClockBreached event, @SequenceNumber long sequence, @MetaDataValue(TENANT) String tenantId) {
        apply(tenantId, event.ticketId(), event.clockId(), sequence, clock -> clock.withOutcome(ClockOutcome.BREACHED));
    }

    @EventHandler
    void on(SlaClockFulfilled event, @SequenceNumber long sequence, @MetaDataValue(TENANT) String tenantId) {
        apply(tenantId, event.ticketId(), event.clockId(), sequence,
                clock -> clock.withOutcome(event.met() ? ClockOutcome.MET : ClockOutcome.BREACHED));
    }

    @ResetHandler
    void reset() {
        store.clear();
    }

    /**
     * A fact of a clock whose start was never counted cannot be placed: it fails, and so is
     * dead-lettered with the ticket's later facts queued behind it, rather than dropped.
     */
    private void apply(String tenantId, String ticketId, String clockId, long sequence,
                       UnaryOperator<CountedClock> change) {
        if (tenantId == null) {
            return;
        }
        CountedClock before = store.find(tenantId, ticketId, clockId).orElseThrow(() -> new IllegalStateException(
                "No start counted for clock " + clockId + " of ticket " + ticketId));
        if (before.sequence() >= sequence) {
            return;
        }
        store.move(tenantId, ticketId, clockId, before, change.apply(before).at(sequence));
    }

    /** The month a clock counts in: its start, in the tenant's time zone (UTC for a tenant not known here). */
    YearMonth month(String tenantId, Instant at) {
        ZoneId zone = tenants.find(tenantId).map(Tenant::timeZone).orElse(ZoneOffset.UTC);
        return YearMonth.from(at.atZone(zone));
    }
}
