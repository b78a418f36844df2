package com.aftersales.ticket;

import static com.aftersales.sla.SlaMetric.COMPLAINT_FEEDBACK;
import static com.aftersales.sla.SlaMetric.COMPLAINT_SECOND_RESULT;
import static com.aftersales.sla.SlaMetric.CUSTOMER_UPDATE;
import static com.aftersales.sla.SlaMetric.ESCALATION;
import static com.aftersales.sla.SlaMetric.FIRST_RESPONSE;
import static com.aftersales.sla.SlaMetric.RESOLUTION;
import static com.aftersales.sla.SlaMetric.SECOND_HANDLING;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.aftersales.access.Caller;
import com.aftersales.refusal.RefusalCode;
import com.aftersales.refusal.RefusedException;
import com.aftersales.sla.PauseReason;
import com.aftersales.sla.SlaClock;
import com.aftersales.sla.SlaFacts;
import com.aftersales.sla.SlaClockEvents.SlaClockBreached;
import com.aftersales.sla.SlaClockEvents.SlaClockFulfilled;
import com.aftersales.sla.SlaClockEvents.SlaClockPaused;
import com.aftersales.sla.SlaClockEvents.SlaClockResumed;
import com.aftersales.sla.SlaClockEvents.SlaClockRetargeted;
import com.aftersales.sla.SlaClockEvents.SlaClockStarted;
import com.aftersales.sla.SlaClockEvents.SlaClockWarned;
import com.aftersales.sla.SlaMetric;
import com.aftersales.sla.SlaPolicy;
import com.aftersales.sla.SlaSettings;
import com.aftersales.sla.WorkingCalendar;
import com.aftersales.ticket.HandlingCommands.EscalationLevel;
import com.aftersales.ticket.HandlingEvents.TicketEscalated;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.axonframework.eventsourcing.EventSourcingHandler;

