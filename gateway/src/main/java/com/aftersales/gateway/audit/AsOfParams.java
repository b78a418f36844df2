package com.aftersales.gateway.audit;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Min;
import java.time.Instant;

/** Query parameters of {@code GET /api/v1/tickets/{id}/history/state}: either, both or neither. */
public record AsOfParams(
        @Schema(description = "ISO-8601 instant: the ticket once every event up to and including this instant had happened")
        Instant asOf,
        @Schema(description = "sequence number: the ticket once every event up to and including this one had happened")
        @Min(0) Long sequence) {
}
