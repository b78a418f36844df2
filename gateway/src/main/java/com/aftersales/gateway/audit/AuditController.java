package com.aftersales.gateway.audit;

import com.aftersales.access.Caller;
import com.aftersales.gateway.problem.RefusalException;
import com.aftersales.infra.audit.StreamAudit;
import com.aftersales.infra.audit.VerificationReport;
import com.aftersales.ticket.view.TicketQueries.FindTicket;
import com.aftersales.ticket.view.TicketQueryHandler;
import com.aftersales.ticket.view.TicketView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import com.aftersales.infra.tenancy.Role;
import jakarta.validation.Valid;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.ModelAttribute;
import reactor.core.scheduler.Schedulers;

/** Tamper evidence: a ticket's verification, and the public keys checkpoints are signed with. */
@RestController
public class AuditController {

    static final String JSON_LINES = "application/x-ndjson";

    private final StreamAudit audit;
    private final TicketHistory history;
    private final HistoryExport exports;
    private final HistoryAccessLog accessLog;
    private final TicketQueryHandler tickets;

    public AuditController(StreamAudit audit, TicketHistory history, HistoryExport exports, HistoryAccessLog accessLog,
                           TicketQueryHandler tickets) {
        this.tickets = tickets;
        this.audit = audit;
        this.history = history;
        this.exports = exports;
        this.accessLog = accessLog;
    }

    @Operation(summary = "Export a ticket's history for offline audit: JSON Lines with checkpoints and proofs (AUDITOR, TENANT_ADMIN)",
            description = """
            Streams `header`, `checkpoint`, `event` and `end` lines (docs/audit.md). Payload and metadata are             included for PII_READER; otherwise only their digests, which still verify. Check it with the             offline verifier against `/api/v1/audit/jwks.json`. Another tenant's ticket is 404.""")
    @ApiResponse(responseCode = "404", description = "TICKET_NOT_FOUND", content = @Content(mediaType = "application/problem+json"))
    @GetMapping(value = "/api/v1/tickets/{ticketId}/history/export", produces = JSON_LINES)
    public Flux<AuditJson> exportTicket(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller,
                                                  @PathVariable String ticketId) {
        return Mono.fromCallable(() -> {
                    boolean exists = history.exists(caller.tenantId(), ticketId);
                    if (exists) {
                        accessLog.record(caller, ticketId, "export", true);
                    }
                    return exists;
                })
                .subscribeOn(Schedulers.boundedElastic())
                .flatMapMany(exists -> exists ? exports.ticket(caller.tenantId(), ticketId, caller.has(Role.PII_READER))
                        : Flux.error(new RefusalException("TICKET_NOT_FOUND")));
    }

    @Operation(summary = "Export the caller's tenant's history in a time range for offline audit (AUDITOR, TENANT_ADMIN)",
            description = """
            Every event of the caller's tenant stamped in [`from`, `to`) (ISO-8601 instants), in global order,             as JSON Lines like the ticket export. Streams: any range in constant memory.""")
    @ApiResponse(responseCode = "400", description = "VALIDATION_FAILED (from, to)", content = @Content(mediaType = "application/problem+json"))
    @GetMapping(value = "/api/v1/audit/export", produces = JSON_LINES)
    public Flux<AuditJson> exportTenant(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller,
                                                  @ParameterObject @Valid @ModelAttribute ExportParams params) {
        return Mono.fromRunnable(() -> accessLog.recordTenantExport(caller, params.from(), params.to()))
                .subscribeOn(Schedulers.boundedElastic())
                .thenMany(Flux.defer(() -> exports.tenant(caller.tenantId(), params.from(), params.to(),
                        caller.has(Role.PII_READER))));
    }

    @Operation(summary = "Verify a ticket's history: hash chain, checkpoints, signatures (AUDITOR, TENANT_ADMIN)", description = """
            Recomputes every event's hash from its stored form, follows the chain, and checks each event against \
            the leaf of the signed checkpoint covering it, and that the stream reaches the last event the ticket's \
            view has seen. `intact`, or the first event that fails and how: \
            CHANGED, MISSING, REORDERED, INSERTED, CHECKPOINT_INVALID. Events newer than the latest checkpoint \
            are chain-verified only (`notYetCheckpointed`). Another tenant's ticket is 404.""")
    @ApiResponse(responseCode = "404", description = "TICKET_NOT_FOUND", content = @Content(mediaType = "application/problem+json"))
    @GetMapping("/api/v1/tickets/{ticketId}/history/verification")
    public Mono<VerificationReport> verification(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller,
                                                 @PathVariable String ticketId) {
        return Mono.fromCallable(() -> {
                    if (!history.exists(caller.tenantId(), ticketId)) {
                        return null;
                    }
                    accessLog.record(caller, ticketId, "verification", false);
                    long viewVersion = tickets.find(new FindTicket(caller.tenantId(), ticketId)).join()
                            .map(TicketView::version).orElse(-1L);
                    return audit.verify(caller.tenantId(), ticketId, viewVersion);
                })
                .subscribeOn(Schedulers.boundedElastic())
                .switchIfEmpty(Mono.error(() -> new RefusalException("TICKET_NOT_FOUND")));
    }

    @Operation(summary = "The public keys of the checkpoint signatures (JWKS, RFC 7517); open to anyone")
    @GetMapping(value = "/api/v1/audit/jwks.json", produces = "application/jwk-set+json")
    public ResponseEntity<AuditJson> jwks() {
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
                .body(new AuditJson(audit.keys().published().toJSONObject(true)));
    }
}
