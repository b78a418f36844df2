package com.aftersales.sla;

/** Where a clock stands at a moment. A clock fulfilled late is FULFILLED and not met. */
public enum SlaClockState {
    RUNNING,
    PAUSED,
    WARNED,
    FULFILLED,
    BREACHED
}
