package com.aftersales.ticket.search;

import com.aftersales.infra.tenancy.CallerMetaData;
import com.aftersales.privacy.PrivacyEvents.DataSubjectErased;
import com.aftersales.privacy.PrivacyEvents.TicketPersonalDataDisposed;
import com.aftersales.ticket.HandlingEvents.ResolutionAccepted;
import com.aftersales.ticket.HandlingEvents.ResolutionRejected;
import com.aftersales.sla.SlaClockEvents.SlaClockBreached;
import com.aftersales.sla.SlaClockEvents.SlaClockFulfilled;
import com.aftersales.sla.SlaClockEvents.SlaClockPaused;
import com.aftersales.sla.SlaClockEvents.SlaClockResumed;
import com.aftersales.sla.SlaClockEvents.SlaClockRetargeted;
import com.aftersales.sla.SlaClockEvents.SlaClockStarted;
import com.aftersales.sla.SlaClockEvents.SlaClockWarned;
import com.aftersales.ticket.HandlingEvents.TicketArchived;
import com.aftersales.ticket.HandlingEvents.TicketEscalated;
import com.aftersales.ticket.HandlingEvents.TicketResolved;
import com.aftersales.ticket.LifecycleEvents.AssignmentAccepted;
import com.aftersales.ticket.LifecycleEvents.CoHandlerAdded;
import com.aftersales.ticket.LifecycleEvents.InformationSupplied;
import com.aftersales.ticket.LifecycleEvents.TicketAssigned;
import com.aftersales.ticket.LifecycleEvents.TicketClassified;
import com.aftersales.ticket.LifecycleEvents.TicketReassigned;
import com.aftersales.ticket.LifecycleEvents.TicketRouted;
import com.aftersales.ticket.LifecycleEvents.TicketSentBack;
import com.aftersales.ticket.TicketOpened;
import com.aftersales.ticket.TicketStatus;
import java.util.List;
import java.util.function.UnaryOperator;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Feeds the tenants' search indexes from the event stream, on its own tracking processor whose
 * position is committed with the indexes (see {@link TicketSearchIndexes}). Only events that
 * change what lists filter, sort or search on are handled; each is applied once per ticket, by
 * version.
 */
@Component
@ProcessingGroup(TicketSearchProjection.PROCESSING_GROUP)
public class TicketSearchProjection {

    public static final String PROCESSING_GROUP = "ticket-search";
    private static final String TENANT = CallerMetaData.TENANT;

    private static final Logger LOG = LoggerFactory.getLogger(TicketSearchProjection.class);

    private final TicketSearchIndexes indexes;

    public TicketSearchProjection(TicketSearchIndexes indexes) {
        this.indexes = indexes;
    }

    @EventHandler
    void on(TicketOpened event, @SequenceNumber long sequence) {
        if (indexes.find(event.tenantId(), event.ticketId()).isEmpty()) {
            indexes.write(IndexedTicket.opened(event, sequence, indexes::words));
        }
    }

    @EventHandler
    void on(TicketClassified event, @SequenceNumber long sequence, @MetaDataValue(TENANT) String tenantId) {
        apply(tenantId, event.ticketId(), sequence, ticket -> ticket.classified(event.type(), event.priority()));
    }

    @EventHandler
    void on(TicketAssigned event, @SequenceNumber long sequence, @MetaDataValue(TENANT) String tenantId) {
        apply(tenantId, event.ticketId(), sequence,
                ticket -> ticket.assigned(event.department(), event.assigneeId(), List.of()));
    }

    @EventHandler
    void on(TicketRouted event, @SequenceNumber long sequence, @MetaDataValue(TENANT) String tenantId) {
        apply(tenantId, event.ticketId(), sequence, ticket -> event.assigneeId() == null
                ? ticket.inDepartment(event.department()) : ticket.assigned(event.department(), event.assigneeId(), List.of()));
    }

    @EventHandler
    void on(TicketReassigned event, @SequenceNumber long sequence, @MetaDataValue(TENANT) String tenantId) {
        apply(tenantId, event.ticketId(), sequence,
                ticket -> ticket.assigned(event.department(), event.assigneeId(), ticket.coHandlers()));
    }

    @EventHandler
    void on(CoHandlerAdded event, @SequenceNumber long sequence, @MetaDataValue(TENANT) String tenantId) {
        apply(tenantId, event.ticketId(), sequence, ticket -> ticket.withCoHandler(event.handlerId()));
    }

    @EventHandler
    void on(AssignmentAccepted event, @SequenceNumber long sequence, @MetaDataValue(TENANT) String tenantId) {
        apply(tenantId, event.ticketId(), sequence, ticket -> ticket.withStatus(TicketStatus.IN_PROGRESS));
    }

    @EventHandler
    void on(TicketSentBack event, @SequenceNumber long sequence, @MetaDataValue(TENANT) String tenantId) {
        apply(tenantId, event.ticketId(), sequence,
                ticket -> ticket.withStatus(TicketStatus.RETURNED_FOR_INFORMATION));
    }

