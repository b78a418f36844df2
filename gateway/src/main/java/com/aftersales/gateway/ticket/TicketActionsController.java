package com.aftersales.gateway.ticket;

import com.aftersales.access.Caller;
import com.aftersales.gateway.ticket.TicketActionRequests.Acknowledgement;
import com.aftersales.gateway.ticket.TicketActionRequests.Assignment;
import com.aftersales.gateway.ticket.TicketActionRequests.Classification;
import com.aftersales.gateway.ticket.TicketActionRequests.CoHandler;
import com.aftersales.gateway.ticket.TicketActionRequests.Marks;
import com.aftersales.gateway.ticket.TicketActionRequests.Reassignment;
import com.aftersales.gateway.ticket.TicketActionRequests.SendBack;
import com.aftersales.gateway.ticket.TicketActionRequests.Supplement;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Task endpoints of the ticket lifecycle (docs/lifecycle.md says who may do what when). Each
 * honours {@code If-Match} with the ticket version (412 VERSION_MISMATCH when stale) and answers
 * the updated ticket with its new version as ETag.
 */
@RestController
@RequestMapping("/api/v1/tickets/{ticketId}")
@ApiResponse(responseCode = "200", description = "The ticket after the task, read once the view shows it",
        headers = @Header(name = "ETag", description = "the ticket's version after the task, for the next If-Match"))
@ApiResponse(responseCode = "202", description = "Stored, but the view did not show it within "
        + "aftersales.api.read-your-writes-timeout: no body", headers = @Header(name = "ETag",
        description = "the ticket's version after the task"))
@ApiResponse(responseCode = "400", description = "VALIDATION_FAILED, MALFORMED_REQUEST, IF_MATCH_INVALID",
        content = @Content(mediaType = "application/problem+json"))
@ApiResponse(responseCode = "403", description = "ROLE_NOT_ALLOWED, NOT_THE_ASSIGNEE, NOT_A_HANDLER and other refusals",
        content = @Content(mediaType = "application/problem+json"))
@ApiResponse(responseCode = "404", description = "TICKET_NOT_FOUND (also for another tenant's ticket)",
        content = @Content(mediaType = "application/problem+json"))
@ApiResponse(responseCode = "409", description = "TICKET_STATE_CONFLICT, CONCURRENT_MODIFICATION and other conflicts",
        content = @Content(mediaType = "application/problem+json"))
@ApiResponse(responseCode = "412", description = "VERSION_MISMATCH: the ticket changed since the If-Match version",
        content = @Content(mediaType = "application/problem+json"))
public class TicketActionsController {

    private static final String IF_MATCH = "If-Match";

    private final TicketActions actions;

    public TicketActionsController(TicketActions actions) {
        this.actions = actions;
    }

    @Operation(summary = "Tell the customer the number and the promised response time (受理确认)")
    @PostMapping("/acknowledgement")
    public Mono<ResponseEntity<TicketResponse>> acknowledge(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller,
            @PathVariable String ticketId, @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody Acknowledgement body) {
        return actions.rest(TicketTasks.ACKNOWLEDGE, caller, ticketId, ifMatch, body);
    }

    @Operation(summary = "Set type, priority and responsibility (分类与优先级)")
    @PostMapping("/classification")
    public Mono<ResponseEntity<TicketResponse>> classify(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller,
            @PathVariable String ticketId, @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody Classification body) {
        return actions.rest(TicketTasks.CLASSIFY, caller, ticketId, ifMatch, body);
    }

    @Operation(summary = "Replace the special marks VIP / REPEAT / BATCH (特殊标记)")
    @PutMapping("/marks")
    public Mono<ResponseEntity<TicketResponse>> mark(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller,
            @PathVariable String ticketId, @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody Marks body) {
        return actions.rest(TicketTasks.MARK, caller, ticketId, ifMatch, body);
    }

    @Operation(summary = "Route to a department and a person (责任分配)")
    @PostMapping("/assignment")
    public Mono<ResponseEntity<TicketResponse>> assign(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller,
            @PathVariable String ticketId, @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody Assignment body) {
        return actions.rest(TicketTasks.ASSIGN, caller, ticketId, ifMatch, body);
    }

    @Operation(summary = "Move to another department or person, with a reason")
    @PostMapping("/reassignment")
    public Mono<ResponseEntity<TicketResponse>> reassign(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller,
            @PathVariable String ticketId, @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody Reassignment body) {
        return actions.rest(TicketTasks.REASSIGN, caller, ticketId, ifMatch, body);
    }

    @Operation(summary = "Add a handler to the task force (专项小组)")
    @PostMapping("/co-handlers")
    public Mono<ResponseEntity<TicketResponse>> addCoHandler(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller,
            @PathVariable String ticketId, @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody CoHandler body) {
        return actions.rest(TicketTasks.ADD_CO_HANDLER, caller, ticketId, ifMatch, body);
    }

    @Operation(summary = "The assignee confirms receipt")
    @PostMapping("/acceptance")
    public Mono<ResponseEntity<TicketResponse>> accept(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller,
            @PathVariable String ticketId, @RequestHeader(name = IF_MATCH, required = false) String ifMatch) {
        return actions.rest(TicketTasks.ACCEPT, caller, ticketId, ifMatch, TicketTask.NoBody.INSTANCE);
    }

    @Operation(summary = "The assignee sends the ticket back for missing details")
    @PostMapping("/send-back")
    public Mono<ResponseEntity<TicketResponse>> sendBack(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller,
            @PathVariable String ticketId, @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody SendBack body) {
        return actions.rest(TicketTasks.SEND_BACK, caller, ticketId, ifMatch, body);
    }

    @Operation(summary = "Intake supplies the missing details")
    @PostMapping("/supplement")
    public Mono<ResponseEntity<TicketResponse>> supply(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller,
            @PathVariable String ticketId, @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody Supplement body) {
        return actions.rest(TicketTasks.SUPPLY, caller, ticketId, ifMatch, body);
    }
}
