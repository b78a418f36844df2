package com.aftersales.gateway.ticket;

import com.aftersales.access.Caller;
import com.aftersales.gateway.problem.RefusalException;
import com.aftersales.ticket.view.TicketQueries.CountTickets;
import com.aftersales.ticket.view.TicketQueries.TicketCounts;
import com.aftersales.ticket.view.TicketView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.Map;
import org.axonframework.queryhandling.QueryGateway;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
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
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/** Ticket intake and reading, v1. The tenant is always the caller's, from the verified token. */
@RestController
@RequestMapping("/api/v1/tickets")
public class TicketController {

    private final TicketIntake intake;
    private final QueryGateway queries;
    private final TicketLists lists;

    public TicketController(TicketIntake intake, QueryGateway queries, TicketLists lists) {
        this.intake = intake;
        this.queries = queries;
        this.lists = lists;
    }

    @Operation(summary = "Register a customer request (需求接收与登记)", description = """
            Roles AGENT, SUPERVISOR or MANAGER. Answers once the ticket is readable. With an \
            Idempotency-Key a retry returns the same ticket (Idempotent-Replayed: true); the same key with \
            another body is refused (IDEMPOTENCY_KEY_REUSED).""")
    @ApiResponse(responseCode = "201", description = "Registered; Location names the ticket, ETag is its version",
            content = @Content(schema = @Schema(implementation = TicketResponse.class)))
    @ApiResponse(responseCode = "202", description = "Stored, view not caught up yet: id and number only")
    @ApiResponse(responseCode = "400", description = "VALIDATION_FAILED, MALFORMED_REQUEST, IDEMPOTENCY_KEY_INVALID",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "401", description = "UNAUTHENTICATED", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "403", description = "ROLE_NOT_ALLOWED, TENANT_UNKNOWN",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "422", description = "TICKET_TYPE_UNKNOWN, PRIORITY_UNKNOWN, REGISTRATION_INCOMPLETE, "
            + "IDEMPOTENCY_KEY_REUSED", content = @Content(mediaType = "application/problem+json"))
    @PostMapping
    public Mono<ResponseEntity<Object>> open(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller,
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
            TicketView view = result.view().get();
            return Mono.just(ResponseEntity.created(location).eTag(Long.toString(view.version()))
                    .header("Idempotent-Replayed", String.valueOf(result.replayed()))
                    .body((Object) TicketResponse.of(view)));
        });
    }

    @Operation(summary = "Read one ticket", description = "Personal data masked unless the caller holds PII_READER. "
            + "ETag is the ticket version, for If-Match on the task endpoints.")
    @ApiResponse(responseCode = "200", description = "The ticket")
    @ApiResponse(responseCode = "404", description = "TICKET_NOT_FOUND (also for another tenant's ticket)",
            content = @Content(mediaType = "application/problem+json"))
    @GetMapping("/{ticketId}")
    public Mono<ResponseEntity<TicketResponse>> get(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller,
                                                    @PathVariable String ticketId) {
        return intake.find(caller, ticketId)
                .map(view -> ResponseEntity.ok().eTag(Long.toString(view.version()))
                        .body(TicketResponse.of(view)))
                .switchIfEmpty(Mono.error(() -> new RefusalException("TICKET_NOT_FOUND")));
    }

    @Operation(summary = "List tickets: filters, queues, text search, cursor paging", description = """
            All filters optional. Pages follow the Link header (rel="next") or nextCursor; a cursor only \
            pages the list (filters and sort) it came from. Searching by customer needs PII_READER. The SLA \
            queues at-risk, breached and escalated (to the caller) list most urgent first (sort=due), docs/sla.md.""")
    @ApiResponse(responseCode = "200", description = "One page; hasMore tells whether another follows")
    @ApiResponse(responseCode = "400", description = "VALIDATION_FAILED, INVALID_CURSOR",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "403", description = "PERSONAL_DATA_SEARCH_NOT_ALLOWED",
            content = @Content(mediaType = "application/problem+json"))
    @GetMapping
    public Mono<ResponseEntity<TicketListResponse>> list(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller,
                                                         @ParameterObject @Valid @ModelAttribute TicketListParams params,
                                                         ServerHttpRequest request) {
        return lists.page(caller, params)
                .map(page -> withNextLink(ResponseEntity.ok(), request, page.nextCursor())
                        .body(new TicketListResponse(page.items().stream().map(TicketResponse::of).toList(),
                                page.nextCursor(), page.hasMore())));
    }

    /** RFC 8288: the same request with the next cursor, relative to this server. */
    private static ResponseEntity.BodyBuilder withNextLink(ResponseEntity.BodyBuilder response, ServerHttpRequest request,
                                                          String nextCursor) {
        if (nextCursor == null) {
            return response;
        }
        String next = UriComponentsBuilder.fromPath(request.getPath().value()).query(request.getURI().getRawQuery())
                .replaceQueryParam("cursor", nextCursor).build(true).toUriString();
        return response.header(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"");
    }

    @Operation(summary = "How many tickets each queue holds",
            description = "all, open, unassigned and mine (the caller's), every ticket by status, open tickets by department; "
                    + "the SLA queues atRisk, breached and escalated (to the caller), docs/sla.md.")
    @ApiResponse(responseCode = "200", description = "The counts")
    @GetMapping("/counts")
    public Mono<TicketCounts> counts(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller) {
        return Mono.fromFuture(() -> queries.query(new CountTickets(caller.tenantId(), caller.actorId()),
                TicketCounts.class));
    }
}
