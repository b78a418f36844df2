package com.aftersales.infra.eventstore;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The tamper-evidence hash of a stored event: SHA-256 (JDK) over a canonical form of what is
 * stored, chained to the previous event of the same stream.
 * <p>
 * Canonical form, version 1: the UTF-8 bytes of {@code "aftersales-event-v1"}, then each field as a
 * 4-byte big-endian length and its UTF-8 bytes (length -1 for an absent value), in this order:
 * previous hash (hex, absent for a stream's first event), tenant, aggregate type, aggregate id,
 * sequence number (decimal), event id, timestamp (as stored, ISO-8601), payload type, payload
 * revision, the payload's digest, the metadata's digest. A digest is the lower-case hex SHA-256 of
 * the event's salt (16 random bytes, stored with the event as hex) followed by the stored string's
 * UTF-8 bytes. The salt keeps a digest (and the hash) from being brute-forced back to masked
 * personal data: it is shown only to callers who may see the payload. An export without personal
 * data carries the digests instead of payload, metadata and salt and still verifies. The hash is
 * written as lower-case hex. Nothing is normalised: any change of a stored byte changes it.
 * docs/audit.md repeats this, with known-answer vectors, for verifiers in other languages.
 */
public final class EventHashes {

    static final String VERSION = "aftersales-event-v1";
    public static final int SALT_BYTES = 16;
    private static final HexFormat HEX = HexFormat.of();
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private EventHashes() {
    }

    /** A new random salt, as lower-case hex. */
    public static String newSalt() {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return HEX.formatHex(salt);
    }

    public static String hash(String previousHash, String tenant, String aggregateType, String aggregateIdentifier,
                              long sequence, String eventIdentifier, String timestamp, String payloadType,
                              String payloadRevision, String salt, String payload, String metaData) {
        return hashOfDigests(previousHash, tenant, aggregateType, aggregateIdentifier, sequence, eventIdentifier,
                timestamp, payloadType, payloadRevision, digest(salt, payload), digest(salt, metaData));
    }

    /** The same hash from the salted digests of payload and metadata ({@link #digest(String, String)}). */
    public static String hashOfDigests(String previousHash, String tenant, String aggregateType,
                                       String aggregateIdentifier, long sequence, String eventIdentifier,
                                       String timestamp, String payloadType, String payloadRevision,
                                       String payloadDigest, String metaDataDigest) {
        MessageDigest digest = sha256();
        digest.update(VERSION.getBytes(StandardCharsets.UTF_8));
        field(digest, previousHash);
        field(digest, tenant);
        field(digest, aggregateType);
        field(digest, aggregateIdentifier);
        field(digest, Long.toString(sequence));
        field(digest, eventIdentifier);
        field(digest, timestamp);
        field(digest, payloadType);
        field(digest, payloadRevision);
        field(digest, payloadDigest);
        field(digest, metaDataDigest);
        return HEX.formatHex(digest.digest());
    }

    /**
     * Lower-case hex SHA-256 of the salt's bytes (hex-decoded; none for a null salt) followed by the
     * string's UTF-8 bytes; null for a null string. A salt that is not hex counts as its UTF-8 bytes,
     * so a tampered salt changes the digest instead of failing.
     */
    public static String digest(String salt, String stored) {
        if (stored == null) {
            return null;
        }
        MessageDigest digest = sha256();
        if (salt != null) {
            digest.update(isHex(salt) ? HEX.parseHex(salt) : salt.getBytes(StandardCharsets.UTF_8));
        }
        return HEX.formatHex(digest.digest(stored.getBytes(StandardCharsets.UTF_8)));
    }

    /** Lower-case hex SHA-256 of the string's UTF-8 bytes; null for null. */
    public static String digest(String stored) {
        return digest(null, stored);
    }

    /** Whether {@code value} is a SHA-256 as this store writes it: 64 lower-case hex digits. */
    public static boolean isSha256Hex(String value) {
        return value != null && SHA256_HEX.matcher(value).matches();
    }

    private static boolean isHex(String value) {
        return value.length() % 2 == 0 && value.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
    }

    /** The hash {@code event} should carry given the previous hash it names. */
    public static String of(StoredEvent event) {
        return hash(event.previousHash(), event.tenant(), event.aggregateType(), event.aggregateIdentifier(),
                event.sequence(), event.eventIdentifier(), event.timestamp(), event.payloadType(),
                event.payloadRevision(), event.salt(), event.payload(), event.metaData());
    }

    private static void field(MessageDigest digest, String value) {
        if (value == null) {
            digest.update(ByteBuffer.allocate(4).putInt(-1).array());
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        digest.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
        digest.update(bytes);
    }

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JDK has no SHA-256", e);
        }
    }
}
