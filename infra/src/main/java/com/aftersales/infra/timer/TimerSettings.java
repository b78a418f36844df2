package com.aftersales.infra.timer;

import java.time.Duration;

/**
 * @param tickInterval      how often a node looks for due timers
 * @param lease             how long a node owns a timer it is firing; after that another node may fire it
 * @param maxMinutesPerTick minutes walked in one tick at most (a longer downtime is caught up over several ticks)
 */
public record TimerSettings(Duration tickInterval, Duration lease, int maxMinutesPerTick) {

    public static TimerSettings defaults() {
        return new TimerSettings(Duration.ofSeconds(1), Duration.ofMinutes(1), 100_000);
    }
}
