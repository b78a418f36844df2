package com.aftersales.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A clock as of a moment. {@code dueAt} and {@code warnAt} are null while paused before reaching
 * them (the remaining time is then fixed); {@code elapsed} and {@code remaining} are in the target's
 * basis (working time for working targets), {@code remaining} negative when overdue; {@code met} is
 * null until the clock is fulfilled.
 */
public record SlaClockStatus(String clockId, SlaMetric metric, String priority, SlaTarget target,
                             SlaClockState state, Instant startedAt, Instant dueAt, Instant warnAt,
                             Duration elapsed, Duration remaining, Boolean met, PauseReason pausedFor,
                             List<String> calendarVersions, List<SlaStep> explanation) {
}
