package com.aftersales.gateway.deadletter;

import com.aftersales.gateway.problem.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Dead letters of the projections, for platform operators (PLATFORM_ADMIN). */
@RestController
@RequestMapping("/api/v1/admin/dead-letters")
public class DeadLettersController {

    private final DeadLetterAdmin admin;
    private final Problems problems;

    public DeadLettersController(DeadLetterAdmin admin, Problems problems) {
        this.admin = admin;
        this.problems = problems;
    }

    @Operation(summary = "Events a projection failed on, per processing group and ticket", description = """
            PLATFORM_ADMIN. Event type, ticket id and sequence number, cause type and times only: no \
            event contents. A letter without causeType waits behind an earlier failed event of its ticket.""")
    @GetMapping
    public Mono<DeadLetterList> list() {
        return Mono.fromCallable(admin::list).subscribeOn(Schedulers.boundedElastic());
    }

    @Operation(summary = "Process a group's dead letters again", description = """
            PLATFORM_ADMIN. Run after the cause is fixed: each ticket's letters are applied in order; a \
            ticket whose letter fails again stays queued. Answers how many letters left the queue.""")
    @ApiResponse(responseCode = "404", description = "PROCESSING_GROUP_UNKNOWN",
            content = @Content(mediaType = "application/problem+json"))
    @PostMapping("/{processingGroup}/retry")
    public Mono<DeadLetterRetry> retry(@PathVariable String processingGroup) {
        return Mono.fromCallable(() -> admin.retry(processingGroup)).subscribeOn(Schedulers.boundedElastic());
    }

    @ExceptionHandler(UnknownProcessingGroupException.class)
    ProblemDetail unknown(UnknownProcessingGroupException e, ServerWebExchange exchange) {
        Locale locale = exchange.getLocaleContext().getLocale();
        return problems.problem(HttpStatus.NOT_FOUND, "PROCESSING_GROUP_UNKNOWN", locale == null ? Locale.ENGLISH : locale,
                String.join(", ", admin.groups()));
    }
}
