package com.aftersales.privacy;

import com.aftersales.infra.tenancy.CallerMetaData;
import com.aftersales.privacy.PrivacyEvents.DataSubjectErased;
import com.aftersales.privacy.PrivacyEvents.SubjectHoldReleased;
import com.aftersales.privacy.PrivacyEvents.TicketHoldPlaced;
import com.aftersales.privacy.PrivacyEvents.TicketHoldReleased;
import com.aftersales.privacy.PrivacyEvents.TicketPersonalDataDisposed;
import com.aftersales.ticket.HandlingEvents.TicketArchived;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MetaDataValue;

/**
 * Keeps each archived ticket's disposal timer at its first disposal run after retention: set on
 * archiving and on the release of a hold, cancelled by a hold, a disposal or an erasure. Each event
 * re-reads the ticket's stored facts, so the last one wins. A tracking processor: facts stored while
 * no node ran still set their timers when one starts. A change of the tenant's retention is not
 * followed here: the ticket checks its retention again when the timer fires, and sets it later if
 * the retention was extended.
 */
@ProcessingGroup(DisposalScheduler.PROCESSING_GROUP)
public class DisposalScheduler {

    public static final String PROCESSING_GROUP = "ticket-disposal";

    private final DisposalTimers timers;
    private final SubjectKeyring keyring;

    public DisposalScheduler(DisposalTimers timers, SubjectKeyring keyring) {
        this.timers = timers;
        this.keyring = keyring;
    }

    @EventHandler
    void on(TicketArchived event, @MetaDataValue(CallerMetaData.TENANT) String tenant) {
        sync(tenant, event.ticketId());
    }

    @EventHandler
    void on(TicketHoldPlaced event, @MetaDataValue(CallerMetaData.TENANT) String tenant) {
        sync(tenant, event.ticketId());
    }

    @EventHandler
    void on(TicketHoldReleased event, @MetaDataValue(CallerMetaData.TENANT) String tenant) {
        sync(tenant, event.ticketId());
    }

    @EventHandler
    void on(TicketPersonalDataDisposed event, @MetaDataValue(CallerMetaData.TENANT) String tenant) {
        timers.cancel(tenant, event.ticketId());
    }

    /** A subject's hold makes each ticket's disposal a no-op when due; its release sets them again. */
    @EventHandler
    void on(SubjectHoldReleased event) {
        keyring.keys().ticketsOf(event.tenantId(), event.subjectId()).forEach(ticketId -> sync(event.tenantId(), ticketId));
    }

    @EventHandler
    void on(DataSubjectErased event) {
        event.tickets().forEach(ticketId -> timers.cancel(event.tenantId(), ticketId));
    }

    private void sync(String tenantId, String ticketId) {
        timers.sync(tenantId, ticketId);
    }
}
