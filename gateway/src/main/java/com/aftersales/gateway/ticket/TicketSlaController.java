package com.aftersales.gateway.ticket;

import com.aftersales.access.Caller;
import com.aftersales.gateway.problem.RefusalException;
import com.aftersales.sla.SlaQueries.FindTicketSla;
import com.aftersales.sla.SlaQueries.TicketSla;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** A ticket's SLA clocks, recomputed from its history (docs/sla.md). */
@RestController
public class TicketSlaController {

    private final QueryGateway queries;

    public TicketSlaController(QueryGateway queries) {
        this.queries = queries;
    }

    @Operation(summary = "The ticket's SLA clocks 服务时限: targets, due and warning times, elapsed and remaining time, state "
            + "and how each due time was computed", description = """
            One entry per clock (`FIRST_RESPONSE#1`, `CUSTOMER_UPDATE#2`…), in the order they started, as of `at`. \
            `elapsed` and `remaining` are ISO-8601 durations in the target's basis (working time for working \
            targets), `remaining` negative when overdue; `dueAt`/`warnAt` are absent while a clock is paused; \
            `explanation` lists the steps from the stored facts to each figure. Another tenant's ticket is 404.""")
    @ApiResponse(responseCode = "200", description = "The clocks")
    @ApiResponse(responseCode = "404", description = "TICKET_NOT_FOUND (also for another tenant's ticket)",
            content = @Content(mediaType = "application/problem+json"))
    @GetMapping("/api/v1/tickets/{ticketId}/sla")
    public Mono<TicketSla> sla(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller,
                               @PathVariable String ticketId) {
        FindTicketSla query = new FindTicketSla(caller.tenantId(), ticketId);
        return Mono.fromFuture(() -> queries.query(query, ResponseTypes.optionalInstanceOf(TicketSla.class)))
                .flatMap(Mono::justOrEmpty)
                .switchIfEmpty(Mono.error(() -> new RefusalException("TICKET_NOT_FOUND")));
    }
}
