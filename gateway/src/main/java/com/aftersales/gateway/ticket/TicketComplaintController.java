package com.aftersales.gateway.ticket;

import com.aftersales.access.Caller;
import com.aftersales.gateway.ticket.TicketActionRequests.ComplaintFeedback;
import com.aftersales.gateway.ticket.TicketActionRequests.PlanChange;
import com.aftersales.gateway.ticket.TicketActionRequests.Review;
import com.aftersales.gateway.ticket.TicketActionRequests.Warranty;
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
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The complaint feedback form and its review (SPEC §7), warranties and confirmed plan changes. */
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
@ApiResponse(responseCode = "428", description = "IF_MATCH_REQUIRED: decisions (plan approval or rejection, "
        + "complaint review, archive) need If-Match", content = @Content(mediaType = "application/problem+json"))
public class TicketComplaintController {

    private static final String IF_MATCH = "If-Match";

    private final TicketActions actions;

    public TicketComplaintController(TicketActions actions) {
        this.actions = actions;
    }

    @Operation(summary = "Submit the complaint feedback form 投诉处理责任人反馈表")
    @PostMapping("/complaint-feedback")
    public Mono<ResponseEntity<TicketResponse>> feedback(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller,
            @PathVariable String ticketId, @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody ComplaintFeedback body) {
        return actions.rest(TicketTasks.COMPLAINT_FEEDBACK, caller, ticketId, ifMatch, body);
    }

    @Operation(summary = "Review the form: approve archiving 同意归档 or send back for supplement 需补充说明")
    @PostMapping("/complaint-feedback/review")
    public Mono<ResponseEntity<TicketResponse>> review(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller,
            @PathVariable String ticketId, @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody Review body) {
        return actions.rest(TicketTasks.REVIEW_COMPLAINT, caller, ticketId, ifMatch, body);
    }

    @Operation(summary = "Record the warranty of a replaced part")
    @PostMapping("/warranties")
    public Mono<ResponseEntity<TicketResponse>> warranty(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller,
            @PathVariable String ticketId, @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody Warranty body) {
        return actions.rest(TicketTasks.WARRANTY, caller, ticketId, ifMatch, body);
    }

    @Operation(summary = "Record a plan change the customer confirmed in writing")
    @PostMapping("/plan-changes")
    public Mono<ResponseEntity<TicketResponse>> planChange(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller,
            @PathVariable String ticketId, @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody PlanChange body) {
        return actions.rest(TicketTasks.PLAN_CHANGE, caller, ticketId, ifMatch, body);
    }
}
