package com.aftersales.ticket.search;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.util.BytesRef;

/**
 * An opaque list position: the sort values of the last ticket seen, bound to the query it came
 * from (a digest of tenant, filter and sort), so that a cursor never pages another list.
 */
final class SearchCursor {

    private static final String VERSION = "s1";
    private static final String SEPARATOR = "\n";

    private SearchCursor() {
    }

    /** Identifies the list a cursor belongs to. */
    static String listKey(String... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] hash = digest.digest(String.join("\u0000", parts).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String encode(String listKey, FieldDoc last) {
        List<String> parts = new ArrayList<>(List.of(VERSION, listKey));
        for (Object value : last.fields) {
            parts.add(value(value));
        }
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(String.join(SEPARATOR, parts).getBytes(StandardCharsets.UTF_8));
    }

    private static String value(Object value) {
        if (value instanceof Long number) {
            return "L" + number;
        }
        if (value instanceof Float score) {
            return "F" + Float.floatToIntBits(score);
        }
        if (value instanceof BytesRef bytes) {
            return "S" + bytes.utf8ToString();
        }
        throw new IllegalArgumentException("Unexpected sort value " + value);
    }

    /**
     * The position after which the next page starts; refused when not ours or from another list.
     * Its document number is the last one of {@code maxDoc}: sort values end with the unique
     * ticket id, so the number only matters to keep the last ticket seen off the next page.
     */
    static FieldDoc decode(String cursor, String listKey, int fieldCount, int maxDoc) {
        String[] parts;
        try {
            parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(SEPARATOR, -1);
        } catch (IllegalArgumentException e) {
            throw new InvalidCursorException();
        }
        if (parts.length != fieldCount + 2 || !VERSION.equals(parts[0]) || !listKey.equals(parts[1])) {
            throw new InvalidCursorException();
        }
        Object[] fields = new Object[fieldCount];
        float score = Float.NaN;
        for (int i = 0; i < fieldCount; i++) {
            fields[i] = parse(parts[i + 2]);
            if (fields[i] instanceof Float value) {
                score = value;
            }
        }
        return new FieldDoc(Math.max(0, maxDoc - 1), score, fields);
    }

    private static Object parse(String part) {
        if (part.isEmpty()) {
            throw new InvalidCursorException();
        }
        String body = part.substring(1);
        try {
            return switch (part.charAt(0)) {
                case 'L' -> Long.parseLong(body);
                case 'F' -> Float.intBitsToFloat(Integer.parseInt(body));
                case 'S' -> new BytesRef(body);
                default -> throw new InvalidCursorException();
            };
        } catch (NumberFormatException e) {
            throw new InvalidCursorException();
        }
    }

    /** A cursor that this service did not hand out for this list. */
    public static class InvalidCursorException extends IllegalArgumentException {
        public InvalidCursorException() {
            super("INVALID_CURSOR");
        }
    }
}
