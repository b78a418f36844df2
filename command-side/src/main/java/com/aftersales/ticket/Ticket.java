package com.aftersales.ticket;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.aftersales.access.Caller;
import com.aftersales.infra.tenancy.Role;
import com.aftersales.infra.tenancy.Tenant;
import com.aftersales.infra.tenancy.TenantDirectory;
import com.aftersales.refusal.RefusalCode;
import com.aftersales.refusal.RefusedException;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.time.Clock;
import java.time.Instant;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A customer's after-sales request 工单, from registration on. Validates, then applies events;
 * state changes only in the event-sourcing handlers. Fields are visible to Jackson for snapshots.
 */
@Aggregate(snapshotTriggerDefinition = "ticketSnapshotTrigger", cache = "ticketCache")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class Ticket {

    @AggregateIdentifier
    private String ticketId;
    private String tenantId;
    private String number;
    private TicketStatus status;
    private boolean acknowledged;

    protected Ticket() {
    }

    @CommandHandler
    public Ticket(OpenTicket command, MetaData metaData, TenantDirectory tenants, TicketNumbers numbers, Clock clock) {
        Caller caller = Caller.from(metaData);
        caller.requireAnyOf(Role.TICKET_OPENERS);
        Tenant tenant = tenants.find(caller.tenantId()).orElseThrow(() -> new RefusedException(RefusalCode.TENANT_UNKNOWN));
        RegistrationRules.check(command.registration(), tenant);
        Instant now = clock.instant();
        String number = numbers.next(tenant.id(), now);
        CurrentUnitOfWork.ifStarted(unitOfWork -> unitOfWork.onRollback(
                rolledBack -> numbers.release(tenant.id(), number, "registration of " + command.ticketId() + " failed")));
        apply(new TicketOpened(command.ticketId(), tenant.id(), number, command.registration(), caller.actorId(), now));
    }

    @CommandHandler
    public void handle(AcknowledgeTicket command, MetaData metaData, Clock clock) {
        Caller caller = Caller.from(metaData);
        assertSameTenant(caller);
        caller.requireAnyOf(Role.TICKET_OPENERS);
        if (acknowledged) {
            throw new RefusedException(RefusalCode.TICKET_ALREADY_ACKNOWLEDGED);
        }
        if (command.promisedResponseBy() == null || command.channel() == null) {
            throw new RefusedException(RefusalCode.ACKNOWLEDGEMENT_INCOMPLETE);
        }
        apply(new TicketAcknowledged(ticketId, number, command.promisedResponseBy(), command.channel(),
                caller.actorId(), clock.instant()));
    }

    @EventSourcingHandler
    void on(TicketOpened event) {
        this.ticketId = event.ticketId();
        this.tenantId = event.tenantId();
        this.number = event.number();
        this.status = TicketStatus.REGISTERED;
    }

    @EventSourcingHandler
    void on(TicketAcknowledged event) {
        this.acknowledged = true;
    }

    /** Another tenant's ticket is answered exactly like a missing one. */
    void assertSameTenant(Caller caller) {
        if (!tenantId.equals(caller.tenantId())) {
            throw new RefusedException(RefusalCode.TICKET_NOT_FOUND);
        }
    }
}
