package com.aftersales.ticket.view;

import com.aftersales.ticket.view.TicketQueries.FindTicket;
import com.aftersales.ticket.view.TicketQueries.ListTickets;
import com.aftersales.ticket.view.TicketQueries.TicketFilter;
import com.aftersales.ticket.view.TicketQueries.TicketPage;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Answers ticket queries from the caller's tenant collection only. Lists are sorted newest first
 * and paged by an opaque cursor (registration time + id of the last item), which stays stable
 * while new tickets arrive.
 */
@Component
public class TicketQueryHandler {

    public static final int MAX_PAGE = 100;

    private final TicketViewStore store;

    public TicketQueryHandler(TicketViewStore store) {
        this.store = store;
    }

    /** By {@code _id} alone — the one form the embedded server answers from an index; the tenant is checked here. */
    @QueryHandler
    public CompletableFuture<Optional<TicketView>> find(FindTicket query) {
        return Mono.from(store.collection(query.tenantId()).find(Filters.eq("_id", query.ticketId())).first())
                .filter(document -> query.tenantId().equals(document.getString("tenantId")))
                .map(store::toView)
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .toFuture();
    }

    @QueryHandler
    public CompletableFuture<TicketPage> list(ListTickets query) {
        int limit = Math.max(1, Math.min(MAX_PAGE, query.limit()));
        Bson filter = Filters.and(criteria(query.tenantId(), query.filter(), query.cursor()));
        return Flux.from(store.collection(query.tenantId()).find(filter)
                        .sort(Sorts.descending(TicketViewStore.REGISTERED_AT, "_id"))
                        .limit(limit + 1))
                .map(store::toView)
                .collectList()
                .map(views -> page(views, limit))
                .toFuture();
    }

    private static TicketPage page(List<TicketView> views, int limit) {
        if (views.size() <= limit) {
            return new TicketPage(views, null);
        }
        List<TicketView> items = views.subList(0, limit);
        TicketView last = items.get(limit - 1);
        return new TicketPage(List.copyOf(items), Cursor.encode(last));
    }

    private static List<Bson> criteria(String tenantId, TicketFilter filter, String cursor) {
        List<Bson> criteria = new ArrayList<>();
        criteria.add(Filters.eq("tenantId", tenantId));
        TicketFilter f = filter == null ? TicketFilter.none() : filter;
        addEquals(criteria, "status", f.status());
        addEquals(criteria, "type", f.type());
        addEquals(criteria, "priority", f.priority());
        addEquals(criteria, "registration.product.model", f.productModel());
        if (f.customer() != null) {
            String pattern = literal(f.customer());
            criteria.add(Filters.or(Filters.regex("registration.customer.name", pattern, "i"),
                    Filters.regex("registration.customer.contactPerson", pattern, "i"),
                    Filters.eq("registration.customer.customerId", f.customer())));
        }
        if (f.registeredFrom() != null) {
            criteria.add(Filters.gte(TicketViewStore.REGISTERED_AT, Date.from(f.registeredFrom())));
        }
        if (f.registeredTo() != null) {
            criteria.add(Filters.lt(TicketViewStore.REGISTERED_AT, Date.from(f.registeredTo())));
        }
        if (f.text() != null) {
            criteria.add(Filters.regex("registration.problem.description", literal(f.text()), "i"));
        }
        if (cursor != null) {
            criteria.add(Cursor.after(cursor));
        }
        return criteria;
    }

    private static void addEquals(List<Bson> criteria, String field, String value) {
        if (value != null) {
            criteria.add(Filters.eq(field, value));
        }
    }

    /** User text is matched literally (every regex metacharacter escaped), case-insensitively by the caller. */
    private static String literal(String text) {
        return METACHARACTERS.matcher(text).replaceAll("\\\\$0");
    }

    private static final Pattern METACHARACTERS = Pattern.compile("[\\\\^$.|?*+()\\[\\]{}]");

    /** Whether {@code cursor} is one this service handed out (callers check before querying). */
    public static boolean isValidCursor(String cursor) {
        try {
            Cursor.after(cursor);
            return true;
        } catch (InvalidCursorException e) {
            return false;
        }
    }

    /** Opaque list position: base64url of "epochMillis:ticketId" of the last item seen. */
    static final class Cursor {

        private Cursor() {
        }

        static String encode(TicketView last) {
            String position = last.registeredAt().toEpochMilli() + ":" + last.id();
            return Base64.getUrlEncoder().withoutPadding().encodeToString(position.getBytes(StandardCharsets.UTF_8));
        }

        static Bson after(String cursor) {
            String position;
            try {
                position = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new InvalidCursorException();
            }
            int colon = position.indexOf(':');
            if (colon < 1) {
                throw new InvalidCursorException();
            }
            Date at;
            try {
                at = new Date(Long.parseLong(position.substring(0, colon)));
            } catch (NumberFormatException e) {
                throw new InvalidCursorException();
            }
            String id = position.substring(colon + 1);
            return Filters.or(Filters.lt(TicketViewStore.REGISTERED_AT, at),
                    Filters.and(Filters.eq(TicketViewStore.REGISTERED_AT, at), Filters.lt("_id", id)));
        }
    }

    /** A cursor that this service did not hand out. */
    public static class InvalidCursorException extends IllegalArgumentException {
        public InvalidCursorException() {
            super("INVALID_CURSOR");
        }
    }
}
