package com.aftersales.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftersales.infra.privacy.PersonalField;
import com.aftersales.infra.privacy.SubjectKeys;
import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 13 §1 through the real stack: a registered customer's personal data is stored only encrypted
 * in the events, PII_READER callers still read it, and once the customer's keys are shredded the
 * history shows it as erased while its verification still passes (docs/privacy.md).
 */
class EncryptedPersonalDataApiTest extends ApiTestSupport {

    static final String NAME = "王小明";
    static final String PHONE = "13912345678";
    static final String EMAIL = "wang.xiaoming@example.com";
    static final String ADDRESS = "上海市浦东新区世纪大道100号";

    final String agent = token("acme", "AGENT");
    final String reader = token("acme", "AUDITOR", "PII_READER");

    @Autowired
    MongoDatabase database;
    @Autowired
    SubjectKeys subjects;

    private String open() {
        Map<String, Object> body = new HashMap<>(TicketRequests.airConditionerRepair());
        body.put("customer", Map.of("name", NAME, "phone", PHONE, "email", EMAIL, "contactPerson", NAME + "的妻子"));
        body.put("problem", Map.of("description", "no cold air at " + ADDRESS, "occurredPlace", ADDRESS));
        return http.post().uri("/api/v1/tickets").headers(h -> h.setBearerAuth(agent)).bodyValue(body).exchange()
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asText();
    }

    private JsonNode get(String token, String uri) {
        return http.get().uri(uri).headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private String stored(String collection) {
        return stored(collection, new org.bson.Document());
    }

    /** The stored documents matching {@code filter}, as JSON (other tests put personal data into fields left in clear). */
    private String stored(String collection, org.bson.conversions.Bson filter) {
        StringBuilder all = new StringBuilder();
        database.getCollection(collection).find(filter).forEach(document -> all.append(document.toJson()).append('\n'));
        return all.toString();
    }

    /** The ticket's stored events and snapshot. */
    private String storedEvents(String id) {
        return stored("events", com.mongodb.client.model.Filters.eq("aggregateIdentifier", id))
                + stored("snapshots", com.mongodb.client.model.Filters.eq("_id", id));
    }

    @Test
    void personal_data_is_stored_encrypted_and_pii_readers_still_read_it() {
        String id = open();

        JsonNode ticket = get(reader, "/api/v1/tickets/" + id);
        assertThat(ticket.at("/registration/customer/name").asText()).isEqualTo(NAME);
        assertThat(ticket.at("/registration/customer/phone").asText()).isEqualTo(PHONE);
        assertThat(ticket.at("/registration/customer/email").asText()).isEqualTo(EMAIL);
        assertThat(ticket.at("/registration/problem/occurredPlace").asText()).isEqualTo(ADDRESS);
        JsonNode opened = get(reader, "/api/v1/tickets/" + id + "/history").at("/items/0/payload");
        assertThat(opened.at("/registration/customer/phone").asText()).isEqualTo(PHONE);
        assertThat(get(token("acme", "AUDITOR"), "/api/v1/tickets/" + id + "/history").at("/items/0/payload/registration/customer/phone")
                .asText()).isEqualTo("*******5678");

        String events = storedEvents(id);
        assertThat(events).contains(id).contains("TicketOpened");
        for (String personal : List.of(NAME, PHONE, EMAIL, ADDRESS, "wang.xiaoming")) {
            assertThat(events).doesNotContain(personal);
        }
        for (String collection : List.of("privacy_keys", "privacy_subjects", "privacy_lookups")) {
            assertThat(stored(collection)).doesNotContain(PHONE).doesNotContain(EMAIL).doesNotContain(NAME);
        }
    }

    @Test
    void an_encrypted_field_copied_into_a_request_is_refused_not_opened() throws Exception {
        String id = open();
        org.bson.Document opened = database.getCollection("events").find(
                com.mongodb.client.model.Filters.eq("stream", id + "/0")).first();
        JsonNode payload = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                opened.getList("events", org.bson.Document.class).get(0).getString("payload"));
        JsonNode envelope = payload.at("/registration/customer/name");
        assertThat(envelope.has("$pd")).isTrue();

        Map<String, Object> body = new HashMap<>(TicketRequests.airConditionerRepair());
        body.put("customer", Map.of("name", envelope, "phone", "13700000000"));
        http.post().uri("/api/v1/tickets").headers(h -> h.setBearerAuth(agent)).bodyValue(body).exchange()
                .expectStatus().isBadRequest();
    }

    @Test
    void after_the_customers_keys_are_shredded_the_history_shows_erased_and_still_verifies() {
        String id = open();
        String events = storedEvents(id);
        String subject = subjects.subjectOfTicket("acme", id).orElseThrow();
        assertThat(subjects.find("acme", new SubjectKeys.SubjectIdentity(null, "139-1234-5678", null)))
                .containsExactly(subject);

        subjects.shredSubject("acme", subject);

        assertThat(storedEvents(id)).isEqualTo(events);
        JsonNode registration = get(reader, "/api/v1/tickets/" + id + "/history").at("/items/0/payload/registration");
        assertThat(registration.at("/customer/name").asText()).isEqualTo(PersonalField.ERASED);
        assertThat(registration.at("/customer/phone").asText()).isEqualTo(PersonalField.ERASED);
        assertThat(registration.at("/problem/occurredPlace").asText()).isEqualTo(PersonalField.ERASED);
        assertThat(registration.at("/product/model").asText()).isEqualTo("A");
        JsonNode verification = get(token("acme", "AUDITOR"), "/api/v1/tickets/" + id + "/history/verification");
        assertThat(verification.get("intact").asBoolean()).as(verification.toString()).isTrue();
    }
}
