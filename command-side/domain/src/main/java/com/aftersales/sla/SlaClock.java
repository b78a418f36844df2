package com.aftersales.sla;

import com.aftersales.sla.SlaClockEvents.SlaClockBreached;
import com.aftersales.sla.SlaClockEvents.SlaClockFulfilled;
import com.aftersales.sla.SlaClockEvents.SlaClockPaused;
import com.aftersales.sla.SlaClockEvents.SlaClockResumed;
import com.aftersales.sla.SlaClockEvents.SlaClockRetargeted;
import com.aftersales.sla.SlaClockEvents.SlaClockStarted;
import com.aftersales.sla.SlaClockEvents.SlaClockWarned;
import com.aftersales.sla.SlaStep.Kind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * One SLA clock as a state machine over its facts (the {@link SlaClockEvents}): no I/O, no system
 * clock. The deciding methods ({@link #start}, {@link #pause}, {@link #resume}, {@link #retarget},
 * {@link #fulfil}, {@link #deadlineFacts}) check the state and return the fact to apply;
 * {@link #apply} changes the state; {@link #status} computes due time, warning time, elapsed and
 * remaining time, state and the explanation at a moment.
 *
 * <p>The clock counts time in running segments. Each segment is measured with the calendar version
 * in force when it began (start, resume, re-target), so a later calendar version never changes what
 * was counted. A working-days target is converted once into working time, from the clock's start.
 */
public final class SlaClock {

    private final WorkingCalendar calendar;
    private final List<Object> history = new ArrayList<>();
    private final List<Segment> segments = new ArrayList<>();
    private final List<SlaStep> events = new ArrayList<>();
    private String ticketId;
    private String clockId;
    private SlaMetric metric;
    private String priority;
    private SlaTarget target;
    private int warningPercent;
    private Instant startedAt;
    private Budget budget;
    private PauseReason pausedFor;
    private Instant warnedAt;
    private Instant breachedAt;
    private Instant fulfilledAt;
    private boolean fulfilledWhileRunning;

    private SlaClock(WorkingCalendar calendar) {
        this.calendar = calendar;
    }

    /** The clock of a started fact; the calendar must hold every version its facts name. */
    public static SlaClock of(SlaClockStarted started, WorkingCalendar calendar) {
        SlaClock clock = new SlaClock(calendar);
        clock.apply(started);
        return clock;
    }

    /** Replays a clock's facts in order. */
    public static SlaClock replay(List<?> facts, WorkingCalendar calendar) {
        SlaClock clock = new SlaClock(calendar);
        facts.forEach(clock::apply);
        return clock;
    }

    public static SlaClockStarted start(String ticketId, String clockId, SlaMetric metric, String priority,
                                        SlaPolicy policy, WorkingCalendar calendar, Instant at) {
        SlaTarget target = policy.target(priority, metric).orElseThrow(() -> new IllegalArgumentException(
                "No " + metric + " target for level " + priority + " in " + policy.scheme()));
        CalendarVersion version = calendar.versionAt(at);
        SlaClock probe = of(new SlaClockStarted(ticketId, clockId, metric, priority, target,
                policy.warningPercent(), at, version.id(), null, null), calendar);
        return new SlaClockStarted(ticketId, clockId, metric, priority, target, policy.warningPercent(), at,
                version.id(), probe.reach(probe.budget.amount, false).at, probe.reach(probe.warnShare(), false).at);
    }

    public SlaClockPaused pause(PauseReason reason, Instant at) {
        requireRunning(at);
        return new SlaClockPaused(ticketId, clockId, Objects.requireNonNull(reason, "reason"), at,
                calendar.versionAt(at).id());
    }

    public SlaClockResumed resume(Instant at) {
        requireOpen(at);
        if (pausedFor == null) {
            throw new IllegalStateException("Clock " + clockId + " is not paused");
        }
        String version = calendar.versionAt(at).id();
        SlaClock probe = probeWith(new SlaClockResumed(ticketId, clockId, at, version, null, null));
        return new SlaClockResumed(ticketId, clockId, at, version, probe.dueAt(), probe.warnAt());
    }

    /** The new level's target, counted from the clock's start; time already counted stays counted. */
    public SlaClockRetargeted retarget(String newPriority, SlaPolicy policy, Instant at) {
        requireOpen(at);
        SlaTarget newTarget = policy.target(newPriority, metric).orElseThrow(() -> new IllegalArgumentException(
                "No " + metric + " target for level " + newPriority + " in " + policy.scheme()));
        String version = calendar.versionAt(at).id();
        SlaClock probe = probeWith(new SlaClockRetargeted(ticketId, clockId, newPriority, newTarget,
                policy.warningPercent(), at, version, null, null));
        return new SlaClockRetargeted(ticketId, clockId, newPriority, newTarget, policy.warningPercent(), at,
                version, probe.dueAt(), probe.warnAt());
    }

    public SlaClockFulfilled fulfil(Instant at) {
        requireOpen(at);
        SlaClock probe = probeWith(new SlaClockFulfilled(ticketId, clockId, at, true, null, null));
        Duration elapsed = probe.elapsed(at);
        return new SlaClockFulfilled(ticketId, clockId, at, elapsed.compareTo(budget.amount) <= 0, elapsed,
                lastSegment().version);
    }

    /** The warning and breach facts due by {@code now} and not yet recorded, for the timer to apply. */
    public List<Object> deadlineFacts(Instant now) {
        List<Object> facts = new ArrayList<>();
        if (fulfilledAt != null) {
            return facts;
        }
        Reach warn = reach(warnShare(), false);
        if (warnedAt == null && warn != null && !now.isBefore(warn.at)) {
            facts.add(new SlaClockWarned(ticketId, clockId, warn.at, dueAt(), warn.version));
        }
        Reach due = reach(budget.amount, false);
        if (breachedAt == null && due != null && !now.isBefore(due.at)) {
            facts.add(new SlaClockBreached(ticketId, clockId, due.at, due.at, due.version));
        }
        return facts;
    }

    /** The next instant a timer should wake this clock, or null when none is pending (paused, done). */
    public Instant nextDeadline() {
        if (fulfilledAt != null) {
            return null;
        }
        if (warnedAt == null && warnAt() != null) {
            return warnAt();
        }
        return breachedAt == null ? dueAt() : null;
    }

    public void apply(Object fact) {
        if (fact instanceof SlaClockStarted e) {
            started(e);
        } else if (fact instanceof SlaClockPaused e) {
            closeSegment(e.at());
            pausedFor = e.reason();
            events.add(new SlaStep(Kind.PAUSED, e.at(), null, e.calendarVersion(), "paused: " + e.reason()));
        } else if (fact instanceof SlaClockResumed e) {
            pausedFor = null;
            segments.add(new Segment(e.at(), null, e.calendarVersion()));
            events.add(new SlaStep(Kind.RESUMED, e.at(), null, e.calendarVersion(), "resumed"));
        } else if (fact instanceof SlaClockRetargeted e) {
            retargeted(e);
        } else if (fact instanceof SlaClockWarned e) {
            warnedAt = e.at();
        } else if (fact instanceof SlaClockBreached e) {
            breachedAt = e.at();
        } else if (fact instanceof SlaClockFulfilled e) {
            fulfilledWhileRunning = pausedFor == null;
            if (fulfilledWhileRunning) {
                closeSegment(e.at());
            }
            pausedFor = null;
            fulfilledAt = e.at();
            events.add(new SlaStep(Kind.FULFILLED, e.at(), null, e.calendarVersion(), "fulfilled"));
        } else {
            throw new IllegalArgumentException("Not a clock fact: " + fact);
        }
        history.add(fact);
    }

    public SlaClockStatus status(Instant now) {
        Instant until = fulfilledAt != null ? fulfilledAt : now;
        Duration elapsed = elapsed(until);
        boolean projected = fulfilledAt != null && fulfilledWhileRunning; // when it was due had it run on
        Reach due = reach(budget.amount, projected);
        Reach warn = reach(warnShare(), projected);
        return new SlaClockStatus(clockId, metric, priority, target, state(now, due, warn), startedAt,
                due == null ? null : due.at, warn == null ? null : warn.at, elapsed, budget.amount.minus(elapsed),
                fulfilledAt == null ? null : elapsed.compareTo(budget.amount) <= 0, pausedFor,
                versionsUsed(), explanation(until, due, warn));
    }

    public String clockId() {
        return clockId;
    }

    public SlaMetric metric() {
        return metric;
    }

    public boolean isOpen() {
        return fulfilledAt == null;
    }

    /** The level whose target the clock counts against now. */
    public String priority() {
        return priority;
    }

    /** Why the clock is paused, or null while it runs or after it was fulfilled. */
    public PauseReason pauseReason() {
        return pausedFor;
    }

    public boolean isPaused() {
        return pausedFor != null;
    }

    public List<Object> history() {
        return List.copyOf(history);
    }

    /** Null while paused before the due time is reached. */
    public Instant dueAt() {
        Reach due = reach(budget.amount, false);
        return due == null ? null : due.at;
    }

    public Instant warnAt() {
        Reach warn = reach(warnShare(), false);
        return warn == null ? null : warn.at;
    }

    /** The time counted up to {@code until}, in the budget's basis. */
    public Duration elapsed(Instant until) {
        Duration total = Duration.ZERO;
        for (Segment segment : segments) {
            Instant end = segment.to == null || segment.to.isAfter(until) ? until : segment.to;
            total = total.plus(measure(segment.from, end, segment.version));
        }
        return total;
    }

    private void started(SlaClockStarted e) {
        if (startedAt != null) {
            throw new IllegalStateException("Clock " + clockId + " has started");
        }
        ticketId = e.ticketId();
        clockId = e.clockId();
        metric = e.metric();
        priority = e.priority();
        target = e.target();
        warningPercent = e.warningPercent();
        startedAt = e.at();
        budget = budget(e.target(), e.at(), e.calendarVersion());
        segments.add(new Segment(e.at(), null, e.calendarVersion()));
        events.add(new SlaStep(Kind.TARGET, e.at(), e.target().amount(), e.calendarVersion(),
                describe(metric, priority, target, warningPercent)));
        budget.conversion().ifPresent(events::add);
    }

    private void retargeted(SlaClockRetargeted e) {
        priority = e.priority();
        target = e.target();
        warningPercent = e.warningPercent();
        budget = budget(e.target(), startedAt, e.calendarVersion());
        if (pausedFor == null) {
            closeSegment(e.at());
            segments.add(new Segment(e.at(), null, e.calendarVersion()));
        }
        if (warnedAt != null && elapsed(e.at()).compareTo(warnShare()) < 0) {
            warnedAt = null; // the new target's warning lies ahead: the clock warns again when it is reached
        }
        events.add(new SlaStep(Kind.RETARGETED, e.at(), e.target().amount(), e.calendarVersion(),
                "re-targeted: " + describe(metric, priority, target, warningPercent) + ", counted from the start"));
        budget.conversion().ifPresent(events::add);
    }

    private Budget budget(SlaTarget target, Instant from, String versionId) {
        return switch (target.basis()) {
            case CALENDAR -> new Budget(TimeBasis.CALENDAR, target.amount(), null);
            case WORKING_TIME -> new Budget(TimeBasis.WORKING_TIME, target.amount(), null);
            case WORKING_DAYS -> {
                CalendarVersion version = calendar.require(versionId);
                Instant end = version.addWorkingDays(from, target.workingDays());
                Duration working = version.workingTimeBetween(from, end);
                yield new Budget(TimeBasis.WORKING_TIME, working, new SlaStep(Kind.CONVERTED, from, working,
                        versionId, target.workingDays() + " working days from " + from + " end at " + end
                        + ": " + working + " of working time"));
            }
        };
    }

    /** Where the counted time reaches {@code threshold}; null if paused or fulfilled before. */
    private Reach reach(Duration threshold, boolean extendLast) {
        Duration counted = Duration.ZERO;
        for (int i = 0; i < segments.size(); i++) {
            Segment segment = segments.get(i);
            boolean open = segment.to == null || (extendLast && i == segments.size() - 1);
            if (!open) {
                Duration length = measure(segment.from, segment.to, segment.version);
                if (counted.plus(length).compareTo(threshold) < 0) {
                    counted = counted.plus(length);
                    continue;
                }
            }
            Duration rest = threshold.minus(counted);
            return new Reach(add(segment.from, rest, segment.version), segment.from, counted, rest, segment.version);
        }
        return null;
    }

    private SlaClockState state(Instant now, Reach due, Reach warn) {
        if (fulfilledAt != null) {
            return SlaClockState.FULFILLED;
        }
        if (due != null && !now.isBefore(due.at)) {
            return SlaClockState.BREACHED;
        }
        if (pausedFor != null) {
            return SlaClockState.PAUSED;
        }
        return warn != null && !now.isBefore(warn.at) ? SlaClockState.WARNED : SlaClockState.RUNNING;
    }

    private List<SlaStep> explanation(Instant until, Reach due, Reach warn) {
        List<SlaStep> steps = new ArrayList<>(events);
        for (Segment segment : segments) {
            Instant end = segment.to == null || segment.to.isAfter(until) ? until : segment.to;
            steps.add(new SlaStep(Kind.COUNTED, segment.from, measure(segment.from, end, segment.version),
                    versionOf(segment), "counted " + basisName() + " from " + segment.from + " to " + end
                    + (segment.to == null ? " (running)" : "")));
        }
        steps.sort((a, b) -> a.at().compareTo(b.at()));
        if (warn != null) {
            steps.add(reachStep(Kind.WARNING, warn, warningPercent + " % of the budget " + budget.amount));
        }
        steps.add(due != null ? reachStep(Kind.DUE, due, "the budget " + budget.amount)
                : new SlaStep(Kind.DUE, until, budget.amount.minus(elapsed(until)), null,
                "no due time while paused: " + budget.amount.minus(elapsed(until)) + " remain"));
        return steps;
    }

    private SlaStep reachStep(Kind kind, Reach reach, String what) {
        return new SlaStep(kind, reach.at, reach.added, budget.basis == TimeBasis.CALENDAR ? null : reach.version,
                what + ": " + reach.counted + " counted before " + reach.from + ", " + reach.added + " of "
                        + basisName() + " added from " + reach.from + " gives " + reach.at);
    }

    private List<String> versionsUsed() {
        LinkedHashSet<String> versions = new LinkedHashSet<>();
        history.forEach(fact -> {
            String version = versionNamed(fact);
            if (version != null) {
                versions.add(version);
            }
        });
        return List.copyOf(versions);
    }

    private static String versionNamed(Object fact) {
        if (fact instanceof SlaClockStarted e) {
            return e.calendarVersion();
        }
        if (fact instanceof SlaClockResumed e) {
            return e.calendarVersion();
        }
        if (fact instanceof SlaClockRetargeted e) {
            return e.calendarVersion();
        }
        return null;
    }

    private String versionOf(Segment segment) {
        return budget.basis == TimeBasis.CALENDAR ? null : segment.version;
    }

    private String basisName() {
        return budget.basis == TimeBasis.CALENDAR ? "calendar time" : "working time";
    }

    private Duration measure(Instant from, Instant to, String versionId) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        return budget.basis == TimeBasis.CALENDAR ? Duration.between(from, to)
                : calendar.require(versionId).workingTimeBetween(from, to);
    }

    private Instant add(Instant from, Duration amount, String versionId) {
        if (amount.isNegative()) {
            amount = Duration.ZERO;
        }
        return budget.basis == TimeBasis.CALENDAR ? from.plus(amount)
                : calendar.require(versionId).addWorkingTime(from, amount);
    }

    private Duration warnShare() {
        return budget.amount.multipliedBy(warningPercent).dividedBy(100);
    }

    private void closeSegment(Instant at) {
        Segment last = lastSegment();
        if (last.to == null) {
            segments.set(segments.size() - 1, new Segment(last.from, at, last.version));
        }
    }

    private Segment lastSegment() {
        return segments.get(segments.size() - 1);
    }

    private SlaClock probeWith(Object fact) {
        SlaClock probe = replay(history, calendar);
        probe.apply(fact);
        return probe;
    }

    private void requireOpen(Instant at) {
        if (fulfilledAt != null) {
            throw new IllegalStateException("Clock " + clockId + " is fulfilled");
        }
        Instant last = lastFactAt();
        if (at.isBefore(last)) {
            throw new IllegalArgumentException("Clock " + clockId + " facts go forward in time: " + at + " < " + last);
        }
    }

    private void requireRunning(Instant at) {
        requireOpen(at);
        if (pausedFor != null) {
            throw new IllegalStateException("Clock " + clockId + " is paused");
        }
    }

    private Instant lastFactAt() {
        Segment last = lastSegment();
        return last.to != null && last.to.isAfter(last.from) ? last.to : last.from;
    }

    private static String describe(SlaMetric metric, String priority, SlaTarget target, int warningPercent) {
        return metric + " for " + priority + ": " + target.amount() + " " + target.basis()
                + ", warning at " + warningPercent + " %";
    }

    private record Segment(Instant from, Instant to, String version) {
    }

    private record Budget(TimeBasis basis, Duration amount, SlaStep conversionStep) {
        java.util.Optional<SlaStep> conversion() {
            return java.util.Optional.ofNullable(conversionStep);
        }
    }

    private record Reach(Instant at, Instant from, Duration counted, Duration added, String version) {
    }
}
