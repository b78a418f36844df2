package com.aftersales.infra.privacy;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.result.UpdateResult;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.crypto.SecretKey;
import org.bson.Document;

/**
 * {@link SubjectKeys} and {@link TicketKeys} on MongoDB, by {@code _id} lookups only (the embedded
 * server ignores other indexes), each change one single-document write (atomic on the embedded
 * server and on a replica set alike):
 * <pre>
 * privacy_keys     { _id: tenant/ticket, tenant, ticket, subject, key: wrapped, master: version }
 *                  shredded: { _id, tenant, ticket, subject, shredded: true, shreddedAt } (no key)
 * privacy_subjects { _id: tenant/subject, tenant, subject, tickets: [ticket...], lookups: [lookup _id...] }
 * privacy_lookups  { _id: tenant/kind:hmac, tenant, subject }   kind: customer, phone, email
 * privacy_tenants  { _id: tenant, indexKey: wrapped, master: version }   the tenant's blind-index key
 * privacy_meta     { _id: "shreds", count }   raised by every shred: other nodes drop cached keys
 * </pre>
 * Lookups are keyed by an HMAC of the normalised value under the tenant's own index key (a blind
 * index): the store never holds a customer id, phone number or email in plain text.
 */
public final class MongoSubjectKeys implements SubjectKeys, TicketKeys {

    static final String KEYS = "privacy_keys";
    static final String SUBJECTS = "privacy_subjects";
    static final String LOOKUPS = "privacy_lookups";
    static final String TENANTS = "privacy_tenants";
    static final String META = "privacy_meta";
    private static final String ID = "_id";
    private static final String SHREDS = "shreds";

    private final MongoCollection<Document> keys;
    private final MongoCollection<Document> subjects;
    private final MongoCollection<Document> lookups;
    private final MongoCollection<Document> tenants;
    private final MongoCollection<Document> meta;
    private final MasterKeys master;
    private final KeyCache cache;
    private final KeyCache indexKeys;
    private final Clock clock;

    public MongoSubjectKeys(MongoDatabase database, MasterKeys master, int cacheSize, Duration shredPropagation,
                            Clock clock) {
        this.keys = database.getCollection(KEYS);
        this.subjects = database.getCollection(SUBJECTS);
        this.lookups = database.getCollection(LOOKUPS);
        this.tenants = database.getCollection(TENANTS);
        this.meta = database.getCollection(META);
        this.master = master;
        this.clock = clock;
        this.cache = new KeyCache(cacheSize, shredPropagation, this::shreds, clock);
        this.indexKeys = new KeyCache(1_000, Duration.ofDays(3650), () -> 0, clock);
        new MasterKeyCheck(meta, master).run();
    }

    // --- ticket keys -------------------------------------------------------------------------

    @Override
    public Optional<SecretKey> sealing(KeyScope scope) {
        Optional<SecretKey> cached = cache.get(scope.reference());
        if (cached != null) {
            return cached;
        }
        long generation = cache.generation();
        Optional<SecretKey> key = read(scope).orElseGet(() -> create(scope));
        cache.put(scope.reference(), key, generation);
        return key;
    }

    @Override
    public Optional<SecretKey> opening(KeyScope scope) {
        Optional<SecretKey> cached = cache.get(scope.reference());
        if (cached != null) {
            return cached;
        }
        long generation = cache.generation();
        Optional<SecretKey> key = read(scope).orElse(KeyCache.SHREDDED); // an envelope without its key: erased
        cache.put(scope.reference(), key, generation);
        return key;
    }

    /** The stored state of the ticket's key: empty if there is no key yet, a shredded key as empty inside. */
    private Optional<Optional<SecretKey>> read(KeyScope scope) {
        Document stored = keys.find(Filters.eq(ID, scope.reference())).first();
        if (stored == null || !stored.getBoolean("shredded", false) && stored.getString("key") == null) {
            return Optional.empty();
        }
        if (stored.getBoolean("shredded", false)) {
            return Optional.of(KeyCache.SHREDDED);
        }
        return Optional.of(Optional.of(master.unwrap(
                new MasterKeys.Wrapped(stored.getInteger("master"), stored.getString("key")), scope.reference())));
    }

