package com.aftersales.gateway.audit;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/** Query parameters of {@code GET /api/v1/audit/export}. */
public record ExportParams(
        @Schema(description = "ISO-8601 instant, inclusive") @NotNull Instant from,
        @Schema(description = "ISO-8601 instant, exclusive; after from") @NotNull Instant to) {

    @RangeOrdered
    @Schema(hidden = true)
    public boolean isOrdered() {
        return from == null || to == null || to.isAfter(from);
    }
}
