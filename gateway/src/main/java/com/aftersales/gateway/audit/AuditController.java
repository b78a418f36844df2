package com.aftersales.gateway.audit;

import com.aftersales.access.Caller;
import com.aftersales.gateway.problem.RefusalException;
import com.aftersales.infra.audit.StreamAudit;
import com.aftersales.infra.audit.VerificationReport;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Tamper evidence: a ticket's verification, and the public keys checkpoints are signed with. */
@RestController
public class AuditController {

    private final StreamAudit audit;
    private final TicketHistory history;

    public AuditController(StreamAudit audit, TicketHistory history) {
        this.audit = audit;
        this.history = history;
    }

    @Operation(summary = "Verify a ticket's history: hash chain, checkpoints, signatures (AUDITOR, TENANT_ADMIN)", description = """
            Recomputes every event's hash from its stored form, follows the chain, and checks each event against \
            the leaf of the signed checkpoint covering it. `intact`, or the first event that fails and how: \
            CHANGED, MISSING, REORDERED, INSERTED, CHECKPOINT_INVALID. Events newer than the latest checkpoint \
            are chain-verified only (`notYetCheckpointed`). Another tenant's ticket is 404.""")
    @ApiResponse(responseCode = "404", description = "TICKET_NOT_FOUND", content = @Content(mediaType = "application/problem+json"))
    @GetMapping("/api/v1/tickets/{ticketId}/history/verification")
    public Mono<VerificationReport> verification(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller,
                                                 @PathVariable String ticketId) {
        return Mono.fromCallable(() -> history.exists(caller.tenantId(), ticketId)
                        ? audit.verify(caller.tenantId(), ticketId) : null)
                .subscribeOn(Schedulers.boundedElastic())
                .switchIfEmpty(Mono.error(() -> new RefusalException("TICKET_NOT_FOUND")));
    }

    @Operation(summary = "The public keys of the checkpoint signatures (JWKS, RFC 7517); open to anyone")
    @GetMapping(value = "/api/v1/audit/jwks.json", produces = "application/jwk-set+json")
    public ResponseEntity<Map<String, Object>> jwks() {
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(java.time.Duration.ofMinutes(5)).cachePublic())
                .body(audit.keys().published().toJSONObject(true));
    }
}