    /** A new key for the ticket; when another node created one meanwhile (or shredded it), that one. */
    private Optional<SecretKey> create(KeyScope scope) {
        SecretKey key = Aead.newKey();
        MasterKeys.Wrapped wrapped = master.wrap(key, scope.reference());
        try {
            UpdateResult result = keys.updateOne(Filters.and(Filters.eq(ID, scope.reference()),
                            Filters.exists("key", false), Filters.ne("shredded", true)),
                    Updates.combine(Updates.set("key", wrapped.key()), Updates.set("master", wrapped.version()),
                            Updates.set("tenant", scope.tenantId()), Updates.set("ticket", scope.ticketId()),
                            Updates.set("createdAt", Date.from(clock.instant()))),
                    new UpdateOptions().upsert(true));
            if (result.getUpsertedId() != null || result.getModifiedCount() == 1) {
                return Optional.of(key); // this call stored it: no other key can have been stored since
            }
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
        return read(scope).orElseThrow(() -> new IllegalStateException("The key of " + scope.reference() + " was not stored"));
    }

    // --- subjects ----------------------------------------------------------------------------

    @Override
    public String subjectOf(String tenantId, SubjectIdentity identity) {
        List<String> ids = lookupIds(tenantId, identity, true);
        Map<String, String> found = found(ids);
        String subject = ids.stream().map(found::get).filter(s -> s != null).findFirst().orElse(null);
        boolean fresh = subject == null;
        if (fresh) {
            subject = UUID.randomUUID().toString();
        }
        List<String> linked = new ArrayList<>();
        for (String id : ids) {
            if (found.containsKey(id)) {
                continue;
            }
            String holder = claim(tenantId, id, subject);
            if (holder.equals(subject)) {
                linked.add(id);
            } else if (fresh && linked.isEmpty()) {
                subject = holder; // another registration of the same customer won the race: join it
                fresh = false;
            }
        }
        subjects.updateOne(Filters.eq(ID, key(tenantId, subject)),
                Updates.combine(Updates.setOnInsert("tenant", tenantId), Updates.setOnInsert("subject", subject),
                        Updates.addEachToSet("lookups", linked)),
                new UpdateOptions().upsert(true));
        return subject;
    }

    /** The subject holding the lookup entry: {@code subject} if this call inserted it. */
    private String claim(String tenantId, String id, String subject) {
        try {
            lookups.insertOne(new Document(ID, id).append("tenant", tenantId).append("subject", subject));
            return subject;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            Document holder = lookups.find(Filters.eq(ID, id)).first();
            return holder == null ? subject : holder.getString("subject");
        }
    }

    @Override
    public Set<String> find(String tenantId, SubjectIdentity probe) {
        List<String> ids = lookupIds(tenantId, probe, false);
        return new LinkedHashSet<>(found(ids).values());
    }

    private Map<String, String> found(List<String> ids) {
        Map<String, String> found = new LinkedHashMap<>();
        if (!ids.isEmpty()) {
            lookups.find(Filters.in(ID, ids)).forEach(entry -> found.put(entry.getString(ID), entry.getString("subject")));
        }
        return found;
    }

    /**
     * Links the ticket's personal data to the subject: an erasure of the subject then shreds the
     * ticket's key too. Called at registration, before the ticket's first event is stored: the
     * ticket's key is created here, in the same write, so storing the events costs no key lookup.
     */
    @Override
    public void linkTicket(String tenantId, String ticketId, String subjectId) {
        KeyScope scope = new KeyScope(tenantId, ticketId);
        long generation = cache.generation();
        SecretKey key = Aead.newKey();
        MasterKeys.Wrapped wrapped = master.wrap(key, scope.reference());
        UpdateResult linked = keys.updateOne(Filters.eq(ID, scope.reference()),
                Updates.combine(Updates.set("subject", subjectId), Updates.setOnInsert("tenant", tenantId),
                        Updates.setOnInsert("ticket", ticketId), Updates.setOnInsert("key", wrapped.key()),
                        Updates.setOnInsert("master", wrapped.version()),
                        Updates.setOnInsert("createdAt", Date.from(clock.instant()))),
                new UpdateOptions().upsert(true));
        if (linked.getUpsertedId() != null) {
            cache.put(scope.reference(), Optional.of(key), generation); // the registration's events need it next
        }
        subjects.updateOne(Filters.eq(ID, key(tenantId, subjectId)),
                Updates.combine(Updates.setOnInsert("tenant", tenantId), Updates.setOnInsert("subject", subjectId),
                        Updates.addToSet("tickets", ticketId)),
                new UpdateOptions().upsert(true));
    }

    @Override
    public List<String> ticketsOf(String tenantId, String subjectId) {
        Document subject = subjects.find(Filters.eq(ID, key(tenantId, subjectId))).first();
        return subject == null ? List.of() : List.copyOf(subject.getList("tickets", String.class, List.of()));
    }

    @Override
    public Optional<String> subjectOfTicket(String tenantId, String ticketId) {
        Document stored = keys.find(Filters.eq(ID, key(tenantId, ticketId))).first();
        return Optional.ofNullable(stored == null ? null : stored.getString("subject"));
    }

    // --- shredding ---------------------------------------------------------------------------

    @Override
    public void shredTicket(String tenantId, String ticketId) {
        String reference = key(tenantId, ticketId);
        keys.updateOne(Filters.eq(ID, reference),
                Updates.combine(Updates.unset("key"), Updates.unset("master"), Updates.set("shredded", true),
                        Updates.max("shreddedAt", Date.from(clock.instant())), Updates.setOnInsert("tenant", tenantId),
                        Updates.setOnInsert("ticket", ticketId)),
                new UpdateOptions().upsert(true));
        meta.updateOne(Filters.eq(ID, SHREDS), Updates.inc("count", 1L), new UpdateOptions().upsert(true));
        cache.forget(reference);
    }

    @Override
    public void shredSubject(String tenantId, String subjectId, java.util.Collection<String> tickets) {
        Document subject = subjects.find(Filters.eq(ID, key(tenantId, subjectId))).first();
        if (subject == null) {
            return;
        }
        List<String> linked = subject.getList("tickets", String.class, List.of());
        for (String ticket : tickets) {
            if (linked.contains(ticket)) {
                shredTicket(tenantId, ticket);
            }
        }
        List<String> entries = subject.getList("lookups", String.class, List.of());
        if (!entries.isEmpty()) {
            lookups.deleteMany(Filters.and(Filters.in(ID, entries), Filters.eq("subject", subjectId)));
        }
        subjects.updateOne(Filters.eq(ID, key(tenantId, subjectId)),
                Updates.combine(Updates.unset("lookups"), Updates.set("shredded", true)));
    }

    @Override
    public boolean isShredded(String tenantId, String ticketId) {
        Document stored = keys.find(Filters.eq(ID, key(tenantId, ticketId))).first();
        return stored != null && stored.getBoolean("shredded", false);
    }

    private long shreds() {
        Document counter = meta.find(Filters.eq(ID, SHREDS)).first();
        return counter == null ? 0 : ((Number) counter.get("count")).longValue();
    }

    // --- blind index -------------------------------------------------------------------------

    /** Lookup ids of the identity's non-blank fields, most specific first. */
    private List<String> lookupIds(String tenantId, SubjectIdentity identity, boolean createIndexKey) {
        Map<String, String> values = normalised(identity);
        if (values.isEmpty()) {
            return List.of();
        }
        Optional<SecretKey> indexKey = indexKey(tenantId, createIndexKey);
        if (indexKey.isEmpty()) {
            return List.of();
        }
        List<String> ids = new ArrayList<>(values.size());
        values.forEach((kind, value) -> ids.add(key(tenantId, kind + ":"
                + HexFormat.of().formatHex(Aead.hmac(indexKey.get(), kind + ":" + value)))));
        return ids;
    }

    /** customer id as given (trimmed), phone digits only, email lower-cased. */
    static Map<String, String> normalised(SubjectIdentity identity) {
        Map<String, String> values = new LinkedHashMap<>();
        if (identity == null) {
            return values;
        }
        if (identity.customerId() != null && !identity.customerId().isBlank()) {
            values.put("customer", identity.customerId().trim());
        }
        String digits = identity.phone() == null ? "" : identity.phone().replaceAll("\\D", "");
        if (!digits.isEmpty()) {
            values.put("phone", digits);
        }
        if (identity.email() != null && !identity.email().isBlank()) {
            values.put("email", identity.email().trim().toLowerCase(Locale.ROOT));
        }
        return values;
    }

    /** The tenant's blind-index key, stable across master-key rotations (it is rewrapped, never replaced). */
    private Optional<SecretKey> indexKey(String tenantId, boolean create) {
        Optional<SecretKey> cached = indexKeys.get(tenantId);
        if (cached != null) {
            return cached;
        }
        Document stored = tenants.find(Filters.eq(ID, tenantId)).first();
        if (stored == null && !create) {
            return Optional.empty();
        }
        if (stored == null) {
            MasterKeys.Wrapped wrapped = master.wrap(Aead.newKey(), "index|" + tenantId);
            try {
                tenants.insertOne(new Document(ID, tenantId).append("indexKey", wrapped.key())
                        .append("master", wrapped.version()));
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
            stored = tenants.find(Filters.eq(ID, tenantId)).first();
        }
        Optional<SecretKey> key = Optional.of(master.unwrap(
                new MasterKeys.Wrapped(stored.getInteger("master"), stored.getString("indexKey")), "index|" + tenantId));
        indexKeys.put(tenantId, key, indexKeys.generation());
        return key;
    }

    private static String key(String tenantId, String id) {
        return new KeyScope(tenantId, id).reference();
    }

    /** Rewraps every key stored under an older master-key version with the current one (docs/privacy.md). */
    public int rewrap() {
        return new MasterKeyCheck(meta, master).rewrap(keys, tenants);
    }
}
