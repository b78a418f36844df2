package com.aftersales.sla;

import com.aftersales.infra.timer.TimerSettings;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** The durable timers' ticker on this node (docs/sla.md, "Durable timers"). */
@ConfigurationProperties("aftersales.sla.timers")
public class SlaTimerProperties {

    /**
     * Whether this node records due SLA deadlines; every node may, each timer fires once. The ticker
     * itself (which also fires disposals) is switched by {@code aftersales.timers.enabled}.
     */
    private boolean enabled = true;
    /** How often this node looks for due timers; a deadline is recorded up to this late. */
    private Duration tickInterval = Duration.ofSeconds(1);
    /** How long a node owns a timer it is firing; after that another node may fire it. */
    private Duration lease = Duration.ofMinutes(1);
    /** Minutes walked in one tick at most (a longer downtime is caught up over several ticks). */
    private int maxMinutesPerTick = 100_000;

    TimerSettings settings() {
        return new TimerSettings(tickInterval, lease, maxMinutesPerTick);
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Duration getTickInterval() {
        return tickInterval;
    }

    public void setTickInterval(Duration tickInterval) {
        this.tickInterval = tickInterval;
    }

    public Duration getLease() {
        return lease;
    }

    public void setLease(Duration lease) {
        this.lease = lease;
    }

    public int getMaxMinutesPerTick() {
        return maxMinutesPerTick;
    }

    public void setMaxMinutesPerTick(int maxMinutesPerTick) {
        this.maxMinutesPerTick = maxMinutesPerTick;
    }
}
