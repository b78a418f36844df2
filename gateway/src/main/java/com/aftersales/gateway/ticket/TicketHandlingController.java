package com.aftersales.gateway.ticket;

import com.aftersales.access.Caller;
import com.aftersales.gateway.ticket.TicketActionRequests.Contact;
import com.aftersales.gateway.ticket.TicketActionRequests.CustomerUpdate;
import com.aftersales.gateway.ticket.TicketActionRequests.Decision;
import com.aftersales.gateway.ticket.TicketActionRequests.Diagnosis;
import com.aftersales.gateway.ticket.TicketActionRequests.Escalation;
import com.aftersales.gateway.ticket.TicketActionRequests.FollowUpCall;
import com.aftersales.gateway.ticket.TicketActionRequests.Plan;
import com.aftersales.gateway.ticket.TicketActionRequests.Progress;
import com.aftersales.gateway.ticket.TicketActionRequests.Resolution;
import com.aftersales.gateway.ticket.TicketActionRequests.Survey;
import com.aftersales.gateway.ticket.TicketActionRequests.Verdict;
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

/** Task endpoints of handling, resolution and closure (SPEC §5–§6). */
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
public class TicketHandlingController {

    private static final String IF_MATCH = "If-Match";

    private final TicketActions actions;

    public TicketHandlingController(TicketActions actions) {
        this.actions = actions;
    }

    @Operation(summary = "Record the diagnosis 诊断")
    @PostMapping("/diagnosis")
    public Mono<ResponseEntity<TicketResponse>> diagnose(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller,
            @PathVariable String ticketId, @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody Diagnosis body) {
        return actions.rest(TicketTasks.DIAGNOSE, caller, ticketId, ifMatch, body);
    }

    @Operation(summary = "Propose a plan 处理方案; the answer says which approval it needs")
    @PostMapping("/plan")
    public Mono<ResponseEntity<TicketResponse>> propose(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller,
            @PathVariable String ticketId, @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody Plan body) {
        return actions.rest(TicketTasks.PROPOSE_PLAN, caller, ticketId, ifMatch, body);
    }

    @Operation(summary = "Approve the pending plan 方案审批 (highest level: MANAGER; second: SUPERVISOR)")
    @PostMapping("/plan/approval")
    public Mono<ResponseEntity<TicketResponse>> approve(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller,
            @PathVariable String ticketId, @RequestHeader(name = IF_MATCH, required = false) String ifMatch) {
        return actions.rest(TicketTasks.APPROVE_PLAN, caller, ticketId, ifMatch, TicketTask.NoBody.INSTANCE);
    }

    @Operation(summary = "Reject the pending plan with a reason")
    @PostMapping("/plan/rejection")
    public Mono<ResponseEntity<TicketResponse>> reject(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller,
            @PathVariable String ticketId, @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody Decision body) {
        return actions.rest(TicketTasks.REJECT_PLAN, caller, ticketId, ifMatch, body);
    }

    @Operation(summary = "Set the progress state 处理状态")
    @PostMapping("/progress")
    public Mono<ResponseEntity<TicketResponse>> progress(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller,
            @PathVariable String ticketId, @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody Progress body) {
        return actions.rest(TicketTasks.SET_PROGRESS, caller, ticketId, ifMatch, body);
    }

    @Operation(summary = "Log a contact (channel, direction, summary)")
    @PostMapping("/contacts")
    public Mono<ResponseEntity<TicketResponse>> contact(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller,
            @PathVariable String ticketId, @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody Contact body) {
        return actions.rest(TicketTasks.LOG_CONTACT, caller, ticketId, ifMatch, body);
    }

    @Operation(summary = "Record a customer update 进度同步")
    @PostMapping("/customer-updates")
    public Mono<ResponseEntity<TicketResponse>> customerUpdate(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller,
            @PathVariable String ticketId, @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody CustomerUpdate body) {
        return actions.rest(TicketTasks.CUSTOMER_UPDATE, caller, ticketId, ifMatch, body);
    }

    @Operation(summary = "Escalate 问题升级 with a reason")
    @PostMapping("/escalations")
    public Mono<ResponseEntity<TicketResponse>> escalate(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller,
            @PathVariable String ticketId, @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody Escalation body) {
        return actions.rest(TicketTasks.ESCALATE, caller, ticketId, ifMatch, body);
    }

    @Operation(summary = "Resolve; the customer verifies next 客户验收")
    @PostMapping("/resolution")
    public Mono<ResponseEntity<TicketResponse>> resolve(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller,
            @PathVariable String ticketId, @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody Resolution body) {
        return actions.rest(TicketTasks.RESOLVE, caller, ticketId, ifMatch, body);
    }

    @Operation(summary = "The customer's verdict: accepted closes, rejected reopens for second handling")
    @PostMapping("/verdict")
    public Mono<ResponseEntity<TicketResponse>> verdict(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller,
            @PathVariable String ticketId, @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody Verdict body) {
        return actions.rest(TicketTasks.VERDICT, caller, ticketId, ifMatch, body);
    }

    @Operation(summary = "Record the satisfaction survey 满意度")
    @PostMapping("/survey")
    public Mono<ResponseEntity<TicketResponse>> survey(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller,
            @PathVariable String ticketId, @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody Survey body) {
        return actions.rest(TicketTasks.SURVEY, caller, ticketId, ifMatch, body);
    }

    @Operation(summary = "Record the follow-up call 回访")
    @PostMapping("/follow-up-call")
    public Mono<ResponseEntity<TicketResponse>> followUp(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller,
            @PathVariable String ticketId, @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody FollowUpCall body) {
        return actions.rest(TicketTasks.FOLLOW_UP_CALL, caller, ticketId, ifMatch, body);
    }

    @Operation(summary = "Archive 归档: read-only afterwards")
    @PostMapping("/archive")
    public Mono<ResponseEntity<TicketResponse>> archive(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller,
            @PathVariable String ticketId, @RequestHeader(name = IF_MATCH, required = false) String ifMatch) {
        return actions.rest(TicketTasks.ARCHIVE, caller, ticketId, ifMatch, TicketTask.NoBody.INSTANCE);
    }
}
