package com.aftersales.gateway.audit;

import com.aftersales.gateway.problem.RefusalException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Where the next page of a ticket's history starts, as an opaque token: base64url of
 * {@code "history:<ticketId>:<sequence>"}. A cursor names its ticket, so one handed out for another
 * ticket is refused like a made-up one (400 INVALID_CURSOR).
 */
final class HistoryCursor {

    private static final String PREFIX = "history:";

    private HistoryCursor() {
    }

    static String next(String ticketId, long sequence) {
        String position = PREFIX + ticketId + ":" + sequence;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(position.getBytes(StandardCharsets.UTF_8));
    }

    /** The sequence number the page starts at: 0 without a cursor. */
    static long start(String ticketId, String cursor) {
        if (cursor == null) {
            return 0;
        }
        String position;
        try {
            position = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        String expected = PREFIX + ticketId + ":";
        if (!position.startsWith(expected)) {
            throw invalid();
        }
        try {
            long sequence = Long.parseLong(position.substring(expected.length()));
            if (sequence < 0) {
                throw invalid();
            }
            return sequence;
        } catch (NumberFormatException e) {
            throw invalid();
        }
    }

    private static RefusalException invalid() {
        return new RefusalException("INVALID_CURSOR");
    }
}
