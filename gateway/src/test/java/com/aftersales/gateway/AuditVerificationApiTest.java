package com.aftersales.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftersales.infra.audit.CheckpointWriter;
import com.aftersales.infra.eventstore.EventHashes;
import com.aftersales.infra.tenancy.CallerMetaData;
import com.aftersales.ticket.Channel;
import com.aftersales.ticket.HandlingCommands.Direction;
import com.aftersales.ticket.HandlingCommands.LogContact;
import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 9: stored events edited, deleted, swapped or inserted directly in MongoDB are found at the
 * exact event, while the ticket's views keep working; checkpoints verify with the published keys.
 */
class AuditVerificationApiTest extends ApiTestSupport {

    final String agent = token("acme", "AGENT");
    final String auditor = token("acme", "AUDITOR");

    @Autowired
    CommandGateway commands;
    @Autowired
    MongoDatabase database;
    @Autowired
    CheckpointWriter checkpoints;

    /**
     * A checkpointed ticket of 6 events, one commit each: registered without a priority (so no SLA clock
     * starts and no command stores more than its own event), then 5 contacts logged.
     */
    private String checkpointedTicket() {
        var registration = new java.util.HashMap<>(TicketRequests.airConditionerRepair());
        registration.remove("priority");
        String id = http.post().uri("/api/v1/tickets").headers(h -> h.setBearerAuth(agent))
                .bodyValue(registration).exchange()
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asText();
        var caller = CallerMetaData.of("acme", "acme-agent", "user", List.of("AGENT"));
        for (int n = 1; n <= 5; n++) {
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(new LogContact(id, null, Channel.PHONE,
                    Direction.OUTBOUND, "call " + n)).andMetaData(caller));
        }
        checkpoints.checkpointNow("acme");
        return id;
    }

    private MongoCollection<Document> events() {
        return database.getCollection("events");
    }

    private Document commit(String id, long sequence) {
        return events().find(Filters.eq("stream", id + "/" + sequence)).first();
    }

    private JsonNode verification(String id) {
        return http.get().uri("/api/v1/tickets/" + id + "/history/verification").headers(h -> h.setBearerAuth(auditor))
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    /** The exact report: kind, sequence, global position (null when the event is gone) and detail. */
    private void failsAt(String id, long sequence, String kind, Long globalPosition, String detail) {
        JsonNode report = verification(id);
        assertThat(report.get("intact").asBoolean()).as(report.toString()).isFalse();
        assertThat(report.at("/failure/kind").asText()).as(report.toString()).isEqualTo(kind);
        assertThat(report.at("/failure/sequence").asLong()).as(report.toString()).isEqualTo(sequence);
        JsonNode position = report.at("/failure/globalPosition");
        assertThat(position.isMissingNode() || position.isNull() ? null : position.asLong()).as(report.toString())
                .isEqualTo(globalPosition);
        assertThat(report.at("/failure/detail").asText()).as(report.toString()).isEqualTo(detail);
        // the ticket's other views keep working
        http.get().uri("/api/v1/tickets/" + id).headers(h -> h.setBearerAuth(agent)).exchange().expectStatus().isOk();
        http.get().uri("/api/v1/tickets/" + id + "/timeline").headers(h -> h.setBearerAuth(agent)).exchange()
                .expectStatus().isOk();
    }

    private long indexOf(String id, long sequence) {
        return commit(id, sequence).getLong("firstIndex");
    }

    @Test
    void an_untouched_history_is_intact_and_its_checkpoint_verifies_with_the_published_keys() throws Exception {
        String id = checkpointedTicket();
        JsonNode report = verification(id);
        assertThat(report.get("intact").asBoolean()).as(report.toString()).isTrue();
        assertThat(report.get("events").asInt()).isEqualTo(6);
        assertThat(report.get("checkpointed").asInt()).isEqualTo(6);
        assertThat(report.has("failure") && !report.get("failure").isNull()).isFalse();
        assertThat(report.at("/checkpoints/0/signatureValid").asBoolean()).isTrue();

        String jwks = http.get().uri("/api/v1/audit/jwks.json").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        JWKSet keys = JWKSet.parse(jwks);
        assertThat(keys.getKeys()).allSatisfy(key -> assertThat(key.isPrivate()).isFalse());
        Document checkpoint = database.getCollection("audit_checkpoints")
                .find(Filters.eq("_id", "acme/" + report.get("latestCheckpoint").asLong())).first();
        JWSObject jws = JWSObject.parse(checkpoint.getString("jws"));
        ECKey key = (ECKey) keys.getKeyByKeyId(jws.getHeader().getKeyID());
        assertThat(jws.verify(new ECDSAVerifier(key))).isTrue();
        assertThat(jws.getPayload().toJSONObject()).containsEntry("tenant", "acme");
    }

    @Test
    void an_edited_event_is_reported_changed() {
        String id = checkpointedTicket();
        events().updateOne(Filters.eq("stream", id + "/2"), Updates.set("events.0.payload",
                edited(commit(id, 2).getList("events", Document.class).get(0).getString("payload"))));
        failsAt(id, 2, "CHANGED", indexOf(id, 2), "its stored form no longer hashes to its hash");
    }

    @Test
    void an_edited_event_with_a_recomputed_chain_is_still_reported_changed_by_the_checkpoint() {
        String id = checkpointedTicket();
        String previous = entry(commit(id, 1)).getString("hash");
        for (long sequence = 2; sequence <= 5; sequence++) {
            Document commit = commit(id, sequence);
            Document entry = entry(commit);
            if (sequence == 2) {
                entry.put("payload", edited(entry.getString("payload")));
            }
            previous = rehash(commit, entry, previous);
            events().replaceOne(Filters.eq("_id", commit.get("_id")), commit);
        }
        long checkpoint = verification(id).get("latestCheckpoint").asLong();
        failsAt(id, 2, "CHANGED", indexOf(id, 2), "checkpoint " + checkpoint + " holds another hash at its position");
    }

    @Test
    void a_deleted_event_is_reported_missing() {
        String id = checkpointedTicket();
        events().deleteOne(Filters.eq("stream", id + "/3"));
        failsAt(id, 3, "MISSING", null, "the stream continues at sequence 4");
    }

    /** The stream alone cannot tell it lost its end; the ticket's view, an independent record, can. */
    @Test
    void deleted_last_events_are_reported_missing() {
        String id = checkpointedTicket();
        awaitViewVersion(id, 5); // the view is the witness: it must have seen the last event first
        events().deleteOne(Filters.eq("stream", id + "/5"));
        failsAt(id, 5, "MISSING", null, "the ticket's view has seen sequence 5");
    }

    @Test
    void a_checkpoint_replaced_by_one_that_does_not_follow_its_predecessor_is_reported() {
        checkpointedTicket();
        String id = checkpointedTicket(); // in a checkpoint that has a predecessor
        long latest = verification(id).get("latestCheckpoint").asLong();
        assertThat(latest).isPositive();
        database.getCollection("audit_checkpoints").updateOne(Filters.eq("_id", "acme/" + (latest - 1)),
                Updates.set("jws", "eyJhbGciOiJFUzI1NiJ9.e30.AAAA"));
        JsonNode report = verification(id);
        assertThat(report.get("intact").asBoolean()).as(report.toString()).isFalse();
        assertThat(report.at("/failure/kind").asText()).isEqualTo("CHECKPOINT_INVALID");
    }

    /** The checkpoints after the one covering the ticket must still chain it to the latest, signed one. */
    @Test
    void a_broken_link_between_the_ticket_checkpoint_and_the_latest_is_reported() {
        String id = checkpointedTicket();
        long covering = verification(id).at("/checkpoints/0/sequence").asLong();
        checkpointedTicket();
        checkpointedTicket();
        database.getCollection("audit_checkpoints").updateOne(Filters.eq("_id", "acme/" + (covering + 1)),
                Updates.set("jws", "eyJhbGciOiJFUzI1NiJ9.e30.AAAA"));
        JsonNode report = verification(id);
        assertThat(report.get("intact").asBoolean()).as(report.toString()).isFalse();
        assertThat(report.at("/failure/kind").asText()).isEqualTo("CHECKPOINT_INVALID");
        assertThat(report.at("/failure/detail").asText()).contains("does not name checkpoint " + covering);
    }

    @Test
    void swapped_events_are_reported_reordered() {
        String id = checkpointedTicket();
        Document second = commit(id, 2);
        Document third = commit(id, 3);
        events().updateOne(Filters.eq("_id", second.get("_id")), Updates.set("events", third.get("events")));
        events().updateOne(Filters.eq("_id", third.get("_id")), Updates.set("events", second.get("events")));
        failsAt(id, 2, "REORDERED", second.getLong("firstIndex"), "stored after sequence 3");
    }

    /** The forger knows the hash function: the chain they leave behind is consistent; the checkpoint is not theirs. */
    @Test
    void an_inserted_event_is_reported_inserted_even_with_a_recomputed_chain() {
        String id = checkpointedTicket();
        List<Document> later = new ArrayList<>();
        for (long sequence = 3; sequence <= 5; sequence++) {
            later.add(commit(id, sequence));
        }
        events().deleteMany(Filters.regex("stream", "^" + id + "/[345]$"));
        String previous = entry(commit(id, 2)).getString("hash");
        Document forged = Document.parse(later.get(0).toJson(JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).build()));
        long forgedIndex = 1_000_000;
        forged.put("_id", forgedIndex);
        forged.put("firstIndex", forgedIndex);
        Document forgedEntry = entry(forged);
        forgedEntry.put("eventIdentifier", "00000000-0000-0000-0000-000000000001");
        forgedEntry.put("payload", edited(forgedEntry.getString("payload")));
        previous = rehash(forged, forgedEntry, previous);
        events().insertOne(forged);
        for (Document commit : later) {
            long sequence = commit.getLong("firstSequence") + 1;
            commit.put("stream", id + "/" + sequence);
            commit.put("firstSequence", sequence);
            commit.put("lastSequence", sequence);
            Document entry = entry(commit);
            entry.put("sequence", sequence);
            previous = rehash(commit, entry, previous);
            events().insertOne(commit);
        }
        failsAt(id, 3, "INSERTED", forgedIndex, "not in any checkpoint, yet later events of the stream are");
    }

    @Test
    void another_tenants_auditor_gets_404_on_the_verification() {
        String id = checkpointedTicket();
        http.get().uri("/api/v1/tickets/" + id + "/history/verification")
                .headers(h -> h.setBearerAuth(token("nimbus", "AUDITOR", "TENANT_ADMIN"))).exchange()
                .expectStatus().isNotFound().expectBody().jsonPath("$.code").isEqualTo("TICKET_NOT_FOUND");
        http.get().uri("/api/v1/tickets/" + id + "/history/verification").headers(h -> h.setBearerAuth(agent)).exchange()
                .expectStatus().isForbidden();
    }

    private void awaitViewVersion(String id, long version) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode view = http.get().uri("/api/v1/tickets/" + id).headers(h -> h.setBearerAuth(agent)).exchange()
                    .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
            if (view.path("version").asLong() >= version) {
                return;
            }
            LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
        }
        throw new AssertionError("the view of " + id + " did not reach version " + version);
    }

    /** The contact turned around: the summary is stored encrypted (docs/privacy.md), the direction as it is. */
    private static String edited(String payload) {
        String edited = payload.replace("\"OUTBOUND\"", "\"INBOUND\"");
        assertThat(edited).isNotEqualTo(payload);
        return edited;
    }

    private static Document entry(Document commit) {
        return commit.getList("events", Document.class).get(0);
    }

    private static String rehash(Document commit, Document entry, String previous) {
        String hash = EventHashes.hash(previous, commit.getString("tenant"), commit.getString("type"),
                commit.getString("aggregateIdentifier"), entry.getLong("sequence"), entry.getString("eventIdentifier"),
                entry.getString("timestamp"), entry.getString("payloadType"), entry.getString("payloadRevision"),
                entry.getString("salt"), entry.getString("payload"), entry.getString("metaData"));
        entry.put("previousHash", previous);
        entry.put("hash", hash);
        return hash;
    }
}
