package com.aftersales.infra.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aftersales.infra.audit.SigningKeys;
import com.aftersales.infra.audit.StreamVerifier;
import com.aftersales.infra.audit.VerificationReport;
import com.aftersales.infra.privacy.FieldCipher;
import com.aftersales.infra.privacy.MasterKeys;
import com.aftersales.infra.privacy.MongoSubjectKeys;
import com.aftersales.infra.privacy.PersonalDataModule;
import com.aftersales.infra.privacy.PersonalField;
import com.aftersales.infra.tenancy.CallerMetaData;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Personal fields are stored encrypted under their ticket's key, read back while it exists and read
 * as erased once it is shredded, in aggregate loads, snapshots and tracking replays alike; the audit
 * chain, which covers the stored ciphertext, still verifies (issue 13, docs/privacy.md).
 */
class EncryptedEventsTest extends InMemoryMongoTest {

    static final String NAME = "张三丰";
    static final String PHONE = "13800138000";
    static final String EMAIL = "zhang.sanfeng@example.com";
    static final String ADDRESS = "北京市朝阳区建国路88号";
    static final Duration PROPAGATION = Duration.ofSeconds(2);
    static final MetaData ACME = MetaData.from(CallerMetaData.of("acme", "acme-agent", "user", List.of("AGENT")));

    public record CustomerRegistered(String ticketId, @PersonalField String name, @PersonalField String phone,
                                     @PersonalField String email, @PersonalField String address, String city) {
    }

    public record ContactLogged(String ticketId, @PersonalField String summary, int minutes) {
    }

    /** A snapshot of state that keeps personal data. */
    public record ContactState(String ticketId, @PersonalField String name, int contacts) {
    }

    MongoDatabase database;
    MutableClock clock;
    byte[] masterKey;

    @BeforeEach
    void newStore() {
        database = mongo.freshDatabase();
        clock = new MutableClock();
        masterKey = randomKey();
    }

    static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    /** One node: its own key cache, serializer and engine on the shared database. */
    final class Node {
        final MongoSubjectKeys keys;
        final JacksonSerializer serializer;
        final MongoEventStorageEngine engine;

        Node(MasterKeys master) {
            keys = new MongoSubjectKeys(database, master, 100, PROPAGATION, clock);
            serializer = JacksonSerializer.builder()
                    .objectMapper(new ObjectMapper().registerModule(new PersonalDataModule(new FieldCipher(keys))))
                    .build();
            engine = engineWith(serializer);
        }

        Node() {
            this(new MasterKeys(1, Map.of(1, masterKey)));
        }
    }

    MongoEventStorageEngine engineWith(JacksonSerializer serializer) {
        return MongoEventStorageEngine.builder().database(database).clock(clock)
                .eventSerializer(serializer).snapshotSerializer(serializer).build();
    }

    static DomainEventMessage<?> event(String ticket, long sequence, Object payload) {
        return new GenericDomainEventMessage<>("Ticket", ticket, sequence, payload, ACME);
    }

    static CustomerRegistered registered(String ticket) {
        return new CustomerRegistered(ticket, NAME, PHONE, EMAIL, ADDRESS, "Beijing");
    }

    static List<Object> payloads(MongoEventStorageEngine engine, String ticket) {
        return engine.readEvents(ticket, 0).asStream().map(EventMessage::getPayload).map(Object.class::cast).toList();
    }

    static List<Object> replay(MongoEventStorageEngine engine) {
        return engine.readEvents(null, false).map(EventMessage::getPayload).map(Object.class::cast).toList();
    }

    String everythingStored() {
        StringBuilder all = new StringBuilder();
        for (String collection : database.listCollectionNames()) {
            database.getCollection(collection).find().forEach(document -> all.append(document.toJson()).append('\n'));
        }
        return all.toString();
    }

