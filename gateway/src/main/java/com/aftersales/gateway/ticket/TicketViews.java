package com.aftersales.gateway.ticket;

import com.aftersales.access.Caller;
import com.aftersales.ticket.view.TicketQueries.FindTicket;
import com.aftersales.ticket.view.TicketQueries.TicketViewUpdated;
import com.aftersales.ticket.view.TicketQueries.WatchTicket;
import com.aftersales.ticket.view.TicketView;
import java.time.Duration;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Ticket views for writers: read one by key, or watch one until it shows a change (read-your-writes,
 * bounded by {@code aftersales.api.read-your-writes-timeout}). Where this node's projection applies
 * the ticket's events, the store is asked only as a safety net, after
 * {@code aftersales.api.read-your-writes-safety-net} without a notice.
 */
@Component
public class TicketViews {

    private final QueryGateway queries;
    private final LocalProjection projection;
    private final Duration timeout;
    private final Duration safetyNet;

    public TicketViews(QueryGateway queries, LocalProjection projection,
                       @Value("${aftersales.api.read-your-writes-timeout:5s}") Duration timeout,
                       @Value("${aftersales.api.read-your-writes-safety-net:1s}") Duration safetyNet) {
        this.queries = queries;
        this.projection = projection;
        this.timeout = timeout;
        this.safetyNet = safetyNet;
    }

    public Mono<TicketView> find(Caller caller, String ticketId) {
        return Mono.fromFuture(() -> queries.query(new FindTicket(caller.tenantId(), ticketId),
                        ResponseTypes.optionalInstanceOf(TicketView.class)))
                .flatMap(Mono::justOrEmpty);
    }

    /** Subscribes at once, before the caller sends its command; the watch must be closed. */
    public TicketWatch openWatch(Caller caller, String ticketId) {
        var subscription = queries.subscriptionQuery(new WatchTicket(caller.tenantId(), ticketId),
                ResponseTypes.optionalInstanceOf(TicketView.class), ResponseTypes.instanceOf(TicketViewUpdated.class));
        Duration pollAfter = projection.appliesEventsOf(ticketId) ? safetyNet : Duration.ZERO;
        return new TicketWatch(subscription, () -> find(caller, ticketId), pollAfter, timeout);
    }
}
