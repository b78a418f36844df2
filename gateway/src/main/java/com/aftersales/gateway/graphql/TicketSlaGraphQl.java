package com.aftersales.gateway.graphql;

import com.aftersales.access.Caller;
import com.aftersales.sla.SlaQueries.FindTicketSla;
import com.aftersales.sla.SlaQueries.TicketSla;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** {@code Ticket.sla}: the clocks as {@code GET /api/v1/tickets/{id}/sla} answers them, for the ticket's readers. */
@Controller
public class TicketSlaGraphQl {

    private final QueryGateway queries;
    private final ObjectMapper json;

    public TicketSlaGraphQl(QueryGateway queries, ObjectMapper json) {
        this.queries = queries;
        this.json = json;
    }

    @SchemaMapping(typeName = "Ticket")
    @SuppressWarnings("unchecked")
    public Mono<List<Map<String, Object>>> sla(Map<String, Object> ticket, @ContextValue(GraphQlEntry.CALLER) Caller caller) {
        FindTicketSla query = new FindTicketSla(caller.tenantId(), (String) ticket.get("id"));
        return Mono.fromFuture(() -> queries.query(query, ResponseTypes.optionalInstanceOf(TicketSla.class)))
                .flatMap(Mono::justOrEmpty)
                .map(sla -> sla.clocks().stream().map(clock -> (Map<String, Object>) json.convertValue(clock, Map.class))
                        .toList());
    }
}
