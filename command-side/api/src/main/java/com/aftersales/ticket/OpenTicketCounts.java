package com.aftersales.ticket;

/**
 * How many open tickets a member of staff leads or co-handles, for routing by least open tickets.
 * Answered by the query side (the search index of this node), so it follows the writes closely but
 * not exactly: two classifications at the same instant may both see the same counts.
 */
public interface OpenTicketCounts {

    long openFor(String tenantId, String staffId);
}
