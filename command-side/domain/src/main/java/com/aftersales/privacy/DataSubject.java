package com.aftersales.privacy;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.aftersales.access.Caller;
import com.aftersales.infra.tenancy.Role;
import com.aftersales.infra.tenancy.Tenant;
import com.aftersales.infra.tenancy.TenantDirectory;
import com.aftersales.privacy.PrivacyCommands.EraseSubject;
import com.aftersales.privacy.PrivacyCommands.PlaceSubjectHold;
import com.aftersales.privacy.PrivacyCommands.ReleaseSubjectHold;
import com.aftersales.privacy.PrivacyEvents.DataSubjectErased;
import com.aftersales.privacy.PrivacyEvents.SubjectHoldPlaced;
import com.aftersales.privacy.PrivacyEvents.SubjectHoldReleased;
import com.aftersales.privacy.TicketRecords.RetainedTicket;
import com.aftersales.refusal.Refusal;
import com.aftersales.refusal.RefusalCode;
import com.aftersales.refusal.RefusedException;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A data subject (a customer within a tenant, id from {@code SubjectKeys}): its legal hold and its
 * erasure. Every command may meet a subject never acted on before; a refused one stores nothing.
 */
@Aggregate
public class DataSubject {

    private static final Set<Role> ADMINS = EnumSet.of(Role.TENANT_ADMIN);
    /** Erasure may also be asked by the platform on a tenant's behalf. */
    private static final Set<Role> ERASERS = EnumSet.of(Role.TENANT_ADMIN, Role.PLATFORM_ADMIN);

    @AggregateIdentifier
    private String subjectId;
    private String tenantId;
    private boolean onHold;
    private boolean erased;

    protected DataSubject() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(PlaceSubjectHold command, MetaData metaData, Clock clock, SubjectKeyring keyring) {
        Caller caller = callerFor(metaData, ADMINS);
        requireOwned(caller, command.subjectId(), keyring);
        requireReason(command.reason());
        if (erased) {
            throw new RefusedException(RefusalCode.SUBJECT_ALREADY_ERASED);
        }
        if (onHold) {
            throw new RefusedException(RefusalCode.ALREADY_ON_HOLD);
        }
        apply(new SubjectHoldPlaced(command.subjectId(), caller.tenantId(), command.reason(), caller.actorId(),
                clock.instant()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(ReleaseSubjectHold command, MetaData metaData, Clock clock, SubjectKeyring keyring) {
        Caller caller = callerFor(metaData, ADMINS);
        requireOwned(caller, command.subjectId(), keyring);
        requireReason(command.reason());
        if (!onHold) {
            throw new RefusedException(RefusalCode.NOT_ON_HOLD);
        }
        apply(new SubjectHoldReleased(subjectId, tenantId, command.reason(), caller.actorId(), clock.instant()));
    }

    /**
     * Refused, changing nothing, while the subject or any of its tickets is on hold, or a ticket is
     * not archived or inside its retention period. The tickets are the subject's as linked now, read
     * here rather than taken from the sender, and exactly those are shredded: a ticket linked after
     * this read keeps its key. Keys are destroyed once the erasure is stored (after commit here, and
     * by {@link KeyShredder} from the event, idempotently), never for an erasure that failed to store.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public List<String> handle(EraseSubject command, MetaData metaData, Clock clock, TenantDirectory tenants,
                               TicketRecords records, Retention retention, SubjectKeyring keyring) {
        Caller caller = callerFor(metaData, ERASERS);
        List<String> linked = requireOwned(caller, command.subjectId(), keyring);
        requireReason(command.reason());
        if (erased) {
            throw new RefusedException(RefusalCode.SUBJECT_ALREADY_ERASED);
        }
        if (onHold) {
            throw new RefusedException(Refusal.of(RefusalCode.ERASURE_ON_HOLD, "subject", command.subjectId()));
        }
        Tenant tenant = tenants.find(caller.tenantId()).orElseThrow(() -> new RefusedException(RefusalCode.TENANT_UNKNOWN));
        Instant now = clock.instant();
        // a link without a stored ticket (a registration refused after linking) has nothing to erase or shred
        List<RetainedTicket> stored = linked.stream().flatMap(ticketId -> records.ticket(ticketId)
                .filter(t -> caller.tenantId().equals(t.tenantId())).stream()).toList();
        stored.forEach(ticket -> checkErasable(ticket, tenant, retention, now));
        List<String> tickets = stored.stream().map(RetainedTicket::ticketId).toList();
        apply(new DataSubjectErased(command.subjectId(), caller.tenantId(), command.reason(), tickets,
                caller.actorId(), now));
        String tenantId = caller.tenantId();
        CurrentUnitOfWork.get().afterCommit(unitOfWork ->
                keyring.keys().shredSubject(tenantId, command.subjectId(), tickets));
        return tickets;
    }

    /**
     * The subject's tickets, the proof that the subject is the caller tenant's: subject ids come from
     * the tenant's own key store, so another tenant's (or an unknown) subject is answered as missing
     * before anything is stored on its stream.
     */
    private static List<String> requireOwned(Caller caller, String subjectId, SubjectKeyring keyring) {
        List<String> tickets = keyring.keys().ticketsOf(caller.tenantId(), subjectId);
        if (tickets.isEmpty()) {
            throw new RefusedException(RefusalCode.SUBJECT_NOT_FOUND);
        }
        return tickets;
    }

    private static void checkErasable(RetainedTicket ticket, Tenant tenant, Retention retention, Instant now) {
        if (ticket.onHold()) {
            throw new RefusedException(Refusal.of(RefusalCode.ERASURE_ON_HOLD, "ticket", ticket.number()));
        }
        if (ticket.archivedAt() == null) {
            throw new RefusedException(Refusal.of(RefusalCode.ERASURE_TICKET_NOT_ARCHIVED, "ticket", ticket.number()));
        }
        Instant end = retention.retentionEnd(tenant, tenant.isComplaint(ticket.type()), ticket.archivedAt());
        if (end.isAfter(now)) {
            Map<String, Object> arguments = new LinkedHashMap<>();
            arguments.put("ticket", ticket.number());
            arguments.put("until", end.toString());
            throw new RefusedException(new Refusal(RefusalCode.ERASURE_WITHIN_RETENTION, arguments));
        }
    }

    /** The caller's tenant owns the subject: another tenant's subject is answered as missing. */
    private Caller callerFor(MetaData metaData, Set<Role> allowed) {
        Caller caller = Caller.from(metaData);
        caller.requireAnyOf(allowed);
        if (tenantId != null && !tenantId.equals(caller.tenantId())) {
            throw new RefusedException(RefusalCode.SUBJECT_NOT_FOUND);
        }
        return caller;
    }

    private static void requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new RefusedException(RefusalCode.REASON_REQUIRED);
        }
    }

    @EventSourcingHandler
    void on(SubjectHoldPlaced event) {
        this.subjectId = event.subjectId();
        this.tenantId = event.tenantId();
        this.onHold = true;
    }

    @EventSourcingHandler
    void on(SubjectHoldReleased event) {
        this.onHold = false;
    }

    @EventSourcingHandler
    void on(DataSubjectErased event) {
        this.subjectId = event.subjectId();
        this.tenantId = event.tenantId();
        this.erased = true;
    }
}
