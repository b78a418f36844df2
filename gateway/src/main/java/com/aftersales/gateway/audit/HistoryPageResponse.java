package com.aftersales.gateway.audit;

import java.util.List;

/**
 * One page of a ticket's history, oldest first. With {@code hasMore}, pass {@code nextCursor} as
 * {@code cursor} for the next page (also in the {@code Link: rel="next"} header).
 */
public record HistoryPageResponse(List<HistoryEntry> items, boolean hasMore, String nextCursor) {
}
