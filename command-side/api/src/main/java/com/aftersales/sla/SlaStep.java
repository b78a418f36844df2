package com.aftersales.sla;

import java.time.Duration;
import java.time.Instant;

/**
 * One step of how a clock's due time was computed, for {@code GET /api/v1/tickets/{id}/sla}: what
 * happened or was computed at {@code at}, the time it counted or added ({@code amount}, may be null)
 * and the calendar version it used (null for calendar time).
 */
public record SlaStep(Kind kind, Instant at, Duration amount, String calendarVersion, String text) {

    public enum Kind {
        TARGET, CONVERTED, COUNTED, PAUSED, RESUMED, RETARGETED, FULFILLED, WARNING, DUE
    }
}
