package com.aftersales.privacy;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Ticket and subject facts as a test states them. */
public final class StubTicketRecords implements TicketRecords {

    public final Map<String, RetainedTicket> tickets = new HashMap<>();
    public final Set<String> subjectsOnHold = new HashSet<>();

    @Override
    public Optional<RetainedTicket> ticket(String ticketId) {
        return Optional.ofNullable(tickets.get(ticketId));
    }

    @Override
    public boolean subjectOnHold(String subjectId) {
        return subjectsOnHold.contains(subjectId);
    }
}
