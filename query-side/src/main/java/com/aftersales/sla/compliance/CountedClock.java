package com.aftersales.sla.compliance;

/**
 * One clock as the compliance counts hold it: the bucket it is counted in (month of its start in
 * the tenant's zone, its current level, its metric), its outcome, and the ticket sequence of the
 * last fact applied (a fact at or below it was applied already).
 */
record CountedClock(String month, String priority, String metric, ClockOutcome outcome, long sequence) {

    String bucket(String tenantId) {
        return tenantId + "|" + month + "|" + priority + "|" + metric;
    }

    CountedClock at(long newSequence) {
        return new CountedClock(month, priority, metric, outcome, newSequence);
    }

    CountedClock withPriority(String newPriority) {
        return new CountedClock(month, newPriority, metric, outcome, sequence);
    }

    /** Breached stays breached: a late fulfilment does not make a clock met. */
    CountedClock withOutcome(ClockOutcome newOutcome) {
        return outcome == ClockOutcome.BREACHED ? this : new CountedClock(month, priority, metric, newOutcome, sequence);
    }
}
