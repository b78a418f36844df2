package com.aftersales.sla;

import java.time.LocalTime;
import java.util.Objects;

/** Working hours within one day, {@code [start, end)}; an end of 00:00 means midnight at the end of the day. */
public record WorkingInterval(LocalTime start, LocalTime end) {

    public WorkingInterval {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!endsAtMidnight(end) && !end.isAfter(start)) {
            throw new IllegalArgumentException("A working interval ends after it starts: " + start + "-" + end);
        }
    }

    /** {@code "09:00-12:00"}; {@code "00:00-24:00"} is the whole day. */
    public static WorkingInterval parse(String text) {
        String[] parts = text.trim().split("-");
        if (parts.length != 2) {
            throw new IllegalArgumentException("Working hours are written 09:00-12:00: " + text);
        }
        String end = parts[1].trim();
        return new WorkingInterval(LocalTime.parse(parts[0].trim()),
                "24:00".equals(end) ? LocalTime.MIDNIGHT : LocalTime.parse(end));
    }

    boolean endsAtMidnight() {
        return endsAtMidnight(end);
    }

    private static boolean endsAtMidnight(LocalTime end) {
        return LocalTime.MIDNIGHT.equals(end);
    }

    @Override
    public String toString() {
        return start + "-" + (endsAtMidnight() ? "24:00" : end.toString());
    }
}
