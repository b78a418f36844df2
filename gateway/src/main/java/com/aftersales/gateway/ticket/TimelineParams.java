package com.aftersales.gateway.ticket;

import com.aftersales.ticket.view.TicketQueries.TimelinePage;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/** Query parameters of {@code GET /api/v1/tickets/{id}/timeline}. */
public record TimelineParams(
        @Schema(description = "nextCursor of the previous page (opaque)") @Size(max = 300) String cursor,
        @Schema(description = "entries per page, 1-200 (default 50)") @Min(1) @Max(TimelinePage.MAX_LIMIT) Integer limit) {

    static final int DEFAULT_LIMIT = 50;

    int pageSize() {
        return limit == null ? DEFAULT_LIMIT : limit;
    }
}
