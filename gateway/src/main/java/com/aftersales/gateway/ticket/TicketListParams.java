package com.aftersales.gateway.ticket;

import com.aftersales.ticket.view.TicketQueries.Queue;
import com.aftersales.ticket.view.TicketQueries.TicketFilter;
import com.aftersales.ticket.view.TicketQueries.TicketSort;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Locale;

/** Query parameters of {@code GET /api/v1/tickets}. */
public record TicketListParams(
        @Size(max = 40) String status,
        @Size(max = 40) String type,
        @Size(max = 10) String priority,
        @Size(max = 100) String productModel,
        @Schema(description = "Customer id, contact number or name words; PII_READER only")
        @Size(max = 200) String customer,
        Instant registeredFrom,
        Instant registeredTo,
        @Schema(description = "Words of the description or model (Chinese segmented), or a ticket number; "
                + "customer names too for PII_READER")
        @Size(max = 200) String q,
        @Schema(description = "all (default), open, unassigned (open, no lead), mine (open, caller leads or co-handles); "
                + "SLA (docs/sla.md): at-risk (an open clock warned, none breached), breached (an open clock breached), "
                + "escalated (open, escalated to the caller's level in their department)")
        @Pattern(regexp = "(?i)all|open|unassigned|mine|at-risk|breached|escalated") String queue,
        @Size(max = 100) String department,
        @Schema(description = "registeredAt (default, newest first), priority (highest first), relevance (to q) or due "
                + "(next SLA due time, most urgent first; paused clocks after counting ones; the default of the SLA queues)")
        @Pattern(regexp = "(?i)registeredAt|priority|relevance|due") String sort,
        @Size(max = 400) String cursor,
        @Min(1) @Max(100) Integer limit) {

    TicketFilter filter(String caller, boolean personalData) {
        return new TicketFilter(status, type, priority, productModel, customer, registeredFrom, registeredTo, q,
                ticketQueue(), department, caller, personalData);
    }

    private Queue ticketQueue() {
        return queue == null ? Queue.ALL : Queue.valueOf(queue.toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    /** Newest first, but the SLA queues most urgent first. */
    TicketSort ticketSort() {
        if (sort == null) {
            return switch (ticketQueue()) {
                case AT_RISK, BREACHED, ESCALATED -> TicketSort.DUE;
                default -> TicketSort.REGISTERED_AT;
            };
        }
        return switch (sort.toLowerCase(Locale.ROOT)) {
            case "priority" -> TicketSort.PRIORITY;
            case "relevance" -> TicketSort.RELEVANCE;
            case "due" -> TicketSort.DUE;
            default -> TicketSort.REGISTERED_AT;
        };
    }

    int pageSize() {
        return limit == null ? 20 : limit;
    }
}
