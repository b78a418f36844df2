package com.aftersales.gateway.graphql;

import com.aftersales.access.Caller;
import com.aftersales.gateway.audit.HistoryAccessLog;
import com.aftersales.gateway.audit.TicketHistory;
import com.aftersales.gateway.privacy.PersonalDataMasking;
import com.aftersales.gateway.ticket.SequenceCursor;
import com.aftersales.infra.tenancy.Role;
import com.aftersales.ticket.view.TicketQueries.TimelinePage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code Ticket.history}: the ticket's stored events as {@code GET /api/v1/tickets/{id}/history}
 * answers them (same reader, same masking, the read logged the same way). Only AUDITOR and
 * TENANT_ADMIN ({@link OperationRoles}); the ticket itself was already read for the caller's tenant.
 */
@Controller
public class TicketHistoryGraphQl {

    private final TicketHistory history;
    private final HistoryAccessLog accessLog;
    private final PersonalDataMasking masking;

    public TicketHistoryGraphQl(TicketHistory history, HistoryAccessLog accessLog, PersonalDataMasking masking) {
        this.history = history;
        this.accessLog = accessLog;
        this.masking = masking;
    }

    @SchemaMapping(typeName = "Ticket")
    public Mono<Map<String, Object>> history(Map<String, Object> ticket, @Argument Integer first,
                                             @Argument String after, @ContextValue(GraphQlEntry.CALLER) Caller caller) {
        int limit = first == null ? 50 : first;
        if (limit < 1 || limit > TimelinePage.MAX_LIMIT) {
            return Mono.error(new InvalidInputException("VALIDATION_FAILED", List.of(Map.of(
                    "field", "first", "code", "Max", "message", "1-" + TimelinePage.MAX_LIMIT))));
        }
        String ticketId = (String) ticket.get("id");
        long from = SequenceCursor.HISTORY.start(ticketId, after);
        return Mono.fromCallable(() -> history.page(caller.tenantId(), ticketId, from, limit,
                                caller.has(Role.PII_READER))
                        .map(page -> {
                            accessLog.record(caller, ticketId, "history", true);
                            return page;
                        }))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(Mono::justOrEmpty)
                .map(page -> connection(ticketId, page, caller));
    }

    private Map<String, Object> connection(String ticketId, TicketHistory.Page page, Caller caller) {
        List<Map<String, Object>> edges = new ArrayList<>();
        String endCursor = null;
        for (var entry : page.entries()) {
            endCursor = SequenceCursor.HISTORY.next(ticketId, entry.sequence() + 1);
            Map<String, Object> edge = new LinkedHashMap<>();
            edge.put("node", masking.asJson(entry, caller));
            edge.put("cursor", endCursor);
            edges.add(edge);
        }
        return Map.of("edges", edges, "pageInfo", TicketGraphQl.pageInfo(page.hasMore(), page.hasMore() ? endCursor : null));
    }
}
