package com.aftersales.gateway.ticket;

import com.aftersales.access.Caller;
import com.aftersales.gateway.problem.RefusalException;
import com.aftersales.infra.tenancy.Role;
import com.aftersales.ticket.view.TicketQueries.ListTickets;
import com.aftersales.ticket.view.TicketQueries.TicketPage;
import com.aftersales.ticket.view.TicketQueryHandler;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.Map;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Ticket intake and reading, v1. The tenant is always the caller's, from the verified token. */
@RestController
@RequestMapping("/api/v1/tickets")
public class TicketController {

    private final TicketIntake intake;
    private final QueryGateway queries;

    public TicketController(TicketIntake intake, QueryGateway queries) {
        this.intake = intake;
        this.queries = queries;
    }

    @PostMapping
    public Mono<ResponseEntity<Object>> open(@AuthenticationPrincipal Caller caller,
                                             @Valid @RequestBody OpenTicketRequest request,
                                             @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
            return Mono.error(new RefusalException("IDEMPOTENCY_KEY_INVALID"));
        }
        return intake.open(caller, request.toRegistration(), idempotencyKey).flatMap(result -> {
            URI location = URI.create("/api/v1/tickets/" + result.ticketId());
            if (result.view().isEmpty()) {
                // stored, but the view has not caught up within the wait: the Location will have it
                return intake.numberOf(result.ticketId())
                        .map(number -> Map.of("id", result.ticketId(), "number", number))
                        .defaultIfEmpty(Map.of("id", result.ticketId()))
                        .map(body -> ResponseEntity.status(HttpStatus.ACCEPTED).location(location)
                                .header("Idempotent-Replayed", String.valueOf(result.replayed()))
                                .body((Object) body));
            }
            return Mono.just(ResponseEntity.created(location)
                    .header("Idempotent-Replayed", String.valueOf(result.replayed()))
                    .body((Object) TicketResponse.of(result.view().get(), caller.has(Role.PII_READER))));
        });
    }

    @GetMapping("/{ticketId}")
    public Mono<TicketResponse> get(@AuthenticationPrincipal Caller caller, @PathVariable String ticketId) {
        return intake.find(caller, ticketId)
                .map(view -> TicketResponse.of(view, caller.has(Role.PII_READER)))
                .switchIfEmpty(Mono.error(() -> new RefusalException("TICKET_NOT_FOUND")));
    }

    @GetMapping
    public Mono<TicketListResponse> list(@AuthenticationPrincipal Caller caller,
                                         @Valid @ModelAttribute TicketListParams params) {
        if (params.cursor() != null && !TicketQueryHandler.isValidCursor(params.cursor())) {
            return Mono.error(new RefusalException("INVALID_CURSOR"));
        }
        ListTickets query = new ListTickets(caller.tenantId(), params.filter(), params.cursor(), params.pageSize());
        return Mono.fromFuture(() -> queries.query(query, TicketPage.class))
                .map(page -> new TicketListResponse(page.items().stream()
                        .map(view -> TicketResponse.of(view, caller.has(Role.PII_READER))).toList(), page.nextCursor()));
    }
}
