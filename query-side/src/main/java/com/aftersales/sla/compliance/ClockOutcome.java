package com.aftersales.sla.compliance;

/** Where one clock counts: running until met, or breached (a breach recorded, or fulfilled late). */
enum ClockOutcome {
    RUNNING("running"), MET("met"), BREACHED("breached");

    final String field;

    ClockOutcome(String field) {
        this.field = field;
    }
}
