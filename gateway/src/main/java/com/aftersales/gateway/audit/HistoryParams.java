package com.aftersales.gateway.audit;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/** Query parameters of {@code GET /api/v1/tickets/{id}/history}. */
public record HistoryParams(
        @Schema(description = "nextCursor of the previous page (opaque)") @Size(max = 300) String cursor,
        @Schema(description = "events per page, 1-200 (default 50)") @Min(1) @Max(HistoryParams.MAX_LIMIT) Integer limit) {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;

    int pageSize() {
        return limit == null ? DEFAULT_LIMIT : limit;
    }
}
