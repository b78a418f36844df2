package com.aftersales.sla;

import com.aftersales.sla.SlaClockEvents.SlaClockBreached;
import com.aftersales.sla.SlaClockEvents.SlaClockFulfilled;
import com.aftersales.sla.SlaClockEvents.SlaClockWarned;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counters of clock outcomes for Prometheus ({@code aftersales_sla_clock_outcomes_total}), without
 * personal data: the tags are tenant, priority, metric and outcome (warned, breached, met, missed)
 * only, never a ticket or a person. Counted by the {@code sla-timers} processor, so each fact once
 * in the cluster; a node's counters start at zero (Prometheus reads a restart as a counter reset).
 */
public class SlaOutcomeMeters {

    public static final String NAME = "aftersales.sla.clock.outcomes";

    private final MeterRegistry registry;

    public SlaOutcomeMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Counts the outcome a warning, breach or fulfilment of {@code clock} stands for. */
    public void record(String tenant, SlaClock clock, Object fact) {
        String outcome = fact instanceof SlaClockWarned ? "warned"
                : fact instanceof SlaClockBreached ? "breached"
                : fact instanceof SlaClockFulfilled fulfilled ? (fulfilled.met() ? "met" : "missed") : null;
        if (outcome == null) {
            return;
        }
        Counter.builder(NAME).description("SLA clock outcomes by tenant, priority level, metric and outcome")
                .tags("tenant", tenant, "priority", clock.priority(), "metric", clock.metric().name(), "outcome", outcome)
                .register(registry).increment();
    }
}