    @Test
    void personal_fields_round_trip_and_are_stored_only_encrypted() {
        Node node = new Node();
        node.engine.appendEvents(event("t-1", 0, registered("t-1")), event("t-1", 1, new ContactLogged("t-1",
                "客户 " + NAME + " 来电 " + PHONE, 5)));
        node.engine.storeSnapshot(event("t-1", 1, new ContactState("t-1", NAME, 1)));

        assertThat(payloads(node.engine, "t-1")).containsExactly(registered("t-1"),
                new ContactLogged("t-1", "客户 " + NAME + " 来电 " + PHONE, 5));
        assertThat(payloads(new Node().engine, "t-1")).first().isEqualTo(registered("t-1"));
        assertThat(node.engine.readSnapshot("t-1").map(message -> (Object) message.getPayload()))
                .contains(new ContactState("t-1", NAME, 1));

        String stored = everythingStored();
        assertThat(stored).contains("Beijing"); // not personal: stored as it is
        for (String personal : List.of(NAME, PHONE, EMAIL, ADDRESS, "zhang.sanfeng")) {
            assertThat(stored).doesNotContain(personal);
        }
        Document entry = database.getCollection("events").find().first().getList("events", Document.class).get(0);
        assertThat(entry.getString("payload")).contains("\"$pd\":1").contains("\"t\":\"acme\"").contains("\"s\":\"t-1\"");
    }

    @Test
    void after_shredding_the_ticket_its_fields_read_as_erased_in_loads_snapshots_and_replays() {
        Node writer = new Node();
        writer.engine.appendEvents(event("t-1", 0, registered("t-1")));
        writer.engine.appendEvents(event("t-2", 0, registered("t-2")));
        // as Axon's snapshotter takes it: no metadata, the tenant is the one of the event it was taken at
        writer.engine.storeSnapshot(new GenericDomainEventMessage<>("Ticket", "t-1", 0, new ContactState("t-1", NAME, 0)));

        writer.keys.shredTicket("acme", "t-1");

        CustomerRegistered erased = new CustomerRegistered("t-1", PersonalField.ERASED, PersonalField.ERASED,
                PersonalField.ERASED, PersonalField.ERASED, "Beijing");
        for (MongoEventStorageEngine engine : List.of(writer.engine, new Node().engine)) {
            assertThat(payloads(engine, "t-1")).containsExactly(erased);
            assertThat(payloads(engine, "t-2")).containsExactly(registered("t-2"));
            assertThat(engine.readSnapshot("t-1").map(message -> (Object) message.getPayload()))
                    .contains(new ContactState("t-1", PersonalField.ERASED, 0));
            assertThat(replay(engine)).containsExactly(erased, registered("t-2"));
        }
        assertThat(writer.keys.isShredded("acme", "t-1")).isTrue();
        assertThat(writer.keys.isShredded("acme", "t-2")).isFalse();
    }

    @Test
    void personal_data_given_after_an_erasure_is_not_stored_either() {
        Node node = new Node();
        node.engine.appendEvents(event("t-1", 0, registered("t-1")));
        node.keys.shredTicket("acme", "t-1");
        node.engine.appendEvents(event("t-1", 1, new ContactLogged("t-1", "new number 13900001111", 2)));

        assertThat(payloads(node.engine, "t-1")).last().isEqualTo(new ContactLogged("t-1", PersonalField.ERASED, 2));
        assertThat(everythingStored()).doesNotContain("13900001111");
    }

    @Test
    void the_audit_chain_still_verifies_after_shredding() {
        Node node = new Node();
        for (long sequence = 0; sequence < 5; sequence++) {
            node.engine.appendEvents(event("t-1", sequence, sequence == 0 ? registered("t-1")
                    : new ContactLogged("t-1", "call " + sequence + " " + PHONE, 1)));
        }
        EventHistory history = new EventHistory(database, MongoEventStorageEngine.CollectionNames.DEFAULT, 64);
        String before = everythingStoredEvents();

        node.keys.shredTicket("acme", "t-1");

        assertThat(everythingStoredEvents()).isEqualTo(before); // shredding changes no stored event
        VerificationReport report = StreamVerifier.verify("t-1", history.read("t-1", 0, 100), -1, -1, null,
                index -> Optional.empty(), sequence -> Optional.empty(), SigningKeys.ephemeral().published());
        assertThat(report.intact()).isTrue();
        assertThat(report.events()).isEqualTo(5);
    }

