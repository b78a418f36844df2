package com.aftersales.gateway.privacy;

import com.aftersales.access.Caller;
import com.aftersales.gateway.privacy.PrivacyRequests.ErasureRequest;
import com.aftersales.gateway.privacy.PrivacyRequests.HoldRequest;
import com.aftersales.gateway.privacy.PrivacyRequests.SubjectHoldRequest;
import com.aftersales.gateway.privacy.PrivacyRequests.SubjectProbe;
import com.aftersales.gateway.privacy.PrivacyResponses.ErasureRecorded;
import com.aftersales.gateway.privacy.PrivacyResponses.ExportedTicket;
import com.aftersales.gateway.privacy.PrivacyResponses.SubjectExport;
import com.aftersales.privacy.PrivacyQueries.SubjectRetention;
import com.aftersales.privacy.PrivacyQueries.TicketRetention;
import com.aftersales.gateway.ticket.TicketResponse;
import com.aftersales.gateway.ticket.TicketViews;
import com.aftersales.gateway.ticket.TimelineResponse;
import com.aftersales.privacy.PrivacyCommands.PlaceTicketHold;
import com.aftersales.privacy.PrivacyCommands.ReleaseTicketHold;
import com.aftersales.ticket.view.TicketQueries.FindTimeline;
import com.aftersales.ticket.view.TicketQueries.TimelinePage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import com.aftersales.gateway.problem.RefusalException;
import com.aftersales.infra.tenancy.Role;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * SPEC §8 for a tenant (docs/privacy.md): legal holds (TENANT_ADMIN; AUDITOR may read them),
 * erasure requests (TENANT_ADMIN) and access requests (PII_READER). Customers are named in
 * request bodies, never in URLs (which end up in logs).
 */
@RestController
@RequestMapping("/api/v1/privacy")
public class PrivacyController {

    private final DataSubjects subjects;
    private final TicketViews views;
    private final QueryGateway queries;

    public PrivacyController(DataSubjects subjects, TicketViews views, QueryGateway queries) {
        this.subjects = subjects;
        this.views = views;
        this.queries = queries;
    }

    @Operation(summary = "A ticket's retention and hold", description = """
            TENANT_ADMIN, AUDITOR. When it was archived, when its retention ends and its personal data is \
            disposed of, whether it is on legal hold. 404 TICKET_NOT_FOUND also for another tenant's ticket.""")
    @GetMapping("/tickets/{ticketId}/retention")
    public Mono<TicketRetention> retention(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller,
                                           @PathVariable String ticketId) {
        return DataSubjects.blocking(() -> subjects.ticket(caller, ticketId));
    }

    @Operation(summary = "Place a legal hold on a ticket", description = """
            TENANT_ADMIN. Neither disposal nor erasure touches the ticket until the hold is released. \
            409 ALREADY_ON_HOLD; 422 REASON_REQUIRED.""")
    @PostMapping("/tickets/{ticketId}/hold")
    public Mono<TicketRetention> hold(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller,
                                      @PathVariable String ticketId, @RequestBody HoldRequest request) {
        return ticketHold(caller, ticketId, new PlaceTicketHold(ticketId, reason(request), null));
    }

    @Operation(summary = "Release a ticket's legal hold", description = """
            TENANT_ADMIN. Its disposal is scheduled again. 409 NOT_ON_HOLD; 422 REASON_REQUIRED.""")
    @PostMapping("/tickets/{ticketId}/hold/release")
    public Mono<TicketRetention> release(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller,
                                         @PathVariable String ticketId, @RequestBody HoldRequest request) {
        return ticketHold(caller, ticketId, new ReleaseTicketHold(ticketId, reason(request), null));
    }

    private Mono<TicketRetention> ticketHold(Caller caller, String ticketId, Object command) {
        return DataSubjects.blocking(() -> {
            subjects.send(caller, command);
            return subjects.ticket(caller, ticketId);
        });
    }

