package com.aftersales.ticket.view;

import java.time.Instant;
import java.util.Map;

/** One entry of a ticket's process log: what happened ({@code kind}), who, when, and its details. */
public record TimelineEntry(String ticketId, long sequence, String kind, String by, Instant at,
                            Map<String, Object> details) {
}
