package com.aftersales.sla;

import java.time.Duration;
import java.util.Objects;

/**
 * A time limit: an amount in a time basis. For {@link TimeBasis#WORKING_DAYS} the amount is whole
 * days ({@code Duration.ofDays(3)} means three working days).
 */
public record SlaTarget(TimeBasis basis, Duration amount) {

    public SlaTarget {
        Objects.requireNonNull(basis, "basis");
        Objects.requireNonNull(amount, "amount");
        if (amount.isNegative()) {
            throw new IllegalArgumentException("A target cannot be negative: " + amount);
        }
        if (basis == TimeBasis.WORKING_DAYS && !amount.equals(Duration.ofDays(amount.toDays()))) {
            throw new IllegalArgumentException("Working days are whole days: " + amount);
        }
    }

    public static SlaTarget calendarHours(long hours) {
        return new SlaTarget(TimeBasis.CALENDAR, Duration.ofHours(hours));
    }

    public static SlaTarget calendar(Duration amount) {
        return new SlaTarget(TimeBasis.CALENDAR, amount);
    }

    public static SlaTarget workingHours(long hours) {
        return new SlaTarget(TimeBasis.WORKING_TIME, Duration.ofHours(hours));
    }

    public static SlaTarget workingDays(int days) {
        return new SlaTarget(TimeBasis.WORKING_DAYS, Duration.ofDays(days));
    }

    public int workingDays() {
        return (int) amount.toDays();
    }
}
