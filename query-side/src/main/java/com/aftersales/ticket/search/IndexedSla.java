package com.aftersales.ticket.search;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * What the search index knows of a ticket's SLA: its open clocks, from their facts (docs/sla.md,
 * "Views"), and the highest level it was escalated to. A fulfilled clock leaves the map. Warned and
 * breached are the recorded facts, not recomputed: the timer records them within a tick.
 */
record IndexedSla(String escalatedTo, Map<String, OpenClock> clocks) {

    static final IndexedSla NONE = new IndexedSla(null, Map.of());

    /**
     * Where paused clocks sort: after every counting one (no due time is before it), among
     * themselves by the time that was left at the pause.
     */
    static final long PAUSED = 1L << 60;
    static final String AT_RISK = "at-risk";
    static final String BREACHED = "breached";

    IndexedSla {
        clocks = clocks == null ? Map.of() : Map.copyOf(clocks);
    }

    /**
     * One open clock: {@code dueAt} while it counts, null while paused; {@code leftAtPause} the
     * calendar time from the pause to the due time it had then (negative when already overdue).
     */
    record OpenClock(Instant dueAt, Duration leftAtPause, boolean warned, boolean breached) {

        @JsonIgnore
        long dueKey() {
            if (dueAt != null) {
                return dueAt.toEpochMilli();
            }
            return PAUSED + (leftAtPause == null ? 0 : leftAtPause.toMillis());
        }
    }

    IndexedSla started(String clockId, Instant dueAt) {
        return with(clockId, clock -> new OpenClock(dueAt, null, false, false), true);
    }

    IndexedSla paused(String clockId, Instant at) {
        return with(clockId, clock -> clock.dueAt() == null ? clock
                : new OpenClock(null, Duration.between(at, clock.dueAt()), clock.warned(), clock.breached()), false);
    }

    /** Resumed: counting again towards {@code dueAt}; a warning still ahead was lifted by a re-target. */
    IndexedSla resumed(String clockId, Instant dueAt, Instant warnAt, Instant at) {
        return with(clockId, clock -> dueAt == null ? clock
                : new OpenClock(dueAt, null, warned(clock, warnAt, at), clock.breached()), false);
    }

    /**
     * Re-targeted: a counting clock gets the new due time; a paused one stays paused, with the time
     * left at the re-target when the new target is already reached (overdue), else the time it had.
     * A warning the new target puts ahead is lifted, as the clock itself lifts it (it warns again).
     */
    IndexedSla retargeted(String clockId, Instant dueAt, Instant warnAt, Instant at) {
        return with(clockId, clock -> {
            if (clock.dueAt() == null) {
                Duration left = dueAt == null ? clock.leftAtPause() : Duration.between(at, dueAt);
                return new OpenClock(null, left, warned(clock, warnAt, at), clock.breached());
            }
            return new OpenClock(dueAt, null, warned(clock, warnAt, at), clock.breached());
        }, false);
    }

    private static boolean warned(OpenClock clock, Instant warnAt, Instant at) {
        return clock.warned() && (warnAt == null || !warnAt.isAfter(at));
    }

    IndexedSla warned(String clockId) {
        return with(clockId, clock -> new OpenClock(clock.dueAt(), clock.leftAtPause(), true, clock.breached()), false);
    }

    IndexedSla breached(String clockId) {
        return with(clockId, clock -> new OpenClock(clock.dueAt(), clock.leftAtPause(), clock.warned(), true), false);
    }

    IndexedSla fulfilled(String clockId) {
        Map<String, OpenClock> open = new LinkedHashMap<>(clocks);
        open.remove(clockId);
        return new IndexedSla(escalatedTo, open);
    }

    /** The ticket stays with the highest level it reached (as the ticket itself does). */
    IndexedSla escalated(String level) {
        return "MANAGER".equals(escalatedTo) ? this : new IndexedSla(level, clocks);
    }

    private IndexedSla with(String clockId, UnaryOperator<OpenClock> change, boolean create) {
        OpenClock clock = clocks.get(clockId);
        if (clock == null && !create) {
            return this;
        }
        Map<String, OpenClock> open = new LinkedHashMap<>(clocks);
        open.put(clockId, change.apply(clock));
        return new IndexedSla(escalatedTo, open);
    }

    /** {@value #BREACHED} with an open breached clock, else {@value #AT_RISK} with an open warned one, else null. */
    @JsonIgnore
    String state() {
        if (clocks.values().stream().anyMatch(OpenClock::breached)) {
            return BREACHED;
        }
        return clocks.values().stream().anyMatch(OpenClock::warned) ? AT_RISK : null;
    }

    /** The ticket's next due time: its most urgent open clock's key; null without open clocks. */
    @JsonIgnore
    Long dueKey() {
        return clocks.values().stream().map(OpenClock::dueKey).min(Long::compare).orElse(null);
    }
}
