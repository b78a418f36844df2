package com.aftersales.gateway.ticket;

import java.util.List;

/**
 * One page of a ticket's process log, oldest first. With {@code hasMore}, pass {@code nextCursor}
 * as {@code cursor} for the next page (also in the {@code Link: rel="next"} header); absent on the
 * last page.
 */
public record TimelinePageResponse(List<TimelineResponse> items, boolean hasMore, String nextCursor) {
}
