package com.aftersales.gateway.ticket;

import com.aftersales.ticket.view.TimelineEntry;
import java.time.Instant;
import java.util.Map;

/**
 * A process-log entry as the API shows it. Personal data in its details is masked where the JSON
 * is written, for callers without PII_READER (see {@code infra.privacy.PersonalData}), not here.
 */
public record TimelineResponse(long sequence, String kind, String by, Instant at, Map<String, Object> details) {

    static TimelineResponse of(TimelineEntry entry) {
        return new TimelineResponse(entry.sequence(), entry.kind(), entry.by(), entry.at(), entry.details());
    }

}
