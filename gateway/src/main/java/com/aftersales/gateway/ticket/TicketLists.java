package com.aftersales.gateway.ticket;

import com.aftersales.access.Caller;
import com.aftersales.gateway.problem.RefusalException;
import com.aftersales.infra.tenancy.Role;
import com.aftersales.ticket.search.TicketSearch;
import com.aftersales.ticket.view.TicketQueries.ListTickets;
import com.aftersales.ticket.view.TicketQueries.TicketPage;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The tenant's ticket lists, answered from the query side's search index, for every API (REST
 * {@code GET /api/v1/tickets}, GraphQL {@code tickets}). Searching by customer needs PII_READER.
 */
@Component
public class TicketLists {

    private final QueryGateway queries;

    public TicketLists(QueryGateway queries) {
        this.queries = queries;
    }

    /** One page; {@code params} are valid (bean validation ran). */
    public Mono<TicketPage> page(Caller caller, TicketListParams params) {
        boolean personalData = caller.has(Role.PII_READER);
        if (params.customer() != null && !personalData) {
            return Mono.error(new RefusalException("PERSONAL_DATA_SEARCH_NOT_ALLOWED"));
        }
        ListTickets query = new ListTickets(caller.tenantId(), params.filter(caller.actorId(), personalData),
                params.ticketSort(), params.cursor(), params.pageSize());
        if (params.cursor() != null && !TicketSearch.isValidCursor(query)) {
            return Mono.error(new RefusalException("INVALID_CURSOR"));
        }
        return Mono.fromFuture(() -> queries.query(query, TicketPage.class));
    }
}
