package com.aftersales.sla;

import java.time.Instant;
import java.util.List;

/** Questions about a ticket's SLA clocks, answered from its stored facts. */
public final class SlaQueries {

    private SlaQueries() {
    }

    /** The clocks of the tenant's ticket now; empty when the tenant has no such ticket. */
    public record FindTicketSla(String tenantId, String ticketId) {
    }

    /** Every clock of the ticket, in the order they started, as of {@code at}. */
    public record TicketSla(String ticketId, Instant at, List<SlaClockStatus> clocks) {
    }
}
