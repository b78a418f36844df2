package com.aftersales.gateway.tenant;

import com.aftersales.infra.tenancy.Tenant;
import com.aftersales.infra.tenancy.TenantConfiguration;
import com.aftersales.refusal.Refusal;
import com.aftersales.ticket.search.TicketSearch;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToLongBiFunction;
import org.springframework.stereotype.Component;

/**
 * A new configuration may not drop a priority level or ticket type that open tickets still carry:
 * the ticket rules read the configuration in force, so an open {@code urgent} ticket under a scheme
 * without {@code urgent} would rank nowhere (no approver, no seniority). Counted in this node's search
 * index, which follows writes within milliseconds: a ticket registered at the same instant on another
 * node may slip through, as the index's other counts may.
 */
@Component
public class ConfigurationInUse {

    private final TicketSearch search;

    public ConfigurationInUse(TicketSearch search) {
        this.search = search;
    }

    /** TENANT_CONFIGURATION_INVALID naming the field, the dropped code and how many open tickets carry it. */
    Optional<Refusal> problem(Tenant current, TenantConfiguration next) {
        if (next == null) {
            return Optional.empty(); // the aggregate refuses it
        }
        Optional<Refusal> priority = next.priorityScheme() == null ? Optional.empty()
                : dropped("priorityScheme", current, current.priorityScheme().codes(), next.priorityScheme().codes(),
                        search::openWithPriority);
        return priority.or(() -> next.ticketTypes() == null ? Optional.empty()
                : dropped("ticketTypes", current, current.ticketTypes(), next.ticketTypes(), search::openOfType));
    }

    private static Optional<Refusal> dropped(String field, Tenant current, List<String> before, List<String> after,
                                             ToLongBiFunction<String, String> open) {
        for (String code : before) {
            long count = after.contains(code) ? 0 : open.applyAsLong(current.id(), code);
            if (count > 0) {
                Map<String, Object> arguments = new LinkedHashMap<>();
                arguments.put("field", field);
                arguments.put("value", code);
                arguments.put("openTickets", count);
                return Optional.of(new Refusal("TENANT_CONFIGURATION_INVALID", arguments));
            }
        }
        return Optional.empty();
    }
}
