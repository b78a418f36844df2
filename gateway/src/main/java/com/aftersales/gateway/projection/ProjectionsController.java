package com.aftersales.gateway.projection;

import com.aftersales.gateway.problem.RefusalException;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Projection rebuilds for platform operators (PLATFORM_ADMIN), issue 13 §4; docs/privacy.md. */
@RestController
@RequestMapping("/api/v1/admin/projections")
public class ProjectionsController {

    private final ProjectionRebuilds rebuilds;

    public ProjectionsController(ProjectionRebuilds rebuilds) {
        this.rebuilds = rebuilds;
    }

    /** The processing group's name, repeated: a rebuild empties the read model first. */
    public record RebuildRequest(String confirm) {
    }

    @Operation(summary = "A projection's progress", description = "PLATFORM_ADMIN. Replaying after a rebuild until caughtUp.")
    @GetMapping("/{processingGroup}")
    public Mono<RebuildStatus> status(@PathVariable String processingGroup) {
        return Mono.fromCallable(() -> rebuilds.status(processingGroup)).subscribeOn(Schedulers.boundedElastic());
    }

    @Operation(summary = "Rebuild a projection from the event store", description = """
            PLATFORM_ADMIN. Empties the read model and replays every event into it; 202 with the progress \
            (follow it with GET). confirm must repeat the processing group's name. Stop the processor on \
            the other nodes first. 404 PROJECTION_NOT_REBUILDABLE, 409 PROJECTION_REBUILD_RUNNING, \
            409 PROJECTION_CLAIMED_ELSEWHERE (a segment is claimed by another node; nothing emptied).""")
    @PostMapping("/{processingGroup}/rebuild")
    public Mono<ResponseEntity<RebuildStatus>> rebuild(@PathVariable String processingGroup,
                                                       @RequestBody RebuildRequest request) {
        if (request == null || !processingGroup.equals(request.confirm())) {
            return Mono.error(new RefusalException("PROJECTION_REBUILD_UNCONFIRMED"));
        }
        return Mono.fromCallable(() -> ResponseEntity.status(HttpStatus.ACCEPTED).body(rebuilds.rebuild(processingGroup)))
                .subscribeOn(Schedulers.boundedElastic());
    }
}
