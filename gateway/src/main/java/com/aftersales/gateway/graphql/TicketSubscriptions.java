package com.aftersales.gateway.graphql;

import com.aftersales.access.Caller;
import com.aftersales.gateway.ticket.TicketChanges;
import com.aftersales.ticket.view.TicketView;
import java.time.Duration;
import java.time.Instant;
import graphql.schema.DataFetchingEnvironment;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
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
    private final GraphQlProperties properties;

    public TicketSubscriptions(TicketChanges changes, TicketGraphQl tickets, GraphQlProperties properties) {
        this.changes = changes;
        this.tickets = tickets;
        this.properties = properties;
    }

    @SubscriptionMapping
    public Flux<Object> ticketChanged(@Argument String id, @ContextValue(GraphQlEntry.CALLER) Caller caller,
                                      @ContextValue(GraphQlEntry.TOKEN_EXPIRES_AT) Instant expiresAt,
                                      DataFetchingEnvironment env) {
        return whileValid(changes.ofTicket(caller, id).map(view -> tickets.node(view, caller)), expiresAt, env);
    }

    @SubscriptionMapping
    public Flux<Object> ticketsChanged(@Argument Map<String, Object> filter,
                                       @ContextValue(GraphQlEntry.CALLER) Caller caller,
                                       @ContextValue(GraphQlEntry.TOKEN_EXPIRES_AT) Instant expiresAt,
                                       DataFetchingEnvironment env) {
        Map<String, Object> criteria = filter == null ? Map.of() : filter;
        return whileValid(changes.ofTenant(caller)
                .filter(view -> matches(view, criteria))
                .map(view -> tickets.node(view, caller)), expiresAt, env);
    }

    /**
     * A subscription lasts as long as the token it was opened with; then it completes. A failure of
     * the stream carries the subscriber's language to {@link GraphQlErrors} (its resolver for
     * subscriptions sees no request).
     */
    private Flux<Object> whileValid(Flux<Object> changes, Instant expiresAt, DataFetchingEnvironment env) {
        Duration left = Duration.between(Instant.now(), expiresAt);
        Locale locale = env.getLocale() == null ? Locale.ENGLISH : env.getLocale();
        return limited(left.isNegative() ? Flux.<Object>empty() : changes.take(left), env)
                .onErrorMap(failure -> new GraphQlErrors.InLanguage(failure, locale));
    }

    /**
     * At most {@code max-subscriptions-per-connection} at a time on one graphql-ws connection: each
     * costs a view read per change of the tenant (ticketsChanged) and a watch on the query bus.
     */
    private Flux<Object> limited(Flux<Object> changes, DataFetchingEnvironment env) {
        AtomicInteger open = env.getGraphQlContext().get(GraphQlEntry.SUBSCRIPTIONS);
        if (open == null) {
            return changes;
        }
        return Flux.defer(() -> {
            if (open.incrementAndGet() > properties.getMaxSubscriptionsPerConnection()) {
                open.decrementAndGet();
                return Flux.error(new InvalidInputException("TOO_MANY_SUBSCRIPTIONS", List.of()));
            }
            return changes.doFinally(signal -> open.decrementAndGet());
        });
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
