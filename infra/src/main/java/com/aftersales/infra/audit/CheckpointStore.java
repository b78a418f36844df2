package com.aftersales.infra.audit;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;

/**
 * The {@code audit_checkpoints} collection: one document per checkpoint, keyed
 * {@code <tenant>/<sequence>}, so two nodes can never store two checkpoints with the same sequence
 * (the second insert fails on the key and that node takes the stored one). Every read is by key:
 * the latest checkpoint is found from {@code audit_checkpoint_heads} (a hint, moved with
 * {@code $max}) and by probing the next keys; the checkpoint covering a global index by binary
 * search over the sequence numbers. Nothing is cached: a verification reads what is stored, as an
 * auditor would, so a checkpoint changed in the database is noticed at once.
 */
public final class CheckpointStore {

    static final String COLLECTION = "audit_checkpoints";
    static final String HEADS = "audit_checkpoint_heads";
    /** Per tenant, how far the writers scanned the log with none of its events waiting ({@code $max}). */
    static final String SCANS = "audit_checkpoint_scans";

    private final MongoCollection<Document> checkpoints;
    private final MongoCollection<Document> heads;
    private final MongoCollection<Document> scans;

    public CheckpointStore(MongoDatabase database) {
        this.checkpoints = database.getCollection(COLLECTION);
        this.heads = database.getCollection(HEADS);
        this.scans = database.getCollection(SCANS);
    }

    /**
     * Records that the log was read through {@code globalIndex} while none of the tenant's events
     * waited for a checkpoint. Raising it by hand only makes the writer skip events, which
     * verification then reports (no leaf at their place).
     */
    public void rememberScan(String tenant, long globalIndex) {
        scans.updateOne(Filters.eq("_id", tenant), Updates.max("scannedTo", globalIndex), new UpdateOptions().upsert(true));
    }

    /** How far the log was read with nothing of the tenant waiting, or -1. */
    public long scannedThrough(String tenant) {
        Document scan = scans.find(Filters.eq("_id", tenant)).first();
        return scan == null ? -1 : ((Number) scan.get("scannedTo")).longValue();
    }

    static String key(String tenant, long sequence) {
        return tenant + "/" + sequence;
    }