    @EventHandler
    void on(InformationSupplied event, @SequenceNumber long sequence, @MetaDataValue(TENANT) String tenantId) {
        apply(tenantId, event.ticketId(), sequence, ticket -> ticket.withStatus(TicketStatus.ASSIGNED));
    }

    @EventHandler
    void on(TicketResolved event, @SequenceNumber long sequence, @MetaDataValue(TENANT) String tenantId) {
        apply(tenantId, event.ticketId(), sequence, ticket -> ticket.withStatus(TicketStatus.RESOLVED));
    }

    @EventHandler
    void on(ResolutionAccepted event, @SequenceNumber long sequence, @MetaDataValue(TENANT) String tenantId) {
        apply(tenantId, event.ticketId(), sequence, ticket -> ticket.withStatus(TicketStatus.CLOSED));
    }

    @EventHandler
    void on(ResolutionRejected event, @SequenceNumber long sequence, @MetaDataValue(TENANT) String tenantId) {
        apply(tenantId, event.ticketId(), sequence, ticket -> ticket.withStatus(TicketStatus.IN_PROGRESS));
    }

    @EventHandler
    void on(TicketArchived event, @SequenceNumber long sequence, @MetaDataValue(TENANT) String tenantId) {
        apply(tenantId, event.ticketId(), sequence, ticket -> ticket.withStatus(TicketStatus.ARCHIVED));
    }

    @EventHandler
    void on(TicketEscalated event, @SequenceNumber long sequence, @MetaDataValue(TENANT) String tenantId) {
        apply(tenantId, event.ticketId(), sequence, ticket -> ticket.withSla(sla -> sla.escalated(event.to().name())));
    }

    // SLA clocks: the at-risk and breached queues and the order by next due time (docs/sla.md, "Views")

    @EventHandler
    void on(SlaClockStarted event, @SequenceNumber long sequence, @MetaDataValue(TENANT) String tenantId) {
        apply(tenantId, event.ticketId(), sequence,
                ticket -> ticket.withSla(sla -> sla.started(event.clockId(), event.dueAt())));
    }

    @EventHandler
    void on(SlaClockPaused event, @SequenceNumber long sequence, @MetaDataValue(TENANT) String tenantId) {
        apply(tenantId, event.ticketId(), sequence,
                ticket -> ticket.withSla(sla -> sla.paused(event.clockId(), event.at())));
    }

    @EventHandler
    void on(SlaClockResumed event, @SequenceNumber long sequence, @MetaDataValue(TENANT) String tenantId) {
        apply(tenantId, event.ticketId(), sequence,
                ticket -> ticket.withSla(sla -> sla.resumed(event.clockId(), event.dueAt(), event.warnAt(), event.at())));
    }

    @EventHandler
    void on(SlaClockRetargeted event, @SequenceNumber long sequence, @MetaDataValue(TENANT) String tenantId) {
        apply(tenantId, event.ticketId(), sequence,
                ticket -> ticket.withSla(sla -> sla.retargeted(event.clockId(), event.dueAt(), event.warnAt(), event.at())));
    }

    @EventHandler
    void on(SlaClockWarned event, @SequenceNumber long sequence, @MetaDataValue(TENANT) String tenantId) {
        apply(tenantId, event.ticketId(), sequence, ticket -> ticket.withSla(sla -> sla.warned(event.clockId())));
    }

    @EventHandler
    void on(SlaClockBreached event, @SequenceNumber long sequence, @MetaDataValue(TENANT) String tenantId) {
        apply(tenantId, event.ticketId(), sequence, ticket -> ticket.withSla(sla -> sla.breached(event.clockId())));
    }

    @EventHandler
    void on(SlaClockFulfilled event, @SequenceNumber long sequence, @MetaDataValue(TENANT) String tenantId) {
        apply(tenantId, event.ticketId(), sequence, ticket -> ticket.withSla(sla -> sla.fulfilled(event.clockId())));
    }

    /** Issue 13: the customer can no longer be found by name, phone, id or the words of the problem. */
    @EventHandler
    void on(TicketPersonalDataDisposed event, @SequenceNumber long sequence, @MetaDataValue(TENANT) String tenantId) {
        if (tenantId != null) {
            indexes.erase(tenantId, event.ticketId(), sequence);
        }
    }

    @EventHandler
    void on(DataSubjectErased event) {
        event.tickets().forEach(ticketId -> indexes.erase(event.tenantId(), ticketId, null));
    }

    /**
     * Every handled event is a ticket event, which enters with its tenant: one without fails (and is
     * dead-lettered) rather than being dropped. A ticket the index lacks cannot take the change; it
     * is logged, not skipped silently (its opening is always applied before, in the ticket's order).
     */
    private void apply(String tenantId, String ticketId, long sequence, UnaryOperator<IndexedTicket> change) {
        if (tenantId == null) {
            throw new IllegalStateException("A ticket event without a tenant, ticket " + ticketId + " at " + sequence);
        }
        indexes.find(tenantId, ticketId).ifPresentOrElse(ticket -> {
            if (ticket.version() < sequence) {
                indexes.write(change.apply(ticket).at(sequence));
            }
        }, () -> LOG.warn("Ticket {} of tenant {} is not in the search index: event {} not applied",
                ticketId, tenantId, sequence));
    }
}
