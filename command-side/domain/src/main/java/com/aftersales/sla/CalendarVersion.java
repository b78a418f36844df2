package com.aftersales.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * One immutable version of a tenant's working calendar: time zone, working hours per weekday,
 * holidays and make-up working days (调休). A make-up day works the {@code makeUpHours}; a holiday
 * does not work whatever its weekday. Working time is real elapsed time: on a day the clocks move,
 * a working interval across the change is an hour shorter or longer.
 */
public final class CalendarVersion {

    /** A calendar without any working time in this many days is refused as broken, not looped over. */
    static final int MAX_DAYS_WITHOUT_WORK = 3 * 366;

    private final String id;
    private final LocalDate effectiveFrom;
    private final ZoneId zone;
    private final Map<DayOfWeek, List<WorkingInterval>> weekly;
    private final List<WorkingInterval> makeUpHours;
    private final Set<LocalDate> holidays;
    private final Set<LocalDate> makeUpDays;
    private final Set<Integer> officialYears;

    private CalendarVersion(Builder b) {
        this.id = Objects.requireNonNull(b.id, "id");
        this.effectiveFrom = Objects.requireNonNull(b.effectiveFrom, "effectiveFrom");
        this.zone = Objects.requireNonNull(b.zone, "zone");
        this.weekly = new EnumMap<>(DayOfWeek.class);
        b.weekly.forEach((day, intervals) -> weekly.put(day, sorted(intervals)));
        this.makeUpHours = b.makeUpHours != null ? sorted(b.makeUpHours) : weekly.getOrDefault(DayOfWeek.MONDAY, List.of());
        this.holidays = Set.copyOf(b.holidays);
        this.makeUpDays = Set.copyOf(b.makeUpDays);
        this.officialYears = Set.copyOf(b.officialYears);
        TreeSet<LocalDate> both = new TreeSet<>(holidays);
        both.retainAll(makeUpDays);
        if (!both.isEmpty()) {
            throw new IllegalArgumentException("A day is a holiday and a make-up working day: " + both);
        }
    }

    public static Builder builder(String id, LocalDate effectiveFrom, ZoneId zone) {
        return new Builder(id, effectiveFrom, zone);
    }

    public String id() {
        return id;
    }

    public LocalDate effectiveFrom() {
        return effectiveFrom;
    }

    public ZoneId zone() {
        return zone;
    }

    public Set<LocalDate> holidays() {
        return holidays;
    }

    public Set<LocalDate> makeUpDays() {
        return makeUpDays;
    }

    /** Years whose official holiday arrangements this version carries (empty: none followed). */
    public Set<Integer> officialYears() {
        return officialYears;
    }

    /** The working hours of a local date, after holidays and make-up days. */
    public List<WorkingInterval> hoursOn(LocalDate date) {
        if (makeUpDays.contains(date)) {
            return makeUpHours;
        }
        if (holidays.contains(date)) {
            return List.of();
        }
        return weekly.getOrDefault(date.getDayOfWeek(), List.of());
    }

    public boolean isWorkingDay(LocalDate date) {
        return !hoursOn(date).isEmpty();
    }

    public boolean isWorkingTime(Instant instant) {
        for (Span span : spansOn(localDate(instant))) {
            if (span.contains(instant)) {
                return true;
            }
        }
        return false;
    }

    /** The instant itself if it is working time, else the start of the next working interval. */
    public Instant nextWorkingInstant(Instant from) {
        LocalDate date = localDate(from);
        for (int i = 0; i <= MAX_DAYS_WITHOUT_WORK; i++, date = date.plusDays(1)) {
            for (Span span : spansOn(date)) {
                if (span.end.isAfter(from)) {
                    return max(span.start, from);
                }
            }
        }
        throw noWorkingTime(from);
    }