    /** Stores the checkpoint; false if the tenant already has one with its sequence number. */
    public boolean insert(Checkpoint checkpoint) {
        if (checkpoint.sequence() == 0 && heads.find(Filters.eq("_id", checkpoint.tenant())).first() != null) {
            throw new MissingCheckpointException(checkpoint.tenant(), 0); // never a second chain from 0
        }
        try {
            checkpoints.insertOne(toDocument(checkpoint));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
        heads.updateOne(Filters.eq("_id", checkpoint.tenant()),
                Updates.combine(Updates.max("sequence", checkpoint.sequence()), Updates.set("tenant", checkpoint.tenant())),
                new UpdateOptions().upsert(true));
        return true;
    }

    public Optional<Checkpoint> find(String tenant, long sequence) {
        if (sequence < 0) {
            return Optional.empty();
        }
        String key = key(tenant, sequence);
        Document document = checkpoints.find(Filters.eq("_id", key)).first();
        if (document == null || !tenant.equals(document.getString("tenant"))) {
            return Optional.empty();
        }
        return Optional.of(fromDocument(document));
    }

    /** Only the JWS of a checkpoint (without its leaves), to follow the chain of checkpoints cheaply. */
    public Optional<String> jws(String tenant, long sequence) {
        Document document = checkpoints.find(Filters.eq("_id", key(tenant, sequence)))
                .projection(new Document("jws", 1).append("tenant", 1)).first();
        return document == null || !tenant.equals(document.getString("tenant"))
                ? Optional.empty() : Optional.ofNullable(document.getString("jws"));
    }

    /**
     * A checkpoint the heads document names (or one before it) is gone: only a write to the
     * database outside the service does that. Verification reports it as CHECKPOINT_INVALID and the
     * writer stops checkpointing the tenant instead of starting a new chain.
     */
    public static final class MissingCheckpointException extends IllegalStateException {
        private final long sequence;

        MissingCheckpointException(String tenant, long sequence) {
            super("checkpoint " + sequence + " of tenant " + tenant + " is named by " + HEADS + " but missing");
            this.sequence = sequence;
        }

        public long sequence() {
            return sequence;
        }
    }

    /**
     * The tenant's newest checkpoint; empty only if the tenant never had one (no heads document).
     *
     * @throws MissingCheckpointException if the heads document names a checkpoint that is gone
     */
    public Optional<Checkpoint> latest(String tenant) {
        Document head = heads.find(Filters.eq("_id", tenant)).first();
        long hinted = head == null ? -1 : ((Number) head.get("sequence")).longValue();
        long sequence = hinted;
        while (exists(tenant, sequence + 1)) {
            sequence++;
        }
        Optional<Checkpoint> latest = find(tenant, sequence);
        if (head != null && latest.isEmpty()) {
            throw new MissingCheckpointException(tenant, Math.max(hinted, 0));
        }
        return latest;
    }

    private boolean exists(String tenant, long sequence) {
        return checkpoints.find(Filters.eq("_id", key(tenant, sequence))).projection(new Document("_id", 1)).first() != null;
    }

    /** The checkpoint whose range holds {@code globalIndex}, if one up to {@code latest} does. */
    public Optional<Checkpoint> covering(String tenant, long globalIndex, Checkpoint latest) {
        if (latest == null || globalIndex > latest.toIndex()) {
            return Optional.empty();
        }
        long low = 0;
        long high = latest.sequence();
        while (low <= high) {
            long mid = (low + high) >>> 1;
            // only the range while searching: a checkpoint document holds up to 50,000 leaves
            Document range = checkpoints.find(Filters.eq("_id", key(tenant, mid)))
                    .projection(new Document("fromIndex", 1).append("toIndex", 1).append("tenant", 1)).first();
            if (range == null || !tenant.equals(range.getString("tenant"))) {
                return Optional.empty(); // a checkpoint was deleted: the caller reports it
            }
            long fromIndex = ((Number) range.get("fromIndex")).longValue();
            long toIndex = ((Number) range.get("toIndex")).longValue();
            if (fromIndex <= globalIndex && globalIndex <= toIndex) {
                return find(tenant, mid);
            }
            if (globalIndex < fromIndex) {
                high = mid - 1;
            } else {
                low = mid + 1;
            }
        }
        return Optional.empty();
    }

    static Document toDocument(Checkpoint checkpoint) {
        List<Long> indexes = new ArrayList<>(checkpoint.leaves().size());
        List<String> hashes = new ArrayList<>(checkpoint.leaves().size());
        for (Checkpoint.Leaf leaf : checkpoint.leaves()) {
            indexes.add(leaf.globalIndex());
            hashes.add(leaf.hash());
        }
        return new Document("_id", key(checkpoint.tenant(), checkpoint.sequence()))
                .append("tenant", checkpoint.tenant())
                .append("sequence", checkpoint.sequence())
                .append("previous", checkpoint.previous())
                .append("fromIndex", checkpoint.fromIndex())
                .append("toIndex", checkpoint.toIndex())
                .append("root", checkpoint.root())
                .append("createdAt", Date.from(checkpoint.createdAt()))
                .append("kid", checkpoint.kid())
                .append("jws", checkpoint.jws())
                .append("indexes", indexes)
                .append("hashes", hashes);
    }

    static Checkpoint fromDocument(Document document) {
        List<Long> indexes = document.getList("indexes", Long.class);
        List<String> hashes = document.getList("hashes", String.class);
        List<Checkpoint.Leaf> leaves = new ArrayList<>(indexes.size());
        for (int i = 0; i < indexes.size(); i++) {
            leaves.add(new Checkpoint.Leaf(indexes.get(i), hashes.get(i)));
        }
        return new Checkpoint(document.getString("tenant"), ((Number) document.get("sequence")).longValue(),
                document.getString("previous"), ((Number) document.get("fromIndex")).longValue(),
                ((Number) document.get("toIndex")).longValue(), leaves, document.getString("root"),
                document.getDate("createdAt").toInstant(), document.getString("kid"), document.getString("jws"));
    }
}
