package com.aftersales.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftersales.infra.audit.CheckpointWriter;
import com.aftersales.infra.audit.ExportVerifier;
import com.aftersales.infra.tenancy.CallerMetaData;
import com.aftersales.ticket.Channel;
import com.aftersales.ticket.HandlingCommands.Direction;
import com.aftersales.ticket.HandlingCommands.LogContact;
import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.nimbusds.jose.jwk.JWKSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/** Issue 9: exports for offline audit verify against the published keys, and fail after a one-byte change. */
class AuditExportApiTest extends ApiTestSupport {

    final String agent = token("acme", "AGENT");
    final String piiAuditor = token("acme", "AUDITOR", "PII_READER");

    @Autowired
    CommandGateway commands;
    @Autowired
    CheckpointWriter checkpoints;
    @Autowired
    MongoDatabase database;

    /**
     * 6 checkpointed events (the registration and the two SLA clocks it starts, call 1 and the first
     * response it fulfils, call 2), then one more (call 3) that no checkpoint covers yet.
     */
    private String ticket() {
        String id = http.post().uri("/api/v1/tickets").headers(h -> h.setBearerAuth(agent))
                .bodyValue(TicketRequests.airConditionerRepair()).exchange()
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asText();
        for (int n = 1; n <= 3; n++) {
            if (n == 3) {
                checkpoints.checkpointNow("acme");
            }
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(new LogContact(id, null, Channel.PHONE,
                    Direction.OUTBOUND, "call " + n + " on 13800005678")).andMetaData(
                    CallerMetaData.of("acme", "acme-agent", "user", List.of("AGENT"))));
        }
        return id;
    }

    private List<String> export(String token, String uri) {
        String body = http.get().uri(uri).accept(MediaType.APPLICATION_NDJSON).headers(h -> h.setBearerAuth(token))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        return new ArrayList<>(Arrays.asList(body.split("\n")));
    }

    private ExportVerifier.Result verify(List<String> lines) throws Exception {
        String jwks = http.get().uri("/api/v1/audit/jwks.json").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        return new ExportVerifier(JWKSet.parse(jwks)).verify(lines);
    }

    @Test
    void a_ticket_export_verifies_offline_and_fails_after_one_changed_byte() throws Exception {
        String id = ticket();
        List<String> lines = export(piiAuditor, "/api/v1/tickets/" + id + "/history/export");
        assertThat(lines.get(0)).contains("\"kind\":\"header\"").contains(id);
        assertThat(lines).anyMatch(line -> line.contains("\"kind\":\"checkpoint\""));
        assertThat(lines.get(lines.size() - 1)).contains("\"kind\":\"end\"").contains("\"events\":7");
        ExportVerifier.Result result = verify(lines);
        assertThat(result.verified()).as(result.message()).isTrue();
        assertThat(result.events()).isEqualTo(7);
        keepSample(lines); // docs/audit.md runs the packaged verifier on it
        assertThat(result.checkpointed()).isEqualTo(6);

        int event = secondContact(lines);
        List<String> edited = new ArrayList<>(lines);
        edited.set(event, lines.get(event).replace("OUTBOUND", "INBOUND")); // the summary is encrypted (docs/privacy.md)
        assertThat(edited.get(event)).isNotEqualTo(lines.get(event));
        ExportVerifier.Result broken = verify(edited);
        assertThat(broken.verified()).isFalse();
        assertThat(broken.line()).isEqualTo(event + 1);

        int checkpoint = indexOf(lines, "\"kind\":\"checkpoint\"");
        List<String> forged = new ArrayList<>(lines);
        String line = lines.get(checkpoint);
        int at = line.lastIndexOf('.') + 5;
        forged.set(checkpoint, line.substring(0, at) + (line.charAt(at) == 'A' ? 'B' : 'A') + line.substring(at + 1));
        assertThat(verify(forged).verified()).isFalse();
        assertThat(verify(lines.subList(0, lines.size() - 1)).message()).contains("incomplete");
    }

    @Test
    void without_pii_reader_the_export_carries_digests_only_and_still_verifies() throws Exception {
        String id = ticket();
        List<String> lines = export(token("acme", "AUDITOR"), "/api/v1/tickets/" + id + "/history/export");
        assertThat(String.join("\n", lines)).doesNotContain("13800005678").doesNotContain("\"payload\"");
        assertThat(verify(lines).verified()).isTrue();
    }

    @Test
    void a_tenants_export_of_a_time_range_holds_its_events_only_and_verifies() throws Exception {
        Instant from = Instant.now().minusSeconds(1);
        String id = ticket();
        http.post().uri("/api/v1/tickets").headers(h -> h.setBearerAuth(token("nimbus", "AGENT")))
                .bodyValue(TicketRequests.blackScreen("nimbus customer")).exchange().expectStatus().is2xxSuccessful();
        Instant to = Instant.now().plusSeconds(1);
        List<String> lines = export(piiAuditor, "/api/v1/audit/export?from=" + from + "&to=" + to);
        assertThat(lines.stream().filter(line -> line.contains("\"kind\":\"event\"")))
                .allMatch(line -> line.contains("\"tenant\":\"acme\"")).anyMatch(line -> line.contains(id));
        ExportVerifier.Result result = verify(lines);
        assertThat(result.verified()).as(result.message()).isTrue();
        assertThat(result.events()).isGreaterThanOrEqualTo(7);

        http.get().uri("/api/v1/tickets/" + id + "/history/export").headers(h -> h.setBearerAuth(token("nimbus", "AUDITOR")))
                .exchange().expectStatus().isNotFound();
        List<String> nimbus = export(token("nimbus", "AUDITOR"), "/api/v1/audit/export?from=" + from + "&to=" + to);
        assertThat(String.join("\n", nimbus)).doesNotContain(id).doesNotContain("\"tenant\":\"acme\"");
        http.get().uri("/api/v1/audit/export?from=" + to + "&to=" + from).headers(h -> h.setBearerAuth(piiAuditor))
                .exchange().expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("ordered")
                .jsonPath("$.errors[0].code").isEqualTo("RangeOrdered")
                .jsonPath("$.errors[0].message").isEqualTo("to must be after from");
        http.get().uri("/api/v1/audit/export?from=" + from + "&to=" + to).headers(h -> h.setBearerAuth(agent))
                .exchange().expectStatus().isForbidden();
    }

    @Test
    void a_stripped_shortened_or_cut_export_fails() throws Exception {
        String id = ticket();
        List<String> lines = export(piiAuditor, "/api/v1/tickets/" + id + "/history/export");
        assertThat(verify(lines).status()).isZero();

        // checkpoints and proofs removed: every event passes as chain-verified only, but the end line signs 6 proofs
        List<String> stripped = new ArrayList<>();
        for (String line : lines) {
            if (!line.contains("\"kind\":\"checkpoint\"")) {
                stripped.add(line.replaceAll(",\"checkpoint\":\\d+,\"leafIndex\":\\d+,\"proof\":\\[[^]]*]", ""));
            }
        }
        assertThat(stripped).noneMatch(line -> line.contains("\"proof\""));
        ExportVerifier.Result result = verify(stripped);
        assertThat(result.verified()).isFalse();
        assertThat(result.status()).isEqualTo(1);
        assertThat(result.message()).startsWith("the end line signs 7 events (6 checkpointed), the file holds 7 (0)");

        // one proof removed while its checkpoint stays: exit status 3
        int third = secondContact(lines);
        List<String> unproven = new ArrayList<>(lines);
        unproven.set(third, lines.get(third).replaceAll(",\"checkpoint\":\\d+,\"leafIndex\":\\d+,\"proof\":\\[[^]]*]", ""));
        result = verify(unproven);
        assertThat(result.status()).isEqualTo(3);
        assertThat(result.message()).contains("line " + (third + 1) + ") has no proof");

        // the first event cut: a ticket's export starts at sequence 0
        List<String> prefixCut = new ArrayList<>(lines);
        prefixCut.remove(indexOf(lines, "\"sequence\":0,\"globalIndex\""));
        result = verify(prefixCut);
        assertThat(result.verified()).isFalse();
        assertThat(result.message()).endsWith("a ticket's export must start at its first event (sequence 0, no previous hash)");

        // the last event cut and the end line's count fixed: the signed end line still counts 7
        List<String> suffixCut = new ArrayList<>(lines.subList(0, lines.size() - 2));
        suffixCut.add(lines.get(lines.size() - 1).replace("\"events\":7", "\"events\":6"));
        result = verify(suffixCut);
        assertThat(result.verified()).isFalse();
        assertThat(result.line()).isEqualTo(suffixCut.size());

        // every hash removed
        List<String> unhashed = lines.stream().map(line -> line.replaceAll("\"(previousHash|hash)\":\"[0-9a-f]+\"",
                "\"$1\":null")).toList();
        result = verify(unhashed);
        assertThat(result.verified()).isFalse();
        assertThat(result.message()).endsWith("it has no hash");
    }

    @Test
    void an_export_of_events_stored_before_commits_carried_their_tenant_verifies() throws Exception {
        String id = ticket();
        // as commits stored before issue 9: the tenant is in each event's metadata only
        database.getCollection("events").updateMany(Filters.eq("aggregateIdentifier", id), Updates.unset("tenant"));
        List<String> lines = export(piiAuditor, "/api/v1/tickets/" + id + "/history/export");
        assertThat(lines.stream().filter(line -> line.contains("\"kind\":\"event\"")))
                .hasSize(7).allMatch(line -> line.contains("\"tenant\":\"acme\""));
        ExportVerifier.Result result = verify(lines);
        assertThat(result.verified()).as(result.message()).isTrue();
        assertThat(result.checkpointed()).isEqualTo(6);
    }

    /** target/audit-sample/: the export and the JWKS, for trying the offline verifier (docs/audit.md). */
    private void keepSample(List<String> lines) throws java.io.IOException {
        java.nio.file.Path dir = java.nio.file.Path.of("target", "audit-sample");
        java.nio.file.Files.createDirectories(dir);
        java.nio.file.Files.write(dir.resolve("export.jsonl"), lines);
        java.nio.file.Files.writeString(dir.resolve("jwks.json"), http.get().uri("/api/v1/audit/jwks.json").exchange()
                .expectBody(String.class).returnResult().getResponseBody());
    }

    /** The line of the second contact logged ("call 2"), found by its type: its summary is stored encrypted. */
    private static int secondContact(List<String> lines) {
        int first = indexOf(lines, "$ContactLogged\"");
        return first + 1 + indexOf(lines.subList(first + 1, lines.size()), "$ContactLogged\"");
    }

    private static int indexOf(List<String> lines, String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        throw new AssertionError(text + " not exported");
    }
}
