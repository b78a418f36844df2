package com.aftersales.gateway.audit;

import com.aftersales.infra.tenancy.Role;
import com.aftersales.access.Caller;
import com.aftersales.gateway.problem.RefusalException;
import com.aftersales.gateway.ticket.SequenceCursor;
import com.aftersales.gateway.ticket.TicketResponse;
import com.aftersales.ticket.view.TicketQueries.FindTicketAsOf;
import com.aftersales.ticket.view.TicketView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** An auditor's view of a ticket: its events as stored, and the ticket as of any past moment. */
@RestController
public class TicketHistoryController {

    private final TicketHistory history;
    private final QueryGateway queries;
    private final HistoryAccessLog accessLog;

    public TicketHistoryController(TicketHistory history, QueryGateway queries, HistoryAccessLog accessLog) {
        this.history = history;
        this.queries = queries;
        this.accessLog = accessLog;
    }

    @Operation(summary = "Every event of a ticket as the event store holds it, oldest first (AUDITOR, TENANT_ADMIN)",
            description = """
            Sequence, global position, type and revision, timestamp, actor, tenant, correlation and causation \
            ids, payload (personal data masked without PII_READER) and tamper-evidence hashes. Paged: `limit` \
            events (1-200, default 50) from `cursor` on; while `hasMore`, pass `nextCursor` as `cursor` (also \
            the `Link` header, rel="next"). Another tenant's ticket is 404.""")
    @ApiResponse(responseCode = "200", description = "One page", headers = @Header(name = HttpHeaders.LINK,
            description = "`<…/history?cursor=…&limit=…>; rel=\"next\"` while more events follow"))
    @ApiResponse(responseCode = "400", description = "INVALID_CURSOR, VALIDATION_FAILED (limit)",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "404", description = "TICKET_NOT_FOUND (also for another tenant's ticket)",
            content = @Content(mediaType = "application/problem+json"))
    @GetMapping("/api/v1/tickets/{ticketId}/history")
    public Mono<ResponseEntity<HistoryPageResponse>> history(
            @Parameter(hidden = true) @AuthenticationPrincipal Caller caller, @PathVariable String ticketId,
            @ParameterObject @Valid @ModelAttribute HistoryParams params) {
        long from = SequenceCursor.HISTORY.start(ticketId, params.cursor()); // a bad cursor throws: the problem handler answers 400
        return Mono.fromCallable(() -> history.page(caller.tenantId(), ticketId, from, params.pageSize(),
                                caller.has(Role.PII_READER))
                        .map(page -> {
                            accessLog.record(caller, ticketId, "history", true);
                            return page;
                        }))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(Mono::justOrEmpty)
                .map(page -> answer(ticketId, params, page, "/api/v1/tickets/{ticketId}/history"))
                .switchIfEmpty(Mono.error(() -> new RefusalException("TICKET_NOT_FOUND")));
    }

    private static ResponseEntity<HistoryPageResponse> answer(String ticketId, HistoryParams params,
                                                              TicketHistory.Page page, String path) {
        if (!page.hasMore()) {
            return ResponseEntity.ok(new HistoryPageResponse(page.entries(), false, null));
        }
        String cursor = SequenceCursor.HISTORY.next(ticketId, page.entries().get(page.entries().size() - 1).sequence() + 1);
        String next = UriComponentsBuilder.fromPath(path)
                .queryParam("cursor", cursor).queryParam("limit", params.pageSize())
                .buildAndExpand(ticketId).encode().toUriString();
        return ResponseEntity.ok().header(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"")
                .body(new HistoryPageResponse(page.entries(), true, cursor));
    }

    @Operation(summary = "The ticket as it was at an instant or sequence number (AUDITOR, TENANT_ADMIN)", description = """
            Rebuilt from the event store by the code that keeps the live view: as of now it equals \
            `GET /api/v1/tickets/{id}`. `asOf` (ISO-8601 instant) and `sequence` bound the events applied \
            (both inclusive); without either, all. 404 if the ticket did not exist yet, or is another tenant's.""")
    @ApiResponse(responseCode = "400", description = "VALIDATION_FAILED (asOf, sequence)",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "404", description = "TICKET_NOT_FOUND", content = @Content(mediaType = "application/problem+json"))
    @GetMapping("/api/v1/tickets/{ticketId}/history/state")
    public Mono<TicketResponse> state(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller,
                                      @PathVariable String ticketId, @ParameterObject @Valid @ModelAttribute AsOfParams params) {
        FindTicketAsOf query = new FindTicketAsOf(caller.tenantId(), ticketId, params.asOf(), params.sequence());
        return Mono.fromFuture(() -> queries.query(query, ResponseTypes.optionalInstanceOf(TicketView.class)))
                .flatMap(Mono::justOrEmpty)
                .publishOn(Schedulers.boundedElastic())
                .doOnNext(view -> accessLog.record(caller, ticketId, "state", true))
                .map(TicketResponse::of)
                .switchIfEmpty(Mono.error(() -> new RefusalException("TICKET_NOT_FOUND")));
    }

    @Operation(summary = "Who read the ticket's history, when, with or without personal data (TENANT_ADMIN)", description = """
            The ticket's `HistoryAccessed` events, oldest first, paged like the history: each read of its history, \
            past state, verification or export, recorded before it was answered. Reading this log is not recorded.""")
    @ApiResponse(responseCode = "404", description = "TICKET_NOT_FOUND", content = @Content(mediaType = "application/problem+json"))
    @GetMapping("/api/v1/tickets/{ticketId}/history/access")
    public Mono<ResponseEntity<HistoryPageResponse>> access(
            @Parameter(hidden = true) @AuthenticationPrincipal Caller caller, @PathVariable String ticketId,
            @ParameterObject @Valid @ModelAttribute HistoryParams params) {
        long from = SequenceCursor.HISTORY.start(ticketId, params.cursor()); // a bad cursor throws: the problem handler answers 400
        return Mono.fromCallable(() -> history.exists(caller.tenantId(), ticketId)
                        ? history.page(caller.tenantId(), HistoryAccessLog.streamOf(ticketId), HistoryAccessLog.TYPE, from,
                                params.pageSize(), caller.has(Role.PII_READER))
                        .orElse(new TicketHistory.Page(List.of(), false)) : null)
                .subscribeOn(Schedulers.boundedElastic())
                .map(page -> answer(ticketId, params, page, "/api/v1/tickets/{ticketId}/history/access"))
                .switchIfEmpty(Mono.error(() -> new RefusalException("TICKET_NOT_FOUND")));
    }
}
