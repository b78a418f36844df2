package com.aftersales.gateway.ticket;

import java.util.List;

/**
 * One page of tickets; pass {@code nextCursor} as {@code cursor} for the next page (absent on the
 * last, where {@code hasMore} is false).
 */
public record TicketListResponse(List<TicketResponse> items, String nextCursor, boolean hasMore) {
}