    private String everythingStoredEvents() {
        List<String> all = new ArrayList<>();
        database.getCollection("events").find().forEach(document -> all.add(document.toJson()));
        return String.join("\n", all);
    }

    @Test
    void events_stored_before_encryption_still_load_and_replay() {
        // the old shape: written by a serializer without the personal-data module, plain text in the payload
        MongoEventStorageEngine legacy = engineWith(JacksonSerializer.builder().objectMapper(new ObjectMapper()).build());
        legacy.appendEvents(event("old", 0, registered("old")));
        Node node = new Node();
        node.engine.appendEvents(event("old", 1, new ContactLogged("old", "call " + PHONE, 3)));

        assertThat(database.getCollection("events").find().first().toJson()).contains(PHONE);
        assertThat(payloads(node.engine, "old")).containsExactly(registered("old"),
                new ContactLogged("old", "call " + PHONE, 3));
        assertThat(replay(node.engine)).hasSize(2).first().isEqualTo(registered("old"));

        node.keys.shredTicket("acme", "old"); // legacy plain text has no key to destroy: only the new event goes
        assertThat(payloads(new Node().engine, "old")).containsExactly(registered("old"),
                new ContactLogged("old", PersonalField.ERASED, 3));
    }

    @Test
    void a_wrong_master_key_fails_at_start_naming_the_setting() {
        new Node().engine.appendEvents(event("t-1", 0, registered("t-1")));

        assertThatThrownBy(() -> new Node(new MasterKeys(1, Map.of(1, randomKey()))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("aftersales.privacy.master-key");
        assertThatThrownBy(() -> new Node(new MasterKeys(2, Map.of(2, randomKey()))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("master key version 1");
    }

    @Test
    void a_key_shredded_on_one_node_stops_opening_on_another_within_the_propagation_time() {
        Node one = new Node();
        Node other = new Node();
        one.engine.appendEvents(event("t-1", 0, registered("t-1")));
        assertThat(payloads(other.engine, "t-1")).containsExactly(registered("t-1")); // cached on the other node

        one.keys.shredTicket("acme", "t-1");
        assertThat(payloads(one.engine, "t-1")).first().extracting("name").isEqualTo(PersonalField.ERASED);

        clock.advance(PROPAGATION);
        assertThat(payloads(other.engine, "t-1")).first().extracting("name").isEqualTo(PersonalField.ERASED);
        assertThat(replay(other.engine)).first().extracting("phone").isEqualTo(PersonalField.ERASED);
    }

    @Test
    void master_keys_rotate_by_rewrapping_and_the_old_version_can_then_go() {
        Node before = new Node();
        before.engine.appendEvents(event("t-1", 0, registered("t-1")));
        String subject = before.keys.subjectOf("acme", new com.aftersales.infra.privacy.SubjectKeys.SubjectIdentity(
                null, PHONE, null));
        byte[] next = randomKey();

        Node rotating = new Node(new MasterKeys(2, Map.of(1, masterKey, 2, next)));
        assertThat(payloads(rotating.engine, "t-1")).containsExactly(registered("t-1"));
        assertThat(rotating.keys.rewrap()).isEqualTo(2); // the ticket key and the tenant's index key

        Node after = new Node(new MasterKeys(2, Map.of(2, next)));
        assertThat(payloads(after.engine, "t-1")).containsExactly(registered("t-1"));
        assertThat(after.keys.find("acme", new com.aftersales.infra.privacy.SubjectKeys.SubjectIdentity(
                null, "138-0013-8000", null))).containsExactly(subject);
    }
}
