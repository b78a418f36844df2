package com.aftersales.gateway.graphql;

import com.aftersales.access.Caller;
import com.aftersales.gateway.privacy.PersonalDataMasking;
import com.aftersales.gateway.problem.RefusalException;
import com.aftersales.gateway.ticket.OpenTicketRequest;
import com.aftersales.gateway.ticket.SequenceCursor;
import com.aftersales.gateway.ticket.TicketIntake;
import com.aftersales.gateway.ticket.TicketListParams;
import com.aftersales.gateway.ticket.TicketLists;
import com.aftersales.gateway.ticket.TicketResponse;
import com.aftersales.gateway.ticket.TicketViews;
import com.aftersales.ticket.view.TicketQueries.TimelinePage;
import com.aftersales.ticket.view.TicketQueries.TicketPage;
import com.aftersales.ticket.view.TicketView;
import graphql.schema.DataFetchingEnvironment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.dataloader.DataLoader;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * The ticket queries of the GraphQL API, over the same application layer as REST: one ticket by
 * key ({@link TicketViews}), lists from the search index ({@link TicketLists}), and a ticket's
 * timeline through a batch loader, so a page of tickets with their timelines is one read for all
 * timelines. Every ticket is masked for the caller before GraphQL selects from it.
 */
@Controller
public class TicketGraphQl {

    static final int DEFAULT_TIMELINE_PAGE = 50;

    private final TicketViews views;
    private final TicketLists lists;
    private final PersonalDataMasking masking;
    private final GraphQlInputs inputs;
    private final GraphQlProperties properties;
    private final TicketIntake intake;

    public TicketGraphQl(TicketViews views, TicketLists lists, PersonalDataMasking masking, GraphQlInputs inputs,
                         GraphQlProperties properties, TicketIntake intake) {
        this.intake = intake;
        this.views = views;
        this.lists = lists;
        this.masking = masking;
        this.inputs = inputs;
        this.properties = properties;
    }

    @QueryMapping
    public Mono<Object> ticket(@Argument String id, @ContextValue(GraphQlEntry.CALLER) Caller caller) {
        return views.find(caller, id).map(view -> node(view, caller));
    }

    @QueryMapping
    public Mono<Object> ticketByNumber(@Argument String number, @ContextValue(GraphQlEntry.CALLER) Caller caller,
                                       DataFetchingEnvironment env) {
        TicketListParams params = inputs.bind(Map.of("q", number, "limit", 5), TicketListParams.class, env.getLocale());
        return lists.page(caller, params)
                .flatMap(page -> Mono.justOrEmpty(page.items().stream()
                        .filter(view -> number.equals(view.number())).findFirst()))
                .map(view -> node(view, caller));
    }

    /** Intake, as POST /api/v1/tickets: the ticket once readable, else only its id and version. */
    @MutationMapping
    public Mono<Object> openTicket(@Argument Map<String, Object> input, @Argument String idempotencyKey,
                                   @ContextValue(GraphQlEntry.CALLER) Caller caller, DataFetchingEnvironment env) {
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
            return Mono.error(new RefusalException("IDEMPOTENCY_KEY_INVALID"));
        }
        OpenTicketRequest request = inputs.bind(input, OpenTicketRequest.class, env.getLocale());
        return intake.open(caller, request.toRegistration(), idempotencyKey)
                .map(result -> result.view().map(view -> node(view, caller))
                        .orElseGet(() -> Map.of("id", result.ticketId(), "version", 0L)));
    }

    @QueryMapping
    public Mono<Map<String, Object>> tickets(@Argument Map<String, Object> filter, @Argument Integer first,
                                             @Argument String after, @ContextValue(GraphQlEntry.CALLER) Caller caller,
                                             DataFetchingEnvironment env) {
        int limit = first == null ? 20 : first;
        if (limit < 1 || limit > properties.getMaxPageSize()) {
            return Mono.error(new InvalidInputException("VALIDATION_FAILED", List.of(Map.of("field", "first",
                    "code", "Max", "message", "1-" + properties.getMaxPageSize()))));
        }
        Map<String, Object> arguments = new HashMap<>(filter == null ? Map.of() : filter);
        arguments.put("limit", limit);
        if (after != null) {
            arguments.put("cursor", after);
        }
        TicketListParams params = inputs.bind(arguments, TicketListParams.class, env.getLocale());
        return lists.page(caller, params).map(page -> connection(page, caller));
    }

    private Map<String, Object> connection(TicketPage page, Caller caller) {
        List<Map<String, Object>> edges = new ArrayList<>();
        for (int i = 0; i < page.items().size(); i++) {
            Map<String, Object> edge = new HashMap<>();
            edge.put("node", node(page.items().get(i), caller));
            edge.put("cursor", i == page.items().size() - 1 ? page.nextCursor() : null);
            edges.add(edge);
        }
        return Map.of("edges", edges, "pageInfo", pageInfo(page.hasMore(), page.nextCursor()));
    }

    static Map<String, Object> pageInfo(boolean hasNext, String endCursor) {
        Map<String, Object> info = new HashMap<>();
        info.put("hasNextPage", hasNext);
        info.put("hasPreviousPage", false);
        info.put("startCursor", null);
        info.put("endCursor", endCursor);
        return info;
    }

    /** A ticket as GraphQL selects from it: the REST representation, masked for the caller. */
    Object node(TicketView view, Caller caller) {
        return masking.asJson(TicketResponse.of(view), caller);
    }

    /** The first page (or the page after {@code after}) of the ticket's process log, batched per request. */
    @SchemaMapping(typeName = "Ticket")
    public CompletableFuture<Map<String, Object>> timeline(Map<String, Object> ticket, @Argument Integer first,
                                                           @Argument String after,
                                                           @ContextValue(GraphQlEntry.CALLER) Caller caller,
                                                           DataLoader<TimelineKey, TimelinePage> timelines) {
        int limit = first == null ? DEFAULT_TIMELINE_PAGE : first;
        if (limit < 1 || limit > TimelinePage.MAX_LIMIT) {
            return CompletableFuture.failedFuture(new InvalidInputException("VALIDATION_FAILED", List.of(Map.of(
                    "field", "first", "code", "Max", "message", "1-" + TimelinePage.MAX_LIMIT))));
        }
        String ticketId = (String) ticket.get("id");
        long version = ((Number) ticket.get("version")).longValue();
        long from = SequenceCursor.TIMELINE.start(ticketId, after);
        return timelines.load(new TimelineKey(caller.tenantId(), ticketId, from, version, limit))
                .thenApply(page -> timelineConnection(ticketId, page, caller));
    }

    private Map<String, Object> timelineConnection(String ticketId, TimelinePage page, Caller caller) {
        List<Map<String, Object>> edges = new ArrayList<>();
        String endCursor = null;
        for (var entry : page.entries()) {
            endCursor = SequenceCursor.TIMELINE.next(ticketId, entry.sequence() + 1);
            Map<String, Object> edge = new LinkedHashMap<>();
            edge.put("node", masking.asJson(entry, caller));
            edge.put("cursor", endCursor);
            edges.add(edge);
        }
        return Map.of("edges", edges, "pageInfo", pageInfo(page.hasMore(), page.hasMore() ? endCursor : null));
    }

    /** One ticket's timeline page as the batch loader is asked for it; {@code to}: the ticket's version as read. */
    public record TimelineKey(String tenantId, String ticketId, long from, long to, int limit) {
    }
}
