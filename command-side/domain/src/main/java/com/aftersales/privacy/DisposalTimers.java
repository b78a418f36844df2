package com.aftersales.privacy;

import com.aftersales.infra.tenancy.CallerMetaData;
import com.aftersales.infra.timer.DurableTimers;
import com.aftersales.infra.timer.RoutedTimerHandler;
import com.aftersales.infra.timer.Timer;
import com.aftersales.privacy.PrivacyCommands.DisposeTicketPersonalData;
import com.aftersales.sla.SlaCommands;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import com.aftersales.infra.tenancy.TenantDirectory;
import org.axonframework.commandhandling.gateway.CommandGateway;

/**
 * The daily disposal job as one durable timer per archived ticket, due at the first disposal run
 * after its retention ends. The timer asks the ticket to dispose of its personal data, which it does
 * once; for a ticket whose retention was extended meanwhile (the tenant's policy changed) the timer
 * is set again at its new end.
 */
public final class DisposalTimers implements RoutedTimerHandler {

    public static final String PURPOSE = "purpose";
    public static final String DISPOSAL = "disposal";
    public static final String TICKET = "ticketId";
    /** The actor the disposals name. */
    public static final String ACTOR = "retention";

    private final DurableTimers timers;
    private final CommandGateway commands;
    private final TicketRecords records;
    private final TenantDirectory tenants;
    private final Retention retention;

    public DisposalTimers(DurableTimers timers, CommandGateway commands, TicketRecords records, TenantDirectory tenants,
                          Retention retention) {
        this.timers = timers;
        this.commands = commands;
        this.records = records;
        this.tenants = tenants;
        this.retention = retention;
    }

    /**
     * Sets the ticket's timer at its first disposal run after retention, as its stored facts and the
     * tenant's policy say now; cancels it when there is nothing to dispose of (not archived, on hold, disposed).
     */
    public Optional<Timer> sync(String tenantId, String ticketId) {
        Optional<Instant> run = nextRun(tenantId, ticketId);
        if (run.isEmpty()) {
            cancel(tenantId, ticketId);
            return Optional.empty();
        }
        return Optional.of(schedule(tenantId, ticketId, run.get()));
    }

    private Optional<Instant> nextRun(String tenantId, String ticketId) {
        var ticket = records.ticket(ticketId).filter(t -> tenantId.equals(t.tenantId())).orElse(null);
        if (ticket == null || ticket.archivedAt() == null || ticket.onHold() || ticket.disposed()) {
            return Optional.empty();
        }
        // an archived ticket's disposal is never dropped for a tenant this node does not know (yet): the
        // timer fires again, the scheduling event is retried or dead-lettered
        var tenant = tenants.find(tenantId).orElseThrow(() -> new IllegalStateException(
                "Tenant " + tenantId + " of archived ticket " + ticketId + " is unknown: its disposal is not scheduled"));
        boolean complaint = tenant.isComplaint(ticket.type());
        return Optional.of(retention.disposalRun(tenant, retention.retentionEnd(tenant, complaint, ticket.archivedAt())));
    }

    public static String timerId(String ticketId) {
        return DISPOSAL + "/" + ticketId;
    }

    public Timer schedule(String tenant, String ticketId, Instant at) {
        return timers.schedule(tenant, timerId(ticketId), at, Map.of(PURPOSE, DISPOSAL, TICKET, ticketId));
    }

    public void cancel(String tenant, String ticketId) {
        timers.cancel(tenant, timerId(ticketId));
    }

    @Override
    public boolean handles(Timer timer) {
        return DISPOSAL.equals(timer.payload().get(PURPOSE));
    }

    @Override
    public void fire(Timer timer) {
        String ticketId = timer.payload().get(TICKET);
        commands.sendAndWait(new DisposeTicketPersonalData(ticketId),
                CallerMetaData.of(timer.tenant(), ACTOR, SlaCommands.TIMER_ACTOR_KIND, List.of()));
        // still there: its retention was extended (a later run), or it or its subject is on hold (the release sets it)
        nextRun(timer.tenant(), ticketId).filter(run -> run.isAfter(timer.dueAt()))
                .ifPresent(run -> schedule(timer.tenant(), ticketId, run));
    }
}
