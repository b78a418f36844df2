package com.aftersales.ticket.search;

import com.aftersales.ticket.OpenTicketCounts;
import com.aftersales.ticket.view.TicketQueries.CountTickets;
import org.springframework.stereotype.Component;

/** Open tickets per person from this node's search index: the {@code mine} queue of that person. */
@Component
public class SearchOpenTicketCounts implements OpenTicketCounts {

    private final TicketSearch search;

    public SearchOpenTicketCounts(TicketSearch search) {
        this.search = search;
    }

    @Override
    public long openFor(String tenantId, String staffId) {
        return search.count(new CountTickets(tenantId, staffId)).mine();
    }
}