/**
 * The ticket's SLA clocks (docs/sla.md): which ticket command starts, pauses, resumes, re-targets
 * and fulfils which clock. Part of the {@link Ticket} aggregate; the ticket's handlers call it after
 * applying their own event, this keeps the clock facts and decides the next ones with
 * {@link SlaClock}, reading policy and calendar through {@link SlaSettings}.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
class TicketClocks {

    static final String SYSTEM = com.aftersales.sla.SlaCommands.TIMER_ACTOR_KIND;
    /** SPEC §6, §7: the result of a second handling, and a complaint's second result, within 3 working days. */
    static final int SECOND_HANDLING_WORKING_DAYS = 3;
    private static final Set<SlaMetric> REGISTRATION = EnumSet.of(FIRST_RESPONSE, CUSTOMER_UPDATE, RESOLUTION);
    private static final Set<SlaMetric> COMPLAINT = EnumSet.of(COMPLAINT_FEEDBACK, COMPLAINT_SECOND_RESULT);
    /**
     * Waiting for parts or a third party stops neither the customer updates (tell the customer early)
     * nor the escalation clock (what the handler cannot solve alone is escalated, SPEC §5).
     */
    private static final Set<SlaMetric> KEEP_RUNNING_WHILE_WAITING = EnumSet.of(CUSTOMER_UPDATE, ESCALATION);
    private static final Map<String, PauseReason> WAITING_PROGRESS = Map.of(
            "waiting-for-customer", PauseReason.WAITING_FOR_CUSTOMER,
            "parts-procurement", PauseReason.WAITING_FOR_PARTS,
            "waiting-for-third-party", PauseReason.WAITING_FOR_THIRD_PARTY);

    String ticketId;
    String tenantId;
    Instant openedAt;
    boolean registeredWithoutPriority;
    /** The highest level the ticket was escalated to, by staff or on a breach. */
    EscalationLevel escalatedTo;
    /** Every clock fact in the order applied, typed so that a snapshot reads them back. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.CLASS)
    final List<Object> facts = new ArrayList<>();

    /** Registration starts first response, customer update and (when the policy has one) resolution. */
    void registered(String priority, SlaSettings settings, Instant at) {
        REGISTRATION.forEach(metric -> start(metric, priority, settings, at));
    }

    /**
     * A priority change re-targets the open clocks; a ticket registered without a priority starts
     * its clocks now, counted from its registration.
     */
    void classified(String priority, SlaSettings settings, Instant at) {
        if (priority == null) {
            return;
        }
        if (facts.isEmpty() && registeredWithoutPriority) {
            registered(priority, settings, openedAt);
            return;
        }
        SlaPolicy policy = settings.policy(tenantId);
        open(settings).stream()
                .filter(clock -> !priority.equals(clock.priority()) && policy.target(priority, clock.metric()).isPresent())
                .forEach(clock -> apply(clock.retarget(priority, policy, at)));
    }

    /**
     * The assignee's first acceptance starts the escalation clock: not solved within its target (24 h),
     * the ticket is escalated. A later acceptance (after a reassignment) does not restart it: the
     * customer's wait does not start again with a new handler.
     */
    void accepted(String priority, SlaSettings settings, Instant at) {
        if (started(ESCALATION) == 0) {
            start(ESCALATION, priority, settings, at);
        }
    }

    /** A contact, diagnosis or resolution that reaches the customer is the first response. */
    void responded(SlaSettings settings, Instant at) {
        fulfil(EnumSet.of(FIRST_RESPONSE), settings, at);
    }

    /** Each customer update fulfils the running update clock and, while the ticket is open, starts the next. */
    void customerUpdated(String priority, boolean ticketOpen, SlaSettings settings, Instant at) {
        boolean updating = started(CUSTOMER_UPDATE) > 0;
        fulfil(EnumSet.of(FIRST_RESPONSE, CUSTOMER_UPDATE), settings, at);
        if (ticketOpen && updating) {
            start(CUSTOMER_UPDATE, priority, settings, at);
        }
    }

    /** The progress states that wait on someone outside the staff pause; any other resumes. */
    void progressSet(String progress, SlaSettings settings, Instant at) {
        Optional.ofNullable(WAITING_PROGRESS.get(progress)).ifPresentOrElse(
                reason -> waitFor(reason, settings, at), () -> resume(settings, at));
    }

    /**
     * Waiting for the customer stops every clock; waiting for parts or a third party stops all but the
     * customer updates (SPEC §5: tell the customer early). A clock paused for another reason is
     * resumed and paused again with this one.
     */
    void waitFor(PauseReason reason, SlaSettings settings, Instant at) {
        for (SlaClock clock : open(settings)) {
            PauseReason current = clock.pauseReason();
            boolean stops = reason == PauseReason.WAITING_FOR_CUSTOMER || !KEEP_RUNNING_WHILE_WAITING.contains(clock.metric());
            if (current == reason || (current == null && !stops)) {
                continue;
            }
            if (current != null) {
                SlaClockResumed resumed = clock.resume(at);
                apply(resumed);
                clock.apply(resumed);
            }
            if (stops) {
                apply(clock.pause(reason, at));
            }
        }
    }

    void resume(SlaSettings settings, Instant at) {
        open(settings).stream().filter(SlaClock::isPaused).forEach(clock -> apply(clock.resume(at)));
    }

    /** A proposed resolution fulfils the resolution and second-handling clocks; a complaint's feedback form is due. */
    void resolved(String priority, boolean complaint, SlaSettings settings, Instant at) {
        fulfil(EnumSet.of(FIRST_RESPONSE, RESOLUTION, SECOND_HANDLING, ESCALATION), settings, at);
        if (complaint) {
            start(COMPLAINT_FEEDBACK, priority, settings, at);
        }
    }

    /**
     * When the second handling's result is due: the due time of the SECOND_HANDLING clock a rejection
     * starts now, or without one (no priority, or no target for it) 3 working days on the tenant's calendar.
     */
    Instant secondHandlingDue(String priority, SlaSettings settings, Instant at) {
        return workingDaysDue(SECOND_HANDLING, priority, settings, at);
    }

    /** The same for a complaint's second result after an unsettled feedback form (SPEC §7: 3 working days). */
    Instant complaintSecondResultDue(String priority, SlaSettings settings, Instant at) {
        return workingDaysDue(COMPLAINT_SECOND_RESULT, priority, settings, at);
    }

    private Instant workingDaysDue(SlaMetric metric, String priority, SlaSettings settings, Instant at) {
        SlaPolicy policy = settings.policy(tenantId);
        WorkingCalendar calendar = settings.calendar(tenantId);
        if (priority != null && policy.target(priority, metric).isPresent()) {
            return SlaClock.start(ticketId, metric + "#0", metric, priority, policy, calendar, at).dueAt();
        }
        return calendar.versionAt(at).addWorkingDays(at, SECOND_HANDLING_WORKING_DAYS);
    }

    void resolutionRejected(String priority, SlaSettings settings, Instant at) {
        start(SECOND_HANDLING, priority, settings, at);
    }

    /** The form fulfils the feedback clock (and a pending second result); an unsettled form starts the second result. */
    void feedbackSubmitted(String priority, boolean secondResultDue, SlaSettings settings, Instant at) {
        fulfil(COMPLAINT, settings, at);
        if (secondResultDue) {
            start(COMPLAINT_SECOND_RESULT, priority, settings, at);
        }
    }

    /** Closing fulfils every clock but the complaint form's; archiving fulfils the rest. */
    void closed(SlaSettings settings, Instant at) {
        fulfil(EnumSet.complementOf(EnumSet.copyOf(COMPLAINT)), settings, at);
    }

    void archived(SlaSettings settings, Instant at) {
        fulfil(EnumSet.allOf(SlaMetric.class), settings, at);
    }

    /**
     * The warnings and breaches due by {@code now}; none twice. A breach escalates the ticket one level
     * (at most one per call). Only the timer (actor kind system) sends it.
     */
    void recordDeadlines(Caller caller, SlaSettings settings, Instant now) {
        if (!SYSTEM.equals(caller.actorKind())) {
            throw new RefusedException(RefusalCode.ROLE_NOT_ALLOWED);
        }
        SlaPolicy policy = settings.policy(tenantId);
        SlaClockBreached firstBreach = null;
        SlaClock breachedClock = null;
        for (SlaClock clock : open(settings)) {
            for (Object fact : clock.deadlineFacts(now)) {
                apply(fact);
                if (fact instanceof SlaClockBreached breached && firstBreach == null) {
                    firstBreach = breached;
                    breachedClock = clock;
                }
            }
        }
        if (firstBreach != null) {
            escalate(breachedClock, firstBreach, policy, caller.actorId(), now);
        }
    }

    /**
     * SPEC §5: an overdue ticket is escalated with the reason recorded, from its handler to the
     * supervisor, then to the department head (MANAGER); an overdue ticket of the highest level goes to
     * the department head at once. A ticket already with the department head is not escalated again.
     */
    private void escalate(SlaClock clock, SlaClockBreached breached, SlaPolicy policy, String by, Instant now) {
        boolean unsolved = clock.metric() == ESCALATION;
        boolean highest = !unsolved && !policy.levelNames().isEmpty() && policy.levelNames().get(0).equals(clock.priority());
        EscalationLevel to = escalatedTo == null && !highest ? EscalationLevel.SUPERVISOR : EscalationLevel.MANAGER;
        if (escalatedTo == EscalationLevel.MANAGER) {
            return;
        }
        apply(new TicketEscalated(ticketId, to, unsolved ? unsolvedReason(clock, breached) : "SLA breached: "
                + clock.clockId() + " (" + clock.priority() + ") was due " + breached.dueAt(), by, now));
    }

    private static String unsolvedReason(SlaClock clock, SlaClockBreached breached) {
        return "Not solved within " + clock.status(breached.at()).target().amount() + " of acceptance: "
                + clock.clockId() + " (" + clock.priority() + ") was due " + breached.dueAt();
    }

    /** The ticket's clocks recomputed from their facts, in the order they started. */
    List<SlaClock> clocks(WorkingCalendar calendar) {
        return SlaFacts.clocks(facts, calendar);
    }

    private List<SlaClock> open(SlaSettings settings) {
        return clocks(settings.calendar(tenantId)).stream().filter(SlaClock::isOpen).toList();
    }

    private void fulfil(Set<SlaMetric> metrics, SlaSettings settings, Instant at) {
        open(settings).stream().filter(clock -> metrics.contains(clock.metric()))
                .forEach(clock -> apply(clock.fulfil(at)));
    }

    private void start(SlaMetric metric, String priority, SlaSettings settings, Instant at) {
        SlaPolicy policy = settings.policy(tenantId);
        if (priority == null || policy.target(priority, metric).isEmpty()) {
            return;
        }
        String clockId = metric + "#" + (started(metric) + 1);
        apply(SlaClock.start(ticketId, clockId, metric, priority, policy, settings.calendar(tenantId), at));
    }

    private long started(SlaMetric metric) {
        return facts.stream().filter(f -> f instanceof SlaClockStarted s && s.metric() == metric).count();
    }

    @EventSourcingHandler
    void on(TicketOpened event) {
        ticketId = event.ticketId();
        tenantId = event.tenantId();
        openedAt = event.registeredAt();
        registeredWithoutPriority = event.registration().priority() == null;
    }

    @EventSourcingHandler
    void on(TicketEscalated event) {
        if (escalatedTo != EscalationLevel.MANAGER) {
            escalatedTo = event.to();
        }
    }

    @EventSourcingHandler
    void on(SlaClockStarted event) {
        facts.add(event);
    }

    @EventSourcingHandler
    void on(SlaClockPaused event) {
        facts.add(event);
    }

    @EventSourcingHandler
    void on(SlaClockResumed event) {
        facts.add(event);
    }

    @EventSourcingHandler
    void on(SlaClockRetargeted event) {
        facts.add(event);
    }

    @EventSourcingHandler
    void on(SlaClockWarned event) {
        facts.add(event);
    }

    @EventSourcingHandler
    void on(SlaClockFulfilled event) {
        facts.add(event);
    }

    @EventSourcingHandler
    void on(SlaClockBreached event) {
        facts.add(event);
    }
}
