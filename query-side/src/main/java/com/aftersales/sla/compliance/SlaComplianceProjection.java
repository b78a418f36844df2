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
import java.util.Optional;
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
        requireTenant(tenantId, event);
        Optional<CountedClock> counted = store.find(tenantId, event.ticketId(), event.clockId());
        if (counted.isPresent()) {
            delivered(tenantId, event.ticketId(), event.clockId(), counted.get(), sequence);
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
        requireTenant(tenantId, clockId);
        CountedClock before = store.find(tenantId, ticketId, clockId).orElseThrow(() -> new IllegalStateException(
                "No start counted for clock " + clockId + " of ticket " + ticketId));
        if (before.sequence() >= sequence) {
            delivered(tenantId, ticketId, clockId, before, sequence);
            return;
        }
        store.move(tenantId, ticketId, clockId, before, change.apply(before).at(sequence));
    }

    /**
     * A fact applied before: nothing to count. The last one applied is settled again, in case it
     * failed after its clock was stored and before its markers were pulled.
     */
    private void delivered(String tenantId, String ticketId, String clockId, CountedClock counted, long sequence) {
        if (counted.sequence() == sequence) {
            store.settleAgain(tenantId, ticketId, clockId);
        }
    }

    /** Every clock fact is a ticket event, which enters with its tenant: one without is refused, not dropped. */
    private static void requireTenant(String tenantId, Object fact) {
        if (tenantId == null) {
            throw new IllegalStateException("A clock fact without a tenant: " + fact);
        }
    }

    /**
     * The month a clock counts in: its start, in the tenant's time zone. A tenant not known here yet
     * (a node starting, a replay ahead of the tenant directory) fails the fact, which is dead-lettered
     * and counted on retry, rather than counted in UTC, possibly in the wrong month for good.
     */
    YearMonth month(String tenantId, Instant at) {
        ZoneId zone = tenants.find(tenantId).map(Tenant::timeZone).orElseThrow(() -> new IllegalStateException(
                "Tenant " + tenantId + " is not known here yet: its time zone decides the month"));
        return YearMonth.from(at.atZone(zone));
    }
}
