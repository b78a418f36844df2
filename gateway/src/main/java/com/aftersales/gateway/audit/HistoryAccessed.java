package com.aftersales.gateway.audit;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * Someone read a ticket's history (PIPL: a record of who processed personal data): who
 * ({@code readerId}, {@code readerKind} user or client), which view ({@code history}, {@code state},
 * {@code verification}, {@code export}), whether personal data was shown unmasked, and when.
 * Stored in the event store in the stream {@code history-access:<ticketId>}, hashed and
 * checkpointed like every event.
 */
@Revision("1")
public record HistoryAccessed(String tenantId, String ticketId, String readerId, String readerKind, String view,
                              boolean personalData, Instant at) {
}
