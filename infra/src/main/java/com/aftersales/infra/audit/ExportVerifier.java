package com.aftersales.infra.audit;

import com.aftersales.infra.eventstore.EventHashes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.jwk.JWKSet;
import java.io.BufferedReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Checks an audit export ({@link ExportLines}) against the published keys, without the service:
 * every checkpoint's ES256 signature and its link to the one before it in the file, every event's
 * hash recomputed from its fields (and, with personal data, its payload and metadata against their
 * digests), the chain within each stream, each event's Merkle audit path to its checkpoint's
 * signed root, that a ticket export starts at the stream's first event, and the signed end line
 * (tenant, scope, event counts and the digest of every event hash in file order). Reads line by
 * line: constant memory but for one entry per stream and checkpoint.
 * <p>
 * {@code java -cp aftersales-gateway.jar -Dloader.main=com.aftersales.infra.audit.ExportVerifier
 * org.springframework.boot.loader.launch.PropertiesLauncher export.jsonl jwks.json} (docs/audit.md).
 * Exit status 0: verified; 1: a check failed (the line and why are printed); 2: usage; 3: an event
 * that a checkpoint in the file covers comes without its proof (stripped to pass as unchecked).
 */
public final class ExportVerifier {

    /** What the check found; {@code line} is the first failing line (1-based) or 0; {@code status} the exit status. */
    public record Result(boolean verified, int line, String message, long events, long checkpointed, int status) {
    }

    static final int FAILED = 1;
    static final int UNPROVEN = 3;

    private record SignedCheckpoint(long sequence, String tenant, String previous, long fromIndex, long toIndex,
                                    long size, String root, String digest) {
    }

    private record Head(long sequence, String hash) {
    }

    private final JWKSet keys;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<Long, SignedCheckpoint> checkpoints = new HashMap<>();
    private final Map<String, Head> streams = new HashMap<>();
    private final MessageDigest eventHashes = EventHashes.sha256();
    private String tenant;
    private JsonNode header;
    private boolean personalData;
    private long events;
    private long checkpointed;
    private long highestCheckpointed = -1;
    private int firstUnprovenLine;
    private long firstUnprovenIndex = Long.MAX_VALUE;
    private boolean ended;

