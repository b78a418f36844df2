package com.aftersales.gateway.ticket;

import com.aftersales.gateway.problem.RefusalException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Where the next page of one of a ticket's sequences (its process log, its history) starts, as an
 * opaque token: base64url of {@code "<kind>:<ticketId>:<sequence>"}. A cursor names its kind and
 * ticket, so one handed out for another ticket or list is refused like a made-up one (400
 * INVALID_CURSOR).
 */
public final class SequenceCursor {

    public static final SequenceCursor TIMELINE = new SequenceCursor("timeline");
    public static final SequenceCursor HISTORY = new SequenceCursor("history");

    private final String prefix;

    private SequenceCursor(String kind) {
        this.prefix = kind + ":";
    }

    public String next(String ticketId, long sequence) {
        String position = prefix + ticketId + ":" + sequence;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(position.getBytes(StandardCharsets.UTF_8));
    }

    /** The sequence number the page starts at: 0 without a cursor. */
    public long start(String ticketId, String cursor) {
        if (cursor == null) {
            return 0;
        }
        String position = decode(cursor);
        String expected = prefix + ticketId + ":";
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

    private static String decode(String cursor) {
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    private static RefusalException invalid() {
        return new RefusalException("INVALID_CURSOR");
    }
}
