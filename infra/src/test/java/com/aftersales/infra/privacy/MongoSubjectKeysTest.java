package com.aftersales.infra.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftersales.infra.mongo.EmbeddedMongo;
import com.aftersales.infra.privacy.SubjectKeys.SubjectIdentity;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Data subjects on MongoDB: found by any one equal field, never stored in plain text, shredded whole. */
class MongoSubjectKeysTest {

    static EmbeddedMongo server;
    static MongoClient client;
    MongoDatabase database;
    MongoSubjectKeys keys;

    @BeforeAll
    static void start() {
        server = EmbeddedMongo.inMemory(0);
        client = MongoClients.create(server.connectionString());
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    @BeforeEach
    void freshStore() {
        database = client.getDatabase("keys_" + UUID.randomUUID().toString().replace("-", ""));
        keys = node();
    }

    MongoSubjectKeys node() {
        return new MongoSubjectKeys(database, new MasterKeys(1, Map.of(1, new byte[32])), 10, Duration.ofSeconds(2),
                Clock.systemUTC());
    }

    static SubjectIdentity identity(String customerId, String phone, String email) {
        return new SubjectIdentity(customerId, phone, email);
    }

    @Test
    void any_one_equal_field_is_the_same_subject_within_a_tenant_only() {
        String subject = keys.subjectOf("acme", identity("C-1", "138 0013 8000", "Zhang@Example.com"));

        assertThat(keys.subjectOf("acme", identity(null, "+(138)-0013-8000", null))).isEqualTo(subject);
        assertThat(keys.subjectOf("acme", identity(null, null, "zhang@example.COM "))).isEqualTo(subject);
        assertThat(keys.subjectOf("acme", identity("C-1", "0000", null))).isEqualTo(subject);
        assertThat(keys.find("acme", identity(null, "13800138000", null))).containsExactly(subject);
        assertThat(keys.find("nimbus", identity("C-1", "13800138000", "zhang@example.com"))).isEmpty();
        assertThat(keys.subjectOf("nimbus", identity("C-1", null, null))).isNotEqualTo(subject);
        assertThat(keys.subjectOf("acme", identity("C-2", "13900000000", null))).isNotEqualTo(subject);
    }

    @Test
    void find_creates_nothing_and_a_customer_without_identity_gets_a_subject_of_its_own() {
        assertThat(keys.find("acme", identity("C-1", "13800138000", null))).isEmpty();
        assertThat(keys.find("acme", identity("C-1", "13800138000", null))).isEmpty();
        String anonymous = keys.subjectOf("acme", identity(null, " ", null));
        assertThat(keys.subjectOf("acme", identity(null, null, null))).isNotEqualTo(anonymous);
    }

    @Test
    void the_store_holds_no_customer_id_phone_or_email_in_plain_text() {
        String subject = keys.subjectOf("acme", identity("CUST-4711", "13800138000", "zhang@example.com"));
        keys.linkTicket("acme", "t-1", subject);
        keys.sealing(new KeyScope("acme", "t-1"));

        StringBuilder stored = new StringBuilder();
        for (String collection : database.listCollectionNames()) {
            database.getCollection(collection).find().forEach(document -> stored.append(document.toJson()));
        }
        assertThat(stored.toString()).contains(subject).contains("t-1")
                .doesNotContain("CUST-4711").doesNotContain("13800138000").doesNotContain("zhang@example.com");
    }

    @Test
    void tickets_are_listed_in_link_order_and_shredding_the_subject_shreds_them_all() {
        String subject = keys.subjectOf("acme", identity(null, "13800138000", null));
        String other = keys.subjectOf("acme", identity(null, "13900000000", null));
        keys.linkTicket("acme", "t-2", subject);
        keys.linkTicket("acme", "t-1", subject);
        keys.linkTicket("acme", "t-2", subject);
        keys.linkTicket("acme", "t-3", other);
        keys.sealing(new KeyScope("acme", "t-1"));

        assertThat(keys.ticketsOf("acme", subject)).containsExactly("t-2", "t-1");
        assertThat(keys.subjectOfTicket("acme", "t-1")).contains(subject);
        assertThat(keys.subjectOfTicket("nimbus", "t-1")).isEmpty();

        keys.shredSubject("acme", subject);
        keys.shredSubject("acme", subject); // idempotent

        assertThat(keys.isShredded("acme", "t-1")).isTrue();
        assertThat(keys.isShredded("acme", "t-2")).isTrue();
        assertThat(keys.isShredded("acme", "t-3")).isFalse();
        assertThat(keys.opening(new KeyScope("acme", "t-1"))).isEmpty();
        assertThat(node().opening(new KeyScope("acme", "t-1"))).isEmpty();
        assertThat(keys.sealing(new KeyScope("acme", "t-2"))).isEmpty(); // no new key after an erasure
        assertThat(keys.find("acme", identity(null, "13800138000", null))).isEmpty();
        assertThat(keys.ticketsOf("acme", subject)).containsExactly("t-2", "t-1"); // for the erasure's record
        assertThat(keys.subjectOf("acme", identity(null, "13800138000", null))).isNotEqualTo(subject);
    }

    @Test
    void an_erasure_shreds_only_the_tickets_it_checked_and_never_another_subjects() {
        String subject = keys.subjectOf("acme", identity("C-1", null, null));
        String other = keys.subjectOf("acme", identity("C-2", null, null));
        keys.linkTicket("acme", "t-1", subject);
        keys.linkTicket("acme", "t-late", subject); // linked after the erasure read the subject's tickets
        keys.linkTicket("acme", "t-9", other);

        keys.shredSubject("acme", subject, List.of("t-1", "t-9"));

        assertThat(keys.isShredded("acme", "t-1")).isTrue();
        assertThat(keys.isShredded("acme", "t-late")).as("not checked, so not shredded").isFalse();
        assertThat(keys.opening(new KeyScope("acme", "t-late"))).isPresent();
        assertThat(keys.isShredded("acme", "t-9")).as("another subject's ticket").isFalse();
        assertThat(keys.find("acme", identity("C-1", null, null))).isEmpty();
    }

    @Test
    void concurrent_registrations_of_one_customer_on_two_nodes_end_in_one_subject_and_one_key() throws Exception {
        List<MongoSubjectKeys> nodes = List.of(keys, node());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> subjects = new ArrayList<>();
            Set<String> ticketKeys = ConcurrentHashMap.newKeySet();
            for (int i = 0; i < 40; i++) {
                MongoSubjectKeys node = nodes.get(i % 2);
                subjects.add(pool.submit(() -> {
                    ticketKeys.add(java.util.Base64.getEncoder().encodeToString(
                            node.sealing(new KeyScope("acme", "t-1")).orElseThrow().getEncoded()));
                    return node.subjectOf("acme", identity("C-9", "13800138000", "a@b.cn"));
                }));
            }
            Set<String> distinct = ConcurrentHashMap.newKeySet();
            for (Future<String> subject : subjects) {
                distinct.add(subject.get());
            }
            assertThat(distinct).hasSize(1);
            assertThat(ticketKeys).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void the_erased_marker_is_shown_as_it_is_to_every_caller() {
        assertThat(PersonalData.mask("phone", PersonalField.ERASED)).isEqualTo(PersonalField.ERASED);
        assertThat(PersonalData.mask("address", PersonalField.ERASED)).isEqualTo(PersonalField.ERASED);
        assertThat(PersonalData.mask("email", PersonalField.ERASED)).isEqualTo(PersonalField.ERASED);
    }
}
