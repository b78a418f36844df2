package com.aftersales.infra.eventstore;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The tamper-evidence hash of a stored event: SHA-256 (JDK) over a canonical form of what is
 * stored, chained to the previous event of the same stream.
 * <p>
 * Canonical form, version 1: the UTF-8 bytes of {@code "aftersales-event-v1"}, then each field as a
 * 4-byte big-endian length and its UTF-8 bytes (length -1 for an absent value), in this order:
 * previous hash (hex, absent for a stream's first hashed event), aggregate type, aggregate id,
 * sequence number (decimal), event id, timestamp (as stored, ISO-8601), payload type, payload
 * revision, the payload's digest, the metadata's digest. A digest is the lower-case hex SHA-256 of
 * the stored string's UTF-8 bytes: an export without personal data can carry the digests instead of
 * the payload and still be verified. The hash is written as lower-case hex. Nothing is normalised:
 * any change of a stored byte changes it. docs/audit.md repeats this for verifiers in other languages.
 */
public final class EventHashes {

    static final String VERSION = "aftersales-event-v1";
    private static final HexFormat HEX = HexFormat.of();

    private EventHashes() {
    }

    public static String hash(String previousHash, String aggregateType, String aggregateIdentifier, long sequence,
                              String eventIdentifier, String timestamp, String payloadType, String payloadRevision,
                              String payload, String metaData) {
        return hashOfDigests(previousHash, aggregateType, aggregateIdentifier, sequence, eventIdentifier, timestamp,
                payloadType, payloadRevision, digest(payload), digest(metaData));
    }

    /** The same hash from the digests of payload and metadata ({@link #digest}). */
    public static String hashOfDigests(String previousHash, String aggregateType, String aggregateIdentifier,
                                       long sequence, String eventIdentifier, String timestamp, String payloadType,
                                       String payloadRevision, String payloadDigest, String metaDataDigest) {
        MessageDigest digest = sha256();
        digest.update(VERSION.getBytes(StandardCharsets.UTF_8));
        field(digest, previousHash);
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

    /** Lower-case hex SHA-256 of the string's UTF-8 bytes; null for null. */
    public static String digest(String stored) {
        return stored == null ? null : HEX.formatHex(sha256().digest(stored.getBytes(StandardCharsets.UTF_8)));
    }

    /** The hash {@code event} should carry given the previous hash it names. */
    public static String of(StoredEvent event) {
        return hash(event.previousHash(), event.aggregateType(), event.aggregateIdentifier(), event.sequence(),
                event.eventIdentifier(), event.timestamp(), event.payloadType(), event.payloadRevision(),
                event.payload(), event.metaData());
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
