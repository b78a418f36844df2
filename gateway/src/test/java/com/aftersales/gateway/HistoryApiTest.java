package com.aftersales.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/** Issue 9: a ticket's history as stored, page by page, masked, and the ticket as of past moments. */
class HistoryApiTest extends ApiTestSupport {

    final String agent = token("acme", "AGENT");
    final String technician = token("acme", "HANDLER", "SENIOR");
    final String manager = token("acme", "MANAGER");
    final String auditor = token("acme", "AUDITOR");

    private String open() {
        return http.post().uri("/api/v1/tickets").headers(h -> h.setBearerAuth(agent))
                .bodyValue(TicketRequests.airConditionerRepair()).exchange()
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asText();
    }

    private JsonNode task(String token, String ticketId, String task, Object body) {
        String version = http.get().uri("/api/v1/tickets/" + ticketId).headers(h -> h.setBearerAuth(agent)).exchange()
                .expectStatus().isOk().returnResult(String.class).getResponseHeaders().getETag();
        var request = http.method(HttpMethod.POST).uri("/api/v1/tickets/" + ticketId + "/" + task).headers(h -> {
            h.setBearerAuth(token);
            h.setIfMatch(version);
        });
        return (body == null ? request.exchange() : request.bodyValue(body).exchange())
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    /** Worked example 1 of SPEC §12 up to the resolution. */
    private String example1() {
        String id = open();
        task(agent, id, "acknowledgement", Map.of("promisedResponseBy", "2024-05-21T01:30:00Z", "channel", "PHONE"));
        task(agent, id, "assignment", Map.of("department", "technical", "assigneeId", "acme-handler-senior"));
        task(technician, id, "acceptance", null);
        task(technician, id, "diagnosis", Map.of("method", "ON_SITE", "findings", "capacitor failed",
                "appointmentAt", "2024-05-21T02:00:00Z"));
        task(technician, id, "plan", Map.of("permanentFix", "replace the capacitor", "measures", List.of("on-site repair"),
                "deadline", "2024-05-21T10:00:00Z"));
        task(manager, id, "plan/approval", null);
        task(agent, id, "customer-updates", Map.of("channel", "PHONE", "summary", "technician arrives 10:00, call 13800005678"));
        task(technician, id, "resolution", Map.of("resolution", "capacitor replaced at 17:30"));
        return id;
    }

    private EntityExchangeResult<JsonNode> get(String token, String uri) {
        return http.get().uri(uri).headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult();
    }

    private List<JsonNode> all(String token, String id) {
        List<JsonNode> events = new ArrayList<>();
        get(token, "/api/v1/tickets/" + id + "/history?limit=200").getResponseBody().get("items").forEach(events::add);
        return events;
    }

    @Test
    void history_lists_every_stored_event_in_order_with_its_fields_masked_unless_pii_reader() {
        String id = example1();
        List<JsonNode> events = all(auditor, id);
        List<String> types = events.stream().map(event -> event.get("type").asText()).toList();
        // registration starts the first-response and update clocks; the acceptance the escalation clock; the
        // diagnosis is the first response; the update fulfils the update clock and starts the next; the
        // resolution fulfils the escalation clock (docs/sla.md)
        assertThat(types).startsWith("TicketOpened", "SlaClockStarted", "SlaClockStarted", "TicketAcknowledged",
                "TicketAssigned", "AssignmentAccepted", "SlaClockStarted", "DiagnosisRecorded", "SlaClockFulfilled",
                "PlanProposed").contains("PlanApproved", "CustomerUpdated").endsWith("TicketResolved", "SlaClockFulfilled");
        long previousPosition = -1;
        String previousHash = null;
        for (int i = 0; i < events.size(); i++) {
            JsonNode event = events.get(i);
            assertThat(event.get("sequence").asLong()).isEqualTo(i);
            assertThat(event.get("globalPosition").asLong()).isGreaterThan(previousPosition);
            previousPosition = event.get("globalPosition").asLong();
            assertThat(event.get("tenant").asText()).isEqualTo("acme");
            assertThat(event.get("payloadType").asText()).matches("com\\.aftersales\\.(ticket|sla)\\..*")
                    .endsWith(event.get("type").asText());
            assertThat(event.get("timestamp").asText()).matches("\\d{4}-\\d{2}-\\d{2}T.*Z");
            assertThat(event.get("eventId").asText()).hasSize(36);
            assertThat(event.get("correlationId").asText()).hasSize(36);
            assertThat(event.get("causationId").asText()).hasSize(36);
            assertThat(event.get("hash").asText()).hasSize(64);
            assertThat(event.hasNonNull("previousHash") ? event.get("previousHash").asText() : null).isEqualTo(previousHash);
            previousHash = event.get("hash").asText();
            assertThat(event.get("payload").isObject()).isTrue();
        }
        assertThat(events.get(0).at("/actor/id").asText()).isEqualTo("acme-agent");
        assertThat(events.get(0).at("/actor/kind").asText()).isIn("user", "client");
        assertThat(events.get(0).at("/actor/roles/0").asText()).isEqualTo("AGENT");
        assertThat(events.get(types.indexOf("AssignmentAccepted")).at("/actor/id").asText()).isEqualTo("acme-handler-senior");
        assertThat(events.get(0).get("revision").asText()).isNotBlank();

        String masked = events.get(0).get("payload").toString();
        assertThat(masked).doesNotContain("13800005678").contains("5678");
        JsonNode update = events.stream().filter(event -> event.get("type").asText().equals("CustomerUpdated")).findFirst().orElseThrow();
        assertThat(update.at("/payload/summary").asText()).doesNotContain("13800005678");
        List<JsonNode> unmasked = all(token("acme", "AUDITOR", "PII_READER"), id);
        assertThat(unmasked.get(0).get("payload").toString()).contains("13800005678");
        assertThat(unmasked.get(0).get("hash")).isEqualTo(events.get(0).get("hash"));
    }

    @Test
    void history_pages_chain_by_cursor_and_refuses_made_up_cursors() {
        String id = open(); // registered with two clocks started: 3 events
        for (int n = 0; n < 3; n++) { // the first contact fulfils the first response: 4 more
            task(agent, id, "contacts", Map.of("channel", "PHONE", "direction", "OUTBOUND", "summary", "call " + n));
        }
        EntityExchangeResult<JsonNode> first = get(auditor, "/api/v1/tickets/" + id + "/history?limit=3");
        assertThat(first.getResponseBody().get("items")).hasSize(3);
        assertThat(first.getResponseBody().get("hasMore").asBoolean()).isTrue();
        String cursor = first.getResponseBody().get("nextCursor").asText();
        assertThat(first.getResponseHeaders().getFirst(HttpHeaders.LINK))
                .isEqualTo("</api/v1/tickets/" + id + "/history?cursor=" + cursor + "&limit=3>; rel=\"next\"");
        JsonNode second = get(auditor, "/api/v1/tickets/" + id + "/history?limit=3&cursor=" + cursor).getResponseBody();
        assertThat(second.at("/items/0/sequence").asLong()).isEqualTo(3);
        JsonNode last = get(auditor, "/api/v1/tickets/" + id + "/history?limit=3&cursor=" + second.get("nextCursor").asText())
                .getResponseBody();
        assertThat(last.get("items")).hasSize(1);
        assertThat(last.get("hasMore").asBoolean()).isFalse();
        assertThat(last.has("nextCursor") && !last.get("nextCursor").isNull()).isFalse();

        http.get().uri("/api/v1/tickets/" + id + "/history?cursor=bm90LWEtY3Vyc29y").headers(h -> h.setBearerAuth(auditor))
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("INVALID_CURSOR");
        http.get().uri("/api/v1/tickets/" + id + "/history?limit=500").headers(h -> h.setBearerAuth(auditor))
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("VALIDATION_FAILED");
        http.get().uri("/api/v1/tickets/" + id + "/history/state?asOf=yesterday").headers(h -> h.setBearerAuth(auditor))
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void the_ticket_as_of_three_instants_of_worked_example_1_and_as_of_now_is_the_live_view() {
        String id = example1();
        List<JsonNode> events = all(auditor, id);
        String base = "/api/v1/tickets/" + id + "/history/state";

        String registration = events.get(0).get("timestamp").asText();
        JsonNode registered = get(auditor, base + "?asOf=" + registration).getResponseBody();
        assertThat(registered.get("status").asText()).isEqualTo("REGISTERED");
        assertThat(registered.get("version").asLong()).as("the registration and the clocks it started in the same instant")
                .isEqualTo(lastAt(events, registration));
        assertThat(registered.hasNonNull("acknowledgement")).isFalse();

        JsonNode accepted = get(auditor, base + "?asOf=" + events.get(types(events).indexOf("AssignmentAccepted"))
                .get("timestamp").asText()).getResponseBody();
        assertThat(accepted.get("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(accepted.at("/assignment/assigneeId").asText()).isEqualTo("acme-handler-senior");
        assertThat(accepted.at("/handling/plan").isMissingNode() || accepted.at("/handling/plan").isNull()).isTrue();

        int approval = types(events).indexOf("PlanApproved");
        JsonNode approved = get(auditor, base + "?sequence=" + approval).getResponseBody();
        assertThat(approved.at("/handling/plan/approval").asText()).isEqualTo("APPROVED");
        assertThat(approved.get("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(approved.get("version").asLong()).isEqualTo(approval);

        JsonNode live = get(auditor, "/api/v1/tickets/" + id).getResponseBody();
        assertThat(live.get("status").asText()).isEqualTo("RESOLVED");
        assertThat(get(auditor, base).getResponseBody()).isEqualTo(live);
        assertThat(get(auditor, base + "?asOf=2999-01-01T00:00:00Z").getResponseBody()).isEqualTo(live);

        http.get().uri(base + "?asOf=2000-01-01T00:00:00Z").headers(h -> h.setBearerAuth(auditor)).exchange()
                .expectStatus().isNotFound().expectBody().jsonPath("$.code").isEqualTo("TICKET_NOT_FOUND");
    }

    /** Worked example 4 (SPEC §12), at the SaaS vendor: its past state as of now is its live view too. */
    @Test
    void worked_example_4_as_of_now_is_the_live_view() {
        String id = http.post().uri("/api/v1/tickets").headers(h -> h.setBearerAuth(token("nimbus", "AGENT")))
                .bodyValue(TicketRequests.blackScreen("科技有限公司")).exchange()
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asText();
        String nimbusAuditor = token("nimbus", "AUDITOR");
        JsonNode live = get(nimbusAuditor, "/api/v1/tickets/" + id).getResponseBody();
        assertThat(live.get("number").asText()).startsWith("SR");
        assertThat(get(nimbusAuditor, "/api/v1/tickets/" + id + "/history/state").getResponseBody()).isEqualTo(live);
    }

    /** The sequence of the last event stored at or before {@code at}. */
    private static long lastAt(List<JsonNode> events, String at) {
        java.time.Instant instant = java.time.Instant.parse(at);
        return events.stream().filter(e -> !java.time.Instant.parse(e.get("timestamp").asText()).isAfter(instant))
                .mapToLong(e -> e.get("sequence").asLong()).max().orElseThrow();
    }

    private static List<String> types(List<JsonNode> events) {
        return events.stream().map(event -> event.get("type").asText()).toList();
    }

    @Test
    void another_tenants_auditor_gets_404_and_other_roles_403_on_every_history_route() {
        String id = open();
        String nimbusAuditor = token("nimbus", "AUDITOR", "TENANT_ADMIN", "PII_READER");
        for (String route : List.of("/history", "/history?limit=1", "/history/state", "/history/state?sequence=0",
                "/history/verification", "/history/export", "/history/access")) {
            http.get().uri("/api/v1/tickets/" + id + route).headers(h -> h.setBearerAuth(nimbusAuditor)).exchange()
                    .expectStatus().isNotFound().expectBody().jsonPath("$.code").isEqualTo("TICKET_NOT_FOUND");
            http.get().uri("/api/v1/tickets/" + id + route).headers(h -> h.setBearerAuth(agent)).exchange()
                    .expectStatus().isForbidden();
        }
        get(token("acme", "TENANT_ADMIN"), "/api/v1/tickets/" + id + "/history");
        http.get().uri("/api/v1/tickets/no-such-ticket/history").headers(h -> h.setBearerAuth(auditor)).exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void every_read_of_a_history_is_recorded_and_only_the_tenant_admin_reads_the_record() {
        String id = open();
        String piiAuditor = token("acme", "AUDITOR", "PII_READER");
        get(auditor, "/api/v1/tickets/" + id + "/history");
        get(piiAuditor, "/api/v1/tickets/" + id + "/history/state?sequence=0");
        get(auditor, "/api/v1/tickets/" + id + "/history/verification");
        String admin = token("acme", "TENANT_ADMIN");
        JsonNode log = get(admin, "/api/v1/tickets/" + id + "/history/access").getResponseBody();
        List<String> reads = new ArrayList<>();
        log.get("items").forEach(entry -> reads.add(entry.at("/payload/view").asText() + ":"
                + entry.at("/payload/readerId").asText() + ":" + entry.at("/payload/personalData").asBoolean()));
        assertThat(reads).containsExactly("history:acme-auditor:false", "state:acme-auditor-pii_reader:true",
                "verification:acme-auditor:false");
        assertThat(log.at("/items/0/type").asText()).isEqualTo("HistoryAccessed");
        assertThat(log.at("/items/0/payload/at").asText()).isNotBlank();
        assertThat(log.at("/items/1/hash").asText()).hasSize(64);

        http.get().uri("/api/v1/tickets/" + id + "/history/access").headers(h -> h.setBearerAuth(auditor)).exchange()
                .expectStatus().isForbidden();
        for (String route : List.of("/history", "/history/state", "/history/verification", "/history/export")) {
            http.get().uri("/api/v1/tickets/history-access:" + id + route).headers(h -> h.setBearerAuth(auditor)).exchange()
                    .expectStatus().isNotFound(); // the access log is not a ticket
        }
        http.get().uri("/api/v1/tickets/" + id + "/history/access").headers(h -> h.setBearerAuth(token("nimbus", "TENANT_ADMIN")))
                .exchange().expectStatus().isNotFound();
        JsonNode none = get(admin, "/api/v1/tickets/" + open() + "/history/access").getResponseBody();
        assertThat(none.get("items")).isEmpty();
    }

    /** Past states kept every 100 events shorten later replays; the answers stay those of a full replay. */
    @Test
    void past_states_of_a_long_ticket_are_the_same_from_a_kept_state_as_from_the_start() {
        String id = open();
        task(agent, id, "acknowledgement", Map.of("promisedResponseBy", "2024-05-21T01:30:00Z", "channel", "PHONE"));
        var caller = com.aftersales.infra.tenancy.CallerMetaData.of("acme", "acme-agent", "user", List.of("AGENT"));
        var commands = commandGateway();
        for (int n = 2; n < 130; n++) {
            commands.sendAndWait(org.axonframework.commandhandling.GenericCommandMessage.asCommandMessage(
                    new com.aftersales.ticket.HandlingCommands.LogContact(id, null, com.aftersales.ticket.Channel.PHONE,
                            com.aftersales.ticket.HandlingCommands.Direction.OUTBOUND, "call " + n)).andMetaData(caller));
        }
        String base = "/api/v1/tickets/" + id + "/history/state";
        JsonNode cold = get(auditor, base + "?sequence=110").getResponseBody(); // replays 0..110, keeps 99
        JsonNode warm = get(auditor, base + "?sequence=110").getResponseBody(); // from the state after 99
        assertThat(warm).isEqualTo(cold);
        assertThat(warm.get("version").asLong()).isEqualTo(110);
        assertThat(warm.at("/acknowledgement/channel").asText()).isEqualTo("PHONE");
        JsonNode before = get(auditor, base + "?sequence=42").getResponseBody();
        assertThat(before.get("version").asLong()).isEqualTo(42);

        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() ->
                // 130 events as before, and 3 clock facts: two started at registration, the first response fulfilled
                get(auditor, "/api/v1/tickets/" + id).getResponseBody().get("version").asLong() == 132);
        JsonNode live = get(auditor, "/api/v1/tickets/" + id).getResponseBody();
        assertThat(get(auditor, base).getResponseBody()).isEqualTo(live); // from the state after 99

        List<JsonNode> page = new ArrayList<>();
        get(auditor, "/api/v1/tickets/" + id + "/history?limit=200").getResponseBody().get("items").forEach(page::add);
        String at120 = page.get(120).get("timestamp").asText();
        assertThat(get(auditor, base + "?asOf=" + at120).getResponseBody().get("version").asLong()).isEqualTo(120);
    }

    @org.springframework.beans.factory.annotation.Autowired
    private org.axonframework.commandhandling.gateway.CommandGateway commandGateway;

    private org.axonframework.commandhandling.gateway.CommandGateway commandGateway() {
        return commandGateway;
    }
}