    /**
     * The earliest instant by which {@code amount} of working time has passed since {@code from}:
     * it falls in working time or at the end of a working interval (a due time of 18:00, not 09:00
     * the next working day). Zero gives {@code from} itself.
     */
    public Instant addWorkingTime(Instant from, Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("Cannot add negative working time: " + amount);
        }
        if (amount.isZero()) {
            return from;
        }
        Duration remaining = amount;
        LocalDate date = localDate(from);
        int daysWithoutWork = 0;
        while (daysWithoutWork <= MAX_DAYS_WITHOUT_WORK) {
            List<Span> spans = spansOn(date);
            daysWithoutWork = spans.isEmpty() ? daysWithoutWork + 1 : 0;
            for (Span span : spans) {
                if (!span.end.isAfter(from)) {
                    continue;
                }
                Instant start = max(span.start, from);
                Duration available = Duration.between(start, span.end);
                if (remaining.compareTo(available) <= 0) {
                    return start.plus(remaining);
                }
                remaining = remaining.minus(available);
            }
            date = date.plusDays(1);
        }
        throw noWorkingTime(from);
    }

    /** The working time in {@code [from, to)}; zero if {@code to} is not after {@code from}. */
    public Duration workingTimeBetween(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        Duration total = Duration.ZERO;
        LocalDate last = localDate(to);
        for (LocalDate date = localDate(from); !date.isAfter(last); date = date.plusDays(1)) {
            for (Span span : spansOn(date)) {
                Instant start = max(span.start, from);
                Instant end = min(span.end, to);
                if (end.isAfter(start)) {
                    total = total.plus(Duration.between(start, end));
                }
            }
        }
        return total;
    }

    /**
     * The same working moment {@code days} working days later: from the next working instant, its
     * working time into its day is carried to the {@code days}-th following working day (to that
     * day's end if it is shorter).
     */
    public Instant addWorkingDays(Instant from, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("Cannot add negative working days: " + days);
        }
        if (days == 0) {
            return from;
        }
        Instant start = nextWorkingInstant(from);
        LocalDate day = localDate(start);
        Duration offset = workingTimeBetween(spansOn(day).get(0).start, start);
        LocalDate target = day;
        for (int i = 0; i < days; i++) {
            target = nextWorkingDay(target);
        }
        List<Span> spans = spansOn(target);
        Instant dayStart = spans.get(0).start;
        Duration dayLength = workingTimeBetween(dayStart, spans.get(spans.size() - 1).end);
        return addWorkingTime(dayStart, offset.compareTo(dayLength) < 0 ? offset : dayLength);
    }

    private LocalDate nextWorkingDay(LocalDate after) {
        LocalDate date = after.plusDays(1);
        for (int i = 0; i <= MAX_DAYS_WITHOUT_WORK; i++, date = date.plusDays(1)) {
            if (!spansOn(date).isEmpty()) {
                return date;
            }
        }
        throw new IllegalStateException("Calendar " + id + " has no working day after " + after);
    }

    LocalDate localDate(Instant instant) {
        return instant.atZone(zone).toLocalDate();
    }

    /** The working intervals of a date as instants; one that a clock change makes empty is left out. */
    List<Span> spansOn(LocalDate date) {
        List<WorkingInterval> hours = hoursOn(date);
        List<Span> spans = new ArrayList<>(hours.size());
        for (WorkingInterval interval : hours) {
            Instant start = instant(date.atTime(interval.start()));
            Instant end = interval.endsAtMidnight()
                    ? date.plusDays(1).atStartOfDay(zone).toInstant()
                    : instant(date.atTime(interval.end()));
            if (end.isAfter(start)) {
                spans.add(new Span(start, end));
            }
        }
        return spans;
    }

    /**
     * A local time the clocks skip is read as the moment they skip to: working hours inside the
     * skipped hour are empty that day, not moved an hour later. A repeated local time is its first pass.
     */
    private Instant instant(java.time.LocalDateTime local) {
        java.time.zone.ZoneRules rules = zone.getRules();
        if (rules.getValidOffsets(local).isEmpty()) {
            return rules.getTransition(local).getInstant();
        }
        return local.atZone(zone).toInstant();
    }

    private IllegalStateException noWorkingTime(Instant from) {
        return new IllegalStateException("Calendar " + id + " has no working time within "
                + MAX_DAYS_WITHOUT_WORK + " days after " + from);
    }

    private static List<WorkingInterval> sorted(List<WorkingInterval> intervals) {
        List<WorkingInterval> copy = new ArrayList<>(intervals);
        copy.sort((a, b) -> a.start().compareTo(b.start()));
        for (int i = 1; i < copy.size(); i++) {
            WorkingInterval previous = copy.get(i - 1);
            if (previous.endsAtMidnight() || previous.end().isAfter(copy.get(i).start())) {
                throw new IllegalArgumentException("Working intervals overlap: " + previous + ", " + copy.get(i));
            }
        }
        return List.copyOf(copy);
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    @Override
    public String toString() {
        return id + " (from " + effectiveFrom + ", " + zone + ")";
    }

    record Span(Instant start, Instant end) {
        boolean contains(Instant instant) {
            return !instant.isBefore(start) && instant.isBefore(end);
        }
    }

    public static final class Builder {
        private final String id;
        private final LocalDate effectiveFrom;
        private final ZoneId zone;
        private final Map<DayOfWeek, List<WorkingInterval>> weekly = new EnumMap<>(DayOfWeek.class);
        private List<WorkingInterval> makeUpHours;
        private final Set<LocalDate> holidays = new TreeSet<>();
        private final Set<LocalDate> makeUpDays = new TreeSet<>();
        private final Set<Integer> officialYears = new TreeSet<>();

        private Builder(String id, LocalDate effectiveFrom, ZoneId zone) {
            this.id = id;
            this.effectiveFrom = effectiveFrom;
            this.zone = zone;
        }

        /** {@code hours("09:00-12:00", "13:30-18:00")} on each of the days. */
        public Builder hours(Set<DayOfWeek> days, String... intervals) {
            List<WorkingInterval> parsed = java.util.Arrays.stream(intervals).map(WorkingInterval::parse).toList();
            days.forEach(day -> weekly.put(day, parsed));
            return this;
        }

        public Builder weekdays(String... intervals) {
            return hours(java.util.EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), intervals);
        }

        /** The hours of a make-up working day; Monday's unless set. */
        public Builder makeUpHours(String... intervals) {
            this.makeUpHours = java.util.Arrays.stream(intervals).map(WorkingInterval::parse).toList();
            return this;
        }

        public Builder holidays(java.util.Collection<LocalDate> dates) {
            holidays.addAll(dates);
            return this;
        }

        public Builder makeUpDays(java.util.Collection<LocalDate> dates) {
            makeUpDays.addAll(dates);
            return this;
        }

        public Builder officialYears(java.util.Collection<Integer> years) {
            officialYears.addAll(years);
            return this;
        }

        public CalendarVersion build() {
            return new CalendarVersion(this);
        }
    }
}
