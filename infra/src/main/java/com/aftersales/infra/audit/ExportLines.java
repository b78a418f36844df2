package com.aftersales.infra.audit;

import com.aftersales.infra.eventstore.EventHashes;
import com.aftersales.infra.eventstore.StoredEvent;
import com.nimbusds.jose.JOSEObjectType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * The lines of an audit export (JSON Lines, format {@code aftersales-audit-export/1}), one object
 * each, built one event at a time so that an export streams in constant memory:
 * <ol>
 *   <li>{@code header}: tenant, what was exported, when, whether payloads are included;</li>
 *   <li>{@code checkpoint}: a signed checkpoint (its JWS), before the first event it covers;</li>
 *   <li>{@code event}: the stored event (payload and metadata only with personal data, their digests
 *       always), its hashes, and its Merkle audit path in its checkpoint (absent while no
 *       checkpoint covers it);</li>
 *   <li>{@code end}: how many events were written and a signed JWS ({@code typ:
 *       aftersales-export-end+jws}) of the tenant, the scope, the number of events and of
 *       checkpointed ones, and the digest of the event hashes in file order: a cut-off, shortened or
 *       stripped export is noticed.</li>
 * </ol>
 * {@link ExportVerifier} checks such a file offline.
 */
public final class ExportLines {

    public static final String FORMAT = "aftersales-audit-export/1";
    public static final JOSEObjectType END_TYPE = new JOSEObjectType("aftersales-export-end+jws");

    private final LongFunction<Optional<Checkpoint>> covering;
    private final boolean personalData;
    private final SigningKeys keys;
    private final MessageDigest eventHashes = EventHashes.sha256();
    private Checkpoint current;
    private MerkleTree.Tree tree;
    private long events;
    private long checkpointed;

    /**
     * @param covering     the tenant's checkpoint covering a global index
     * @param personalData whether payloads and metadata are written (else only their digests)
     * @param keys         signs the end line
     */
    public ExportLines(LongFunction<Optional<Checkpoint>> covering, boolean personalData, SigningKeys keys) {
        this.covering = covering;
        this.personalData = personalData;
        this.keys = keys;
    }

    /** Adds an event's hash to the digest the end line signs: its hex (empty if none) and a line feed. */
    static void addEventHash(MessageDigest digest, String hash) {
        digest.update(((hash == null ? "" : hash) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    public static Map<String, Object> header(String tenant, Map<String, Object> scope, boolean personalData, Instant at) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("kind", "header");
        line.put("format", FORMAT);
        line.put("tenant", tenant);
        line.putAll(scope);
        line.put("personalData", personalData);
        line.put("exportedAt", at.toString());
        line.put("keys", "/api/v1/audit/jwks.json");
        return line;
    }

    /** The lines for one event: its checkpoint first if it is the first event that checkpoint covers here. */
    public List<Map<String, Object>> event(StoredEvent event) {
        List<Map<String, Object>> lines = new ArrayList<>(2);
        Integer leafIndex = null;
        if (event.hashed()) {
            if (current == null || !current.covers(event.globalIndex())) {
                current = covering.apply(event.globalIndex()).orElse(null);
                // a malformed stored leaf: no proofs from this checkpoint, which the verifier reports
                tree = current == null || !current.leaves().stream().allMatch(l -> EventHashes.isSha256Hex(l.hash()))
                        ? null : new MerkleTree.Tree(current.leafHashes());
                if (current != null) {
                    Map<String, Object> checkpoint = new LinkedHashMap<>();
                    checkpoint.put("kind", "checkpoint");
                    checkpoint.put("sequence", current.sequence());
                    checkpoint.put("jws", current.jws());
                    lines.add(checkpoint);
                }
            }
            if (tree != null) {
                int leaf = current.leafAt(event.globalIndex());
                leafIndex = leaf < 0 ? null : leaf;
            }
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("kind", "event");
        line.put("streamId", event.aggregateIdentifier());
        line.put("aggregateType", event.aggregateType());
        line.put("sequence", event.sequence());
        line.put("globalIndex", event.globalIndex());
        line.put("tenant", event.tenant());
        line.put("eventId", event.eventIdentifier());
        line.put("timestamp", event.timestamp());
        line.put("payloadType", event.payloadType());
        line.put("revision", event.payloadRevision());
        line.put("payloadDigest", EventHashes.digest(event.salt(), event.payload()));
        line.put("metaDataDigest", EventHashes.digest(event.salt(), event.metaData()));
        if (personalData) {
            line.put("salt", event.salt()); // without it the salted digests cannot be brute-forced to masked data
            line.put("payload", event.payload());
            line.put("metaData", event.metaData());
        }
        line.put("hash", event.hash());
        line.put("previousHash", event.previousHash());
        if (leafIndex != null) {
            line.put("checkpoint", current.sequence());
            line.put("leafIndex", leafIndex);
            line.put("proof", tree.proof(leafIndex));
            checkpointed++;
        }
        lines.add(line);
        addEventHash(eventHashes, event.hash());
        events++;
        return lines;
    }

    /** The end line; {@code scope} as in the header. */
    public Map<String, Object> end(String tenant, Map<String, Object> scope) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("tenant", tenant);
        claims.putAll(scope);
        claims.put("events", events);
        claims.put("checkpointed", checkpointed);
        claims.put("eventHashesDigest", HexFormat.of().formatHex(eventHashes.digest()));
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("kind", "end");
        line.put("events", events);
        line.put("jws", CheckpointSeal.signed(keys, END_TYPE, claims));
        return line;
    }
}
