package com.aftersales.gateway.graphql;

import com.aftersales.access.Caller;
import com.aftersales.gateway.ticket.TicketChanges;
import com.aftersales.ticket.view.TicketView;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;

/**
 * Live ticket changes over graphql-ws, scoped to the caller's tenant and masked for the caller
 * like every answer. Another tenant's ticket is refused as TICKET_NOT_FOUND, like a missing one.
 */
@Controller
public class TicketSubscriptions {

    private final TicketChanges changes;
    private final TicketGraphQl tickets;

    public TicketSubscriptions(TicketChanges changes, TicketGraphQl tickets) {
        this.changes = changes;
        this.tickets = tickets;
    }

    @SubscriptionMapping
    public Flux<Object> ticketChanged(@Argument String id, @ContextValue(GraphQlEntry.CALLER) Caller caller,
                                      @ContextValue(GraphQlEntry.TOKEN_EXPIRES_AT) Instant expiresAt) {
        return whileValid(changes.ofTicket(caller, id).map(view -> tickets.node(view, caller)), expiresAt);
    }

    @SubscriptionMapping
    public Flux<Object> ticketsChanged(@Argument Map<String, Object> filter,
                                       @ContextValue(GraphQlEntry.CALLER) Caller caller,
                                       @ContextValue(GraphQlEntry.TOKEN_EXPIRES_AT) Instant expiresAt) {
        Map<String, Object> criteria = filter == null ? Map.of() : filter;
        return whileValid(changes.ofTenant(caller)
                .filter(view -> matches(view, criteria))
                .map(view -> tickets.node(view, caller)), expiresAt);
    }

    /** A subscription lasts as long as the token it was opened with; then it completes. */
    private static Flux<Object> whileValid(Flux<Object> changes, Instant expiresAt) {
        Duration left = Duration.between(Instant.now(), expiresAt);
        return left.isNegative() ? Flux.empty() : changes.take(left);
    }

    private static boolean matches(TicketView view, Map<String, Object> filter) {
        String department = view.assignment() == null ? null : view.assignment().department();
        return wanted(filter.get("status"), view.status()) && wanted(filter.get("type"), view.type())
                && wanted(filter.get("priority"), view.priority()) && wanted(filter.get("department"), department);
    }

    private static boolean wanted(Object criterion, String value) {
        return criterion == null || Objects.equals(criterion, value);
    }
}
