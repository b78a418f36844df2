package com.aftersales.sla;

import com.aftersales.sla.SlaQueries.FindTicketSla;
import com.aftersales.sla.SlaQueries.TicketSla;
import com.aftersales.ticket.TicketOpened;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;

/**
 * A ticket's clocks recomputed from its history (one stream read by the ticket's id), with their
 * figures at this moment and how each due time was computed ({@link SlaClock#status}). Another
 * tenant's ticket is answered as a missing one.
 */
public class SlaQueryHandler {

    private final EventStore events;
    private final SlaSettings settings;
    private final Clock clock;

    public SlaQueryHandler(EventStore events, SlaSettings settings, Clock clock) {
        this.events = events;
        this.settings = settings;
        this.clock = clock;
    }

    @QueryHandler
    public Optional<TicketSla> ticketSla(FindTicketSla query) {
        List<Object> history = events.readEvents(query.ticketId(), 0).asStream()
                .map(message -> (Object) message.getPayload()).toList();
        if (history.isEmpty() || !(history.get(0) instanceof TicketOpened opened)
                || !opened.tenantId().equals(query.tenantId())) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        WorkingCalendar calendar = settings.calendar(query.tenantId());
        return Optional.of(new TicketSla(query.ticketId(), now,
                SlaFacts.clocks(history, calendar).stream().map(c -> c.status(now)).toList()));
    }
}
