package com.aftersales.gateway.ticket;

import com.aftersales.access.Caller;
import com.aftersales.gateway.problem.RefusalException;
import com.aftersales.ticket.view.TicketQueries.FindTimeline;
import com.aftersales.ticket.view.TicketQueries.TimelinePage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
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

/** The process log 处理过程记录 of a ticket, page by page. */
@RestController
public class TicketTimelineController {

    private final QueryGateway queries;

    public TicketTimelineController(QueryGateway queries) {
        this.queries = queries;
    }

    @Operation(summary = "The process log 处理过程记录: every event with who and when, oldest first", description = """
            Paged: `limit` entries (1-200, default 50) from `cursor` on. While `hasMore`, pass `nextCursor` \
            as `cursor` for the next page; the `Link` header (RFC 8288, rel="next") names that page too. \
            Another tenant's ticket is 404.""")
    @ApiResponse(responseCode = "200", description = "One page", headers = @Header(name = HttpHeaders.LINK,
            description = "`<…/timeline?cursor=…&limit=…>; rel=\"next\"` while more entries follow"))
    @ApiResponse(responseCode = "400", description = "INVALID_CURSOR, VALIDATION_FAILED (limit)",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "404", description = "TICKET_NOT_FOUND (also for another tenant's ticket)",
            content = @Content(mediaType = "application/problem+json"))
    @GetMapping("/api/v1/tickets/{ticketId}/timeline")
    public Mono<ResponseEntity<TimelinePageResponse>> timeline(
            @Parameter(hidden = true) @AuthenticationPrincipal Caller caller, @PathVariable String ticketId,
            @ParameterObject @Valid @ModelAttribute TimelineParams params) {
        long from = SequenceCursor.TIMELINE.start(ticketId, params.cursor()); // a bad cursor throws: the problem handler answers 400
        FindTimeline query = new FindTimeline(caller.tenantId(), ticketId, from, params.pageSize());
        return Mono.fromFuture(() -> queries.query(query, ResponseTypes.optionalInstanceOf(TimelinePage.class)))
                .flatMap(Mono::justOrEmpty)
                .map(page -> answer(ticketId, params, page))
                .switchIfEmpty(Mono.error(() -> new RefusalException("TICKET_NOT_FOUND")));
    }

    private static ResponseEntity<TimelinePageResponse> answer(String ticketId, TimelineParams params, TimelinePage page) {
        var items = page.entries().stream().map(TimelineResponse::of).toList();
        if (!page.hasMore()) {
            return ResponseEntity.ok(new TimelinePageResponse(items, false, null));
        }
        String cursor = SequenceCursor.TIMELINE.next(ticketId, items.get(items.size() - 1).sequence() + 1);
        String next = UriComponentsBuilder.fromPath("/api/v1/tickets/{ticketId}/timeline")
                .queryParam("cursor", cursor).queryParam("limit", params.pageSize())
                .buildAndExpand(ticketId).encode().toUriString();
        return ResponseEntity.ok().header(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"")
                .body(new TimelinePageResponse(items, true, cursor));
    }
}
