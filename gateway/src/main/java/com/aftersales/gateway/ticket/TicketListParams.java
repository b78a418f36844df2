package com.aftersales.gateway.ticket;

import com.aftersales.ticket.view.TicketQueries.TicketFilter;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** Query parameters of {@code GET /api/v1/tickets}. */
public record TicketListParams(
        @Size(max = 40) String status,
        @Size(max = 40) String type,
        @Size(max = 10) String priority,
        @Size(max = 100) String productModel,
        @Size(max = 200) String customer,
        Instant registeredFrom,
        Instant registeredTo,
        @Size(max = 200) String q,
        @Size(max = 200) String cursor,
        @Min(1) @Max(100) Integer limit) {

    TicketFilter filter() {
        return new TicketFilter(status, type, priority, productModel, customer, registeredFrom, registeredTo, q);
    }

    int pageSize() {
        return limit == null ? 20 : limit;
    }
}
