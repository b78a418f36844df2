package com.aftersales.gateway.ticket;

import com.aftersales.ticket.view.TimelineEntry;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A process-log entry as the API shows it: free text masked unless the caller holds PII_READER. */
public record TimelineResponse(long sequence, String kind, String by, Instant at, Map<String, Object> details) {

    /** The free-text fields of ticket events; structured fields (times, codes) are left alone. */
    private static final java.util.Set<String> FREE_TEXT = java.util.Set.of("summary", "note", "information",
            "missing", "findings", "reason", "resolution", "comment", "customerOpinion", "keyTimePoints", "cause",
            "improvementPlan", "outcomeReason", "demandReason", "change", "customerConfirmation", "improvements");

    static TimelineResponse of(TimelineEntry entry, boolean mayReadPii) {
        Map<String, Object> details = entry.details();
        if (!mayReadPii && details != null) {
            Map<String, Object> masked = new LinkedHashMap<>();
            details.forEach((name, value) -> masked.put(name,
                    value instanceof String text && FREE_TEXT.contains(name) ? ContactMasking.text(text) : value));
            details = masked;
        }
        return new TimelineResponse(entry.sequence(), entry.kind(), entry.by(), entry.at(), details);
    }
}
