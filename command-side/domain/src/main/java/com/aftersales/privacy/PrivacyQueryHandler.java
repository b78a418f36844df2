package com.aftersales.privacy;

import com.aftersales.infra.privacy.SubjectKeys.SubjectIdentity;
import com.aftersales.infra.tenancy.Tenant;
import com.aftersales.infra.tenancy.TenantDirectory;
import com.aftersales.privacy.PrivacyQueries.FindSubjects;
import com.aftersales.privacy.PrivacyQueries.FindTicketRetention;
import com.aftersales.privacy.PrivacyQueries.SubjectRetention;
import com.aftersales.privacy.PrivacyQueries.TicketRetention;
import com.aftersales.privacy.TicketRecords.RetainedTicket;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;

/** Retention and holds as the stored facts and the tenant's policy give them now. */
public class PrivacyQueryHandler {

    private final TicketRecords records;
    private final Retention retention;
    private final TenantDirectory tenants;
    private final SubjectKeyring keyring;

    public PrivacyQueryHandler(TicketRecords records, Retention retention, TenantDirectory tenants,
                               SubjectKeyring keyring) {
        this.records = records;
        this.retention = retention;
        this.tenants = tenants;
        this.keyring = keyring;
    }

    @QueryHandler
    public List<SubjectRetention> subjects(FindSubjects query) {
        SubjectIdentity probe = new SubjectIdentity(query.customerId(), query.phone(), query.email());
        return keyring.keys().find(query.tenantId(), probe).stream().sorted()
                .map(subject -> new SubjectRetention(subject, records.subjectOnHold(subject),
                        keyring.keys().ticketsOf(query.tenantId(), subject).stream()
                                .map(ticketId -> ticket(query.tenantId(), ticketId))
                                .flatMap(Optional::stream).toList()))
                .toList();
    }

    @QueryHandler
    public Optional<TicketRetention> ticket(FindTicketRetention query) {
        return ticket(query.tenantId(), query.ticketId());
    }

    private Optional<TicketRetention> ticket(String tenantId, String ticketId) {
        Optional<Tenant> tenant = tenants.find(tenantId);
        return records.ticket(ticketId).filter(t -> tenantId.equals(t.tenantId()) && tenant.isPresent())
                .map(t -> retentionOf(t, tenant.get()));
    }

    private TicketRetention retentionOf(RetainedTicket ticket, Tenant tenant) {
        if (ticket.archivedAt() == null) {
            return new TicketRetention(ticket.ticketId(), ticket.number(), null, null, null, ticket.onHold(),
                    ticket.disposed());
        }
        Instant end = retention.retentionEnd(tenant, tenant.isComplaint(ticket.type()), ticket.archivedAt());
        return new TicketRetention(ticket.ticketId(), ticket.number(), ticket.archivedAt(), end,
                retention.disposalRun(tenant, end), ticket.onHold(), ticket.disposed());
    }
}
