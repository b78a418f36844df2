package com.aftersales.sla;

import com.aftersales.infra.timer.DurableTimers;
import com.aftersales.infra.timer.Timer;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps one durable timer per open clock at its next deadline (warning, then due time): after any
 * fact is applied, {@link #sync} schedules, moves or cancels it. The timer's handler loads the ticket
 * and applies {@link SlaClock#deadlineFacts}, which is empty when nothing is due any more, so a timer
 * that fires twice (after a crash) or late changes nothing twice.
 */
public final class SlaTimers {

    public static final String TICKET = "ticketId";
    public static final String CLOCK = "clockId";

    private final DurableTimers timers;

    public SlaTimers(DurableTimers timers) {
        this.timers = timers;
    }

    /** The timer now set for the clock, or empty when it needs none (paused, fulfilled, breached). */
    public Optional<Timer> sync(String tenant, String ticketId, SlaClock clock) {
        Instant next = clock.nextDeadline();
        String id = timerId(ticketId, clock.clockId());
        if (next == null) {
            timers.cancel(tenant, id);
            return Optional.empty();
        }
        return Optional.of(timers.schedule(tenant, id, next, Map.of(TICKET, ticketId, CLOCK, clock.clockId())));
    }

    public static String timerId(String ticketId, String clockId) {
        return ticketId + "/" + clockId;
    }
}