    @Operation(summary = "Look up a customer's holds and retention", description = """
            TENANT_ADMIN, AUDITOR. The customer by customer id, phone or email; by phone or email only with \
            PII_READER (403 PERSONAL_DATA_SEARCH_NOT_ALLOWED), as the ticket search by customer. \
            404 SUBJECT_NOT_FOUND; 422 SUBJECT_AMBIGUOUS when the fields name different customers.""")
    @PostMapping("/subjects/lookup")
    public Mono<SubjectRetention> lookup(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller,
                                         @RequestBody SubjectProbe probe) {
        if (probe != null && (probe.identity().phone() != null || probe.identity().email() != null)
                && !caller.has(Role.PII_READER)) {
            return Mono.error(new RefusalException("PERSONAL_DATA_SEARCH_NOT_ALLOWED"));
        }
        return subjects.retention(caller, probe);
    }

    @Operation(summary = "Place a legal hold on a customer", description = "TENANT_ADMIN. Every ticket of the customer is kept.")
    @PostMapping("/subjects/hold")
    public Mono<SubjectRetention> holdSubject(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller,
                                              @RequestBody SubjectHoldRequest request) {
        return subjects.hold(caller, request.probe(), request.reason(), true);
    }

    @Operation(summary = "Release a customer's legal hold", description = "TENANT_ADMIN.")
    @PostMapping("/subjects/hold/release")
    public Mono<SubjectRetention> releaseSubject(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller,
                                                 @RequestBody SubjectHoldRequest request) {
        return subjects.hold(caller, request.probe(), request.reason(), false);
    }

    @Operation(summary = "Erase a customer's personal data", description = """
            TENANT_ADMIN (PIPL art. 47, GDPR art. 17). Destroys the customer's keys: every view, list, search, \
            timeline and export then shows the personal fields as erased; statistics stay. Refused, changing \
            nothing, with 422 ERASURE_WITHIN_RETENTION, ERASURE_TICKET_NOT_ARCHIVED or ERASURE_ON_HOLD.""")
    @PostMapping("/erasures")
    public Mono<ErasureRecorded> erase(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller,
                                       @RequestBody ErasureRequest request) {
        return subjects.erase(caller, request.probe(), request.reason());
    }

    @Operation(summary = "Access request: export a customer's data", description = """
            PII_READER (PIPL art. 45). The customer's tickets as the API shows them, with their process logs, as JSON; \
            `unavailable` lists the customer's tickets whose view cannot be read now (never left out silently).""")
    @PostMapping("/access-requests")
    public Mono<SubjectExport> access(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller,
                                      @RequestBody SubjectProbe probe) {
        return DataSubjects.blocking(() -> {
            SubjectRetention subject = subjects.subjectOf(caller, probe);
            return new SubjectRequest(subject.subjectId(), subject.ticketIds());
        }).flatMap(request -> Flux.fromIterable(request.tickets())
                .concatMap(ticketId -> exported(caller, ticketId).map(Optional::of).defaultIfEmpty(Optional.empty())
                        .map(found -> Map.entry(ticketId, found)))
                .collectList()
                .map(found -> new SubjectExport(request.subject(),
                        found.stream().flatMap(entry -> entry.getValue().stream()).toList(),
                        found.stream().filter(entry -> entry.getValue().isEmpty()).map(Map.Entry::getKey).toList())));
    }

    private record SubjectRequest(String subject, List<String> tickets) {
    }

    private Mono<ExportedTicket> exported(Caller caller, String ticketId) {
        return views.find(caller, ticketId).flatMap(view -> Mono.fromFuture(() -> queries.query(
                        new FindTimeline(caller.tenantId(), ticketId, 0, TimelinePage.MAX_LIMIT),
                        ResponseTypes.optionalInstanceOf(TimelinePage.class)))
                .map(page -> page.map(TimelinePage::entries).orElse(List.of()).stream()
                        .map(entry -> new TimelineResponse(entry.sequence(), entry.kind(), entry.by(), entry.at(),
                                entry.details())).toList())
                .map(timeline -> new ExportedTicket(TicketResponse.of(view), timeline)));
    }

    private static String reason(HoldRequest request) {
        return request == null ? null : request.reason();
    }
}