    public ExportVerifier(JWKSet keys) {
        this.keys = keys;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: ExportVerifier <export.jsonl> <jwks.json file or https URL>");
            System.exit(2);
        }
        JWKSet keys = args[1].startsWith("http://") || args[1].startsWith("https://")
                ? JWKSet.load(URI.create(args[1]).toURL()) : JWKSet.load(Path.of(args[1]).toFile());
        Result result;
        try (BufferedReader reader = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8)) {
            result = new ExportVerifier(keys).verify(reader.lines()::iterator);
        }
        if (result.verified()) {
            System.out.println("VERIFIED: " + result.message());
        } else {
            System.out.println("FAILED at line " + result.line() + ": " + result.message());
        }
        System.exit(result.status());
    }

    public Result verify(Iterable<String> lines) {
        int number = 0;
        for (String line : lines) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            String problem;
            try {
                problem = check(number, json.readTree(line));
            } catch (Exception e) {
                problem = "not an export line: " + e.getMessage();
            }
            if (problem != null) {
                return new Result(false, number, problem, events, checkpointed, unproven() ? UNPROVEN : FAILED);
            }
        }
        if (!ended) {
            return new Result(false, number, "the end line is missing: the export is incomplete", events, checkpointed,
                    FAILED);
        }
        return new Result(true, 0, events + " events of tenant " + tenant + ", " + checkpointed
                + " in signed checkpoints, " + (events - checkpointed) + " chain-verified only", events, checkpointed, 0);
    }

    private String check(int number, JsonNode line) throws Exception {
        String kind = line.path("kind").asText();
        if (number == 1 || tenant == null) {
            if (!kind.equals("header") || !ExportLines.FORMAT.equals(line.path("format").asText())) {
                return "not an " + ExportLines.FORMAT + " file";
            }
            tenant = line.path("tenant").asText();
            header = line;
            personalData = line.path("personalData").asBoolean();
            return null;
        }
        if (ended) {
            return "lines after the end line";
        }
        return switch (kind) {
            case "checkpoint" -> checkpoint(line);
            case "event" -> event(number, line);
            case "end" -> {
                ended = true;
                yield end(line);
            }
            default -> "unknown line kind " + kind;
        };
    }

    /** A hashed event at or below the highest index a checkpoint of the file covers came without its proof. */
    private boolean unproven() {
        return firstUnprovenIndex <= highestCheckpointed;
    }

    /** The end line's JWS must be signed and name what the file holds. */
    private String end(JsonNode line) {
        if (unproven()) {
            return "the event at global index " + firstUnprovenIndex + " (line " + firstUnprovenLine
                    + ") has no proof, yet a checkpoint of the export covers up to index " + highestCheckpointed;
        }
        Map<String, Object> claims = CheckpointSeal.verified(line.path("jws").asText(), ExportLines.END_TYPE, keys);
        if (claims == null) {
            return "the end line is not signed by a published key";
        }
        String digest = HexFormat.of().formatHex(eventHashes.digest());
        for (String field : List.of("ticketId", "from", "to")) {
            if (!Objects.equals(text(header, field), claims.get(field))) {
                return "the end line signs another " + field + " than the header's";
            }
        }
        if (!tenant.equals(claims.get("tenant")) || number(claims.get("events")) != events
                || line.path("events").asLong(-1) != events || number(claims.get("checkpointed")) != checkpointed
                || !digest.equals(claims.get("eventHashesDigest"))) {
            return "the end line signs " + claims.get("events") + " events (" + claims.get("checkpointed")
                    + " checkpointed), the file holds " + events + " (" + checkpointed + "), or other events";
        }
        return null;
    }

    private String checkpoint(JsonNode line) throws Exception {
        String compact = line.path("jws").asText();
        Map<String, Object> claims = CheckpointSeal.verified(compact, CheckpointSeal.TYPE, keys);
        if (claims == null) {
            return "checkpoint not signed by a published key (kid " + JWSObject.parse(compact).getHeader().getKeyID() + ")";
        }
        SignedCheckpoint checkpoint = new SignedCheckpoint(number(claims.get("sequence")), (String) claims.get("tenant"),
                (String) claims.get("previous"), number(claims.get("fromIndex")), number(claims.get("toIndex")),
                number(claims.get("size")), (String) claims.get("root"), EventHashes.digest(compact));
        if (!tenant.equals(checkpoint.tenant())) {
            return "checkpoint of another tenant";
        }
        if (checkpoint.sequence() != line.path("sequence").asLong()) {
            return "checkpoint line names another sequence than its signature";
        }
        SignedCheckpoint before = checkpoints.get(checkpoint.sequence() - 1);
        if (before != null && (!before.digest().equals(checkpoint.previous()) || before.toIndex() + 1 != checkpoint.fromIndex())) {
            return "checkpoint " + checkpoint.sequence() + " does not follow checkpoint " + before.sequence();
        }
        checkpoints.put(checkpoint.sequence(), checkpoint);
        highestCheckpointed = Math.max(highestCheckpointed, checkpoint.toIndex());
        return null;
    }

    private String event(int number, JsonNode line) {
        String stream = line.path("streamId").asText();
        long sequence = line.path("sequence").asLong();
        String where = "event " + stream + "/" + sequence + ": ";
        if (!tenant.equals(text(line, "tenant"))) {
            return where + "of another tenant";
        }
        String ticket = text(header, "ticketId");
        if (ticket != null && !ticket.equals(stream)) {
            return where + "not of ticket " + ticket;
        }
        String payloadDigest = text(line, "payloadDigest");
        String metaDataDigest = text(line, "metaDataDigest");
        String salt = text(line, "salt");
        if (personalData && (!Objects.equals(EventHashes.digest(salt, text(line, "payload")), payloadDigest)
                || !Objects.equals(EventHashes.digest(salt, text(line, "metaData")), metaDataDigest))) {
            return where + "payload or metadata differ from their digests";
        }
        String hash = text(line, "hash");
        events++;
        ExportLines.addEventHash(eventHashes, hash);
        if (hash == null) {
            return where + "it has no hash";
        }
        String recomputed = EventHashes.hashOfDigests(text(line, "previousHash"), text(line, "tenant"),
                text(line, "aggregateType"), stream,
                sequence, text(line, "eventId"), text(line, "timestamp"), text(line, "payloadType"),
                text(line, "revision"), payloadDigest, metaDataDigest);
        if (!recomputed.equals(hash)) {
            return where + "its fields do not hash to its hash";
        }
        Head head = streams.get(stream);
        if (head != null && (head.sequence() + 1 != sequence || !Objects.equals(head.hash(), text(line, "previousHash")))) {
            return where + "does not follow sequence " + head.sequence() + " of its stream";
        }
        if (head == null && ticket != null && (sequence != 0 || text(line, "previousHash") != null)) {
            return where + "a ticket's export must start at its first event (sequence 0, no previous hash)";
        }
        streams.put(stream, new Head(sequence, hash));
        if (line.hasNonNull("checkpoint")) {
            SignedCheckpoint checkpoint = checkpoints.get(line.path("checkpoint").asLong());
            if (checkpoint == null) {
                return where + "its checkpoint is not in the export";
            }
            long globalIndex = line.path("globalIndex").asLong();
            List<String> proof = new ArrayList<>();
            line.path("proof").forEach(step -> proof.add(step.asText()));
            if (globalIndex < checkpoint.fromIndex() || globalIndex > checkpoint.toIndex()
                    || !MerkleTree.verify(MerkleTree.leaf(globalIndex, hash), line.path("leafIndex").asLong(),
                    checkpoint.size(), proof, checkpoint.root())) {
                return where + "not included in checkpoint " + checkpoint.sequence();
            }
            checkpointed++;
        } else if (firstUnprovenLine == 0) {
            firstUnprovenLine = number;
            firstUnprovenIndex = line.path("globalIndex").asLong();
        }
        return null;
    }

    private static String text(JsonNode line, String field) {
        JsonNode value = line.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static long number(Object value) {
        return value instanceof Number number ? number.longValue() : -1;
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
