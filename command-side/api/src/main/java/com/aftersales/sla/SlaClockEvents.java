package com.aftersales.sla;

import com.aftersales.ticket.EventRevisions;
import java.time.Duration;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The facts of an SLA clock, events of the ticket (docs/sla.md, "Wiring"). A ticket can run several
 * clocks at once; {@code clockId} names one (e.g. {@code CUSTOMER_UPDATE#3}).
 * Each fact names the calendar version it was computed with; the due and warning times it carries
 * are what was computed then, so a later calendar never rewrites them.
 */
public final class SlaClockEvents {

    private SlaClockEvents() {
    }

    /** {@code priority}: the level whose policy gave the target; {@code warningPercent}: share of the target. */
    @Revision(EventRevisions.FIRST)
    public record SlaClockStarted(String ticketId, String clockId, SlaMetric metric, String priority,
                                  SlaTarget target, int warningPercent, Instant at, String calendarVersion,
                                  Instant dueAt, Instant warnAt) {
    }

    @Revision(EventRevisions.FIRST)
    public record SlaClockPaused(String ticketId, String clockId, PauseReason reason, Instant at,
                                 String calendarVersion) {
    }

    /** The clock counts again from {@code at}; the remaining time is counted in {@code calendarVersion}. */
    @Revision(EventRevisions.FIRST)
    public record SlaClockResumed(String ticketId, String clockId, Instant at, String calendarVersion,
                                  Instant dueAt, Instant warnAt) {
    }

    /** The priority changed: the new level's target replaces the old one, from the clock's start. */
    @Revision(EventRevisions.FIRST)
    public record SlaClockRetargeted(String ticketId, String clockId, String priority, SlaTarget target,
                                     int warningPercent, Instant at, String calendarVersion,
                                     Instant dueAt, Instant warnAt) {
    }

    @Revision(EventRevisions.FIRST)
    public record SlaClockWarned(String ticketId, String clockId, Instant at, Instant dueAt,
                                 String calendarVersion) {
    }

    /** {@code met}: fulfilled by the due time; {@code elapsed}: the time counted, in the target's basis. */
    @Revision(EventRevisions.FIRST)
    public record SlaClockFulfilled(String ticketId, String clockId, Instant at, boolean met, Duration elapsed,
                                    String calendarVersion) {
    }

    @Revision(EventRevisions.FIRST)
    public record SlaClockBreached(String ticketId, String clockId, Instant at, Instant dueAt,
                                   String calendarVersion) {
    }
}
