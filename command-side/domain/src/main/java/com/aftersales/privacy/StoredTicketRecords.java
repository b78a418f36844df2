package com.aftersales.privacy;

import com.aftersales.privacy.PrivacyEvents.SubjectHoldPlaced;
import com.aftersales.privacy.PrivacyEvents.SubjectHoldReleased;
import com.aftersales.privacy.PrivacyEvents.TicketHoldPlaced;
import com.aftersales.privacy.PrivacyEvents.TicketHoldReleased;
import com.aftersales.privacy.PrivacyEvents.TicketPersonalDataDisposed;
import com.aftersales.ticket.HandlingEvents.TicketArchived;
import com.aftersales.ticket.LifecycleEvents.TicketClassified;
import com.aftersales.ticket.TicketOpened;
import java.util.Optional;
import org.axonframework.eventsourcing.eventstore.EventStore;

/** {@link TicketRecords} from the event store: one stream read by the ticket's (or subject's) id. */
public final class StoredTicketRecords implements TicketRecords {

    private final EventStore events;

    public StoredTicketRecords(EventStore events) {
        this.events = events;
    }

    @Override
    public Optional<RetainedTicket> ticket(String ticketId) {
        RetainedTicket[] ticket = {null};
        events.readEvents(ticketId, 0).asStream().map(message -> message.getPayload()).forEach(payload ->
                ticket[0] = apply(ticket[0], payload));
        return Optional.ofNullable(ticket[0]);
    }

    static RetainedTicket apply(RetainedTicket t, Object payload) {
        if (payload instanceof TicketOpened opened) {
            return new RetainedTicket(opened.ticketId(), opened.tenantId(), opened.number(),
                    opened.registration() == null ? null : opened.registration().type(), null, false, false);
        }
        if (t == null) {
            return null;
        }
        if (payload instanceof TicketClassified classified) {
            return new RetainedTicket(t.ticketId(), t.tenantId(), t.number(), classified.type(), t.archivedAt(),
                    t.onHold(), t.disposed());
        }
        if (payload instanceof TicketArchived archived) {
            return new RetainedTicket(t.ticketId(), t.tenantId(), t.number(), t.type(), archived.at(), t.onHold(),
                    t.disposed());
        }
        if (payload instanceof TicketHoldPlaced || payload instanceof TicketHoldReleased) {
            return new RetainedTicket(t.ticketId(), t.tenantId(), t.number(), t.type(), t.archivedAt(),
                    payload instanceof TicketHoldPlaced, t.disposed());
        }
        if (payload instanceof TicketPersonalDataDisposed) {
            return new RetainedTicket(t.ticketId(), t.tenantId(), t.number(), t.type(), t.archivedAt(), t.onHold(), true);
        }
        return t;
    }

    @Override
    public boolean subjectOnHold(String subjectId) {
        boolean[] held = {false};
        events.readEvents(subjectId, 0).asStream().map(message -> message.getPayload()).forEach(payload -> {
            if (payload instanceof SubjectHoldPlaced) {
                held[0] = true;
            } else if (payload instanceof SubjectHoldReleased) {
                held[0] = false;
            }
        });
        return held[0];
    }
}
