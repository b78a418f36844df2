package com.aftersales.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.aftersales.infra.privacy.SubjectKeys;
import com.aftersales.infra.timer.DurableTimers;
import com.aftersales.infra.timer.Timer;
import com.aftersales.privacy.DisposalTimers;
import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.reactivestreams.client.MongoDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.reactive.AutoConfigureWebTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;

/**
 * Issue 13 through the real HTTP stack, with signed tokens, on the embedded store and a clock moved
 * by hand over the years of retention. The encryption's real key store ({@code MongoSubjectKeys})
 * links each registration to its customer and shreds; the node's timer ticker is off, so the disposal timers
 * are found in the timer store and fired here, as the ticker would fire them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "aftersales.timers.enabled=false")
@AutoConfigureWebTestClient(timeout = "30s")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PrivacyApiTest {

    static final MovableClock CLOCK = new MovableClock(ApiTestSupport.NOW);
    static final Duration PAST_RETENTION = Duration.ofDays(3 * 366 + 2);

    @TestConfiguration
    static class Privacy {
        @Bean
        @Primary
        MovableClock movableClock() {
            return CLOCK;
        }
    }

    @DynamicPropertySource
    static void issuers(DynamicPropertyRegistry registry) {
        registry.add("aftersales.security.issuers[0].issuer-uri", () -> ApiTestSupport.ISSUERS.issuerUrl("shared").toString());
        registry.add("aftersales.security.issuers[0].jwk-set-uri", () -> ApiTestSupport.ISSUERS.jwksUrl("shared").toString());
    }

    @Autowired
    WebTestClient http;
    @Autowired
    DurableTimers timers;
    @Autowired
    DisposalTimers disposals;
    @Autowired
    MongoDatabase database;
    @Autowired
    SubjectKeys keys;

    final String agent = ApiTestSupport.token("acme", "AGENT");
    final String technician = ApiTestSupport.token("acme", "HANDLER", "SENIOR");
    final String supervisor = ApiTestSupport.token("acme", "SUPERVISOR");
    final String admin = ApiTestSupport.token("acme", "TENANT_ADMIN");
    final String auditor = ApiTestSupport.token("acme", "AUDITOR");
    final String reader = ApiTestSupport.token("acme", "AGENT", "AUDITOR", "PII_READER");

    // --- tickets --------------------------------------------------------------------------------

    private String open(String name, String phone, String customerId) {
        Map<String, Object> body = new HashMap<>(TicketRequests.airConditionerRepair());
        body.put("type", "inquiry");
        body.put("priority", "normal");
        body.put("customer", Map.of("name", name, "phone", phone, "customerId", customerId));
        body.put("problem", Map.of("description", "strap broken, call " + name + " on " + phone));
        String id = http.post().uri("/api/v1/tickets").headers(h -> h.setBearerAuth(agent)).bodyValue(body).exchange()
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asText();
        return id;
    }

    private String etag(String ticketId) {
        return http.get().uri("/api/v1/tickets/" + ticketId).headers(h -> h.setBearerAuth(agent)).exchange()
                .expectStatus().isOk().returnResult(String.class).getResponseHeaders().getETag();
    }

    private void task(String token, String ticketId, String task, Object body) {
        String version = etag(ticketId);
        var request = http.post().uri("/api/v1/tickets/" + ticketId + "/" + task).headers(h -> {
            h.setBearerAuth(token);
            h.setIfMatch(version);
        });
        (body == null ? request.exchange() : request.bodyValue(body).exchange()).expectStatus().isOk();
    }

    /** Worked example 2's path from intake to archive, at the clock's now. */
    private void archive(String id, String phone) {
        task(agent, id, "acknowledgement", Map.of("promisedResponseBy", CLOCK.instant().plusSeconds(86_400).toString(),
                "channel", "PHONE"));
        task(agent, id, "assignment", Map.of("department", "technical", "assigneeId", "acme-handler-senior"));
        task(technician, id, "acceptance", null);
        task(technician, id, "contacts", Map.of("channel", "PHONE", "direction", "OUTBOUND",
                "summary", "called back on " + phone));
        task(technician, id, "plan", Map.of("temporaryMeasure", "send a new strap", "measures", List.of("training")));
        task(supervisor, id, "plan/approval", null);
        task(technician, id, "resolution", Map.of("resolution", "strap sent"));
        task(agent, id, "verdict", Map.of("accepted", true, "note", "customer " + phone + " happy"));
        task(agent, id, "survey", Map.of("satisfaction", "SATISFIED", "responseSpeed", 5, "resolutionEffect", 5,
                "serviceAttitude", 5, "overall", 5, "nps", 9, "comment", "thanks, reach me on " + phone));
        task(agent, id, "follow-up-call", Map.of("summary", "thanked the customer"));
        task(supervisor, id, "archive", null);
    }

    // --- privacy API ----------------------------------------------------------------------------

    private WebTestClient.ResponseSpec post(String token, String uri, Object body) {
        return http.post().uri(uri).headers(h -> h.setBearerAuth(token)).bodyValue(body).exchange();
    }

    private WebTestClient.ResponseSpec erase(String token, String customerId) {
        return post(token, "/api/v1/privacy/erasures", Map.of("customerId", customerId, "reason", "PIPL art. 47 request"));
    }

    private JsonNode retention(String token, String ticketId) {
        return http.get().uri("/api/v1/privacy/tickets/" + ticketId + "/retention").headers(h -> h.setBearerAuth(token))
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private Optional<Timer> disposalTimer(String ticketId) {
        return timers.find("acme", DisposalTimers.timerId(ticketId));
    }

    private String text(String token, String uri) {
        return http.get().uri(uri).headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }

    private List<String> kinds(String ticketId) {
        List<String> kinds = new ArrayList<>();
        JsonNode log = http.get().uri("/api/v1/tickets/" + ticketId + "/timeline?limit=200")
                .headers(h -> h.setBearerAuth(auditor)).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        log.get("items").forEach(entry -> kinds.add(entry.get("kind").asText()));
        return kinds;
    }

    /** Every document of the tenant's ticket views and process log, as stored. */
    private String rawReadModels() {
        return Flux.just("tickets_acme", "timeline_acme")
                .concatMap(name -> Flux.from(database.getCollection(name).find().sort(new Document("_id", 1))))
                .map(Document::toJson).collectList().block().toString();
    }

    /** Every document of every collection of the database, as stored. */
    private String rawDocuments() {
        return Flux.from(database.listCollectionNames())
                .concatMap(name -> Flux.from(database.getCollection(name).find()).map(Document::toJson))
                .collectList().block().toString();
    }

    @Test
    @Order(1)
    void retention_refuses_early_erasure_and_a_hold_blocks_erasure_and_disposal() {
        String id = open("Held Customer", "13911110001", "C-HELD-1");
        erase(admin, "C-HELD-1").expectStatus().isEqualTo(422).expectBody()
                .jsonPath("$.code").isEqualTo("ERASURE_TICKET_NOT_ARCHIVED");
        archive(id, "13911110001");

        http.post().uri("/api/v1/privacy/erasures").headers(h -> {
                    h.setBearerAuth(admin);
                    h.set("Accept-Language", "zh-CN");
                }).bodyValue(Map.of("customerId", "C-HELD-1", "reason", "asked")).exchange()
                .expectStatus().isEqualTo(422).expectBody()
                .jsonPath("$.code").isEqualTo("ERASURE_WITHIN_RETENTION")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("保存期限"));
        String number = http.get().uri("/api/v1/tickets/" + id).headers(h -> h.setBearerAuth(agent)).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody().get("number").asText();
        post(admin, "/api/v1/privacy/erasures", Map.of("customerId", "C-HELD-1", "reason", "asked"))
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.detail")
                .value(detail -> assertThat((String) detail).as("the tenant's own admin sees which").contains(number));
        post(ApiTestSupport.token(null, "PLATFORM_ADMIN"), "/api/v1/admin/tenants/acme/erasures",
                Map.of("phone", "13911110001", "reason", "on the tenant's behalf")).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("ERASURE_WITHIN_RETENTION")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail)
                        .as("the platform reads no tenant data").doesNotContain(number, id, "2027"));

        JsonNode kept = retention(auditor, id);
        Instant archivedAt = Instant.parse(kept.get("archivedAt").asText());
        assertThat(archivedAt).isEqualTo(CLOCK.instant());
        assertThat(Instant.parse(kept.get("retentionEnd").asText())).isEqualTo("2027-05-20T01:30:00Z");
        Instant run = Instant.parse(kept.get("disposalRun").asText());
        assertThat(run).as("02:00 in Shanghai the day after").isEqualTo("2027-05-20T18:00:00Z");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(disposalTimer(id)).map(Timer::dueAt).contains(run));

        post(auditor, "/api/v1/privacy/tickets/" + id + "/hold", Map.of("reason", "x")).expectStatus().isForbidden();
        post(admin, "/api/v1/privacy/tickets/" + id + "/hold", Map.of("reason", "court order 2024-17"))
                .expectStatus().isOk().expectBody().jsonPath("$.onHold").isEqualTo(true);
        post(admin, "/api/v1/privacy/tickets/" + id + "/hold", Map.of("reason", "again"))
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.code").isEqualTo("ALREADY_ON_HOLD");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(disposalTimer(id)).isEmpty());

        CLOCK.advance(PAST_RETENTION);
        erase(admin, "C-HELD-1").expectStatus().isEqualTo(422).expectBody().jsonPath("$.code").isEqualTo("ERASURE_ON_HOLD");
        disposals.fire(new Timer("acme", DisposalTimers.timerId(id), run,
                Map.of(DisposalTimers.PURPOSE, DisposalTimers.DISPOSAL, DisposalTimers.TICKET, id), 1));
        assertThat(retention(admin, id).get("disposed").asBoolean()).as("a hold defers the disposal").isFalse();
        assertThat(keys.isShredded("acme", id)).isFalse();

        post(admin, "/api/v1/privacy/tickets/" + id + "/hold/release", Map.of("reason", "case closed"))
                .expectStatus().isOk().expectBody().jsonPath("$.onHold").isEqualTo(false);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(disposalTimer(id)).as("the release sets the disposal again").map(Timer::dueAt).contains(run));

        post(admin, "/api/v1/privacy/subjects/hold", Map.of("customerId", "C-HELD-1", "reason", "litigation"))
                .expectStatus().isOk().expectBody().jsonPath("$.onHold").isEqualTo(true);
        post(auditor, "/api/v1/privacy/subjects/lookup", Map.of("phone", "13911110001")).expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("PERSONAL_DATA_SEARCH_NOT_ALLOWED");
        post(admin, "/api/v1/privacy/subjects/lookup", Map.of("email", "held@example.com")).expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("PERSONAL_DATA_SEARCH_NOT_ALLOWED");
        post(reader, "/api/v1/privacy/subjects/lookup", Map.of("phone", "13911110001")).expectStatus().isOk()
                .expectBody().jsonPath("$.onHold").isEqualTo(true).jsonPath("$.tickets[0].ticketId").isEqualTo(id);
        post(auditor, "/api/v1/privacy/subjects/lookup", Map.of("customerId", "C-HELD-1")).expectStatus().isOk()
                .expectBody().jsonPath("$.onHold").isEqualTo(true).jsonPath("$.tickets[0].ticketId").isEqualTo(id);
        anotherTenantFindsNothing(id, "C-HELD-1", "13911110001");
        erase(admin, "C-HELD-1").expectStatus().isEqualTo(422).expectBody().jsonPath("$.code").isEqualTo("ERASURE_ON_HOLD");
        disposals.fire(disposalTimer(id).orElseThrow());
        assertThat(retention(admin, id).get("disposed").asBoolean()).as("a subject's hold defers it too").isFalse();
        timers.cancel("acme", DisposalTimers.timerId(id)); // the ticker deletes a timer it fired
        post(admin, "/api/v1/privacy/subjects/hold/release", Map.of("customerId", "C-HELD-1", "reason", "settled"))
                .expectStatus().isOk().expectBody().jsonPath("$.onHold").isEqualTo(false);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(disposalTimer(id))
                .as("the subject's release sets the disposal again").isPresent());
        assertThat(keys.isShredded("acme", id)).isFalse();
        post(admin, "/api/v1/privacy/erasures", Map.of("reason", "nobody named")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("SUBJECT_PROBE_EMPTY");
        erase(admin, "C-NOBODY").expectStatus().isNotFound().expectBody().jsonPath("$.code").isEqualTo("SUBJECT_NOT_FOUND");
    }

    @Test
    @Order(2)
    void a_ticket_past_retention_is_disposed_of_exactly_once() {
        String id = open("Disposed Customer", "13922220002", "C-DISPOSED-2");
        archive(id, "13922220002");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(disposalTimer(id)).isPresent());
        Timer timer = disposalTimer(id).orElseThrow();
        CLOCK.advance(PAST_RETENTION);

        disposals.fire(timer);
        disposals.fire(timer); // a second node, or the same timer after a crash

        assertThat(retention(admin, id).get("disposed").asBoolean()).isTrue();
        assertThat(keys.isShredded("acme", id)).isTrue();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(kinds(id)).filteredOn("TicketPersonalDataDisposed"::equals).hasSize(1));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(text(reader, "/api/v1/tickets/" + id)).doesNotContain("Disposed Customer", "13922220002")
                        .contains(com.aftersales.ticket.view.PersonalFields.ERASED));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(disposalTimer(id)).as("nothing left to dispose of").isEmpty());
    }

    @Test
    @Order(3)
    void after_erasure_the_name_and_phone_appear_nowhere_while_the_counts_stay() {
        String name = "Erasable Zhang";
        String phone = "13955550123";
        String first = open(name, phone, "C-ERASE-3");
        String second = open(name, phone, "C-ERASE-3");
        archive(first, phone);
        archive(second, phone);
        JsonNode export = post(reader, "/api/v1/privacy/access-requests", Map.of("phone", phone)).expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(export.get("tickets")).hasSize(2);
        assertThat(export.toString()).as("an access request shows the customer everything").contains(name, phone);
        post(admin, "/api/v1/privacy/access-requests", Map.of("phone", phone)).expectStatus().isForbidden();
        String counts = text(supervisor, "/api/v1/tickets/counts");
        CLOCK.advance(PAST_RETENTION);
        String compliance = text(supervisor, "/api/v1/sla/compliance");
        assertThat(rawDocuments()).as("the raw scan sees the plain text before the erasure (views, timeline)")
                .contains(name, phone);

        erase(admin, "C-ERASE-3").expectStatus().isOk().expectBody()
                .jsonPath("$.tickets.length()").isEqualTo(2);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(List.of(first, second)).allMatch(id -> keys.isShredded("acme", id)));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            for (String id : List.of(first, second)) {
                assertThat(text(reader, "/api/v1/tickets/" + id)).doesNotContain(name, phone, "C-ERASE-3");
                assertThat(text(reader, "/api/v1/tickets/" + id + "/timeline?limit=200")).doesNotContain(name, phone);
                assertThat(text(reader, "/api/v1/tickets/" + id + "/history/state?sequence=3"))
                        .as("as of a past instant too").doesNotContain(name, phone, "C-ERASE-3");
            }
            assertThat(text(reader, "/api/v1/tickets?limit=100")).doesNotContain(name, phone);
            assertThat(text(reader, "/api/v1/tickets?customer=" + phone)).doesNotContain(first, second);
            assertThat(text(reader, "/api/v1/tickets?customer=C-ERASE-3")).doesNotContain(first, second);
            assertThat(text(reader, "/api/v1/tickets?q=Erasable")).doesNotContain(first, second);
            assertThat(rawReadModels()).doesNotContain(name, phone, "C-ERASE-3");
            assertThat(graphql(reader, first)).contains("[erased]").doesNotContain(name, phone, "C-ERASE-3");
        });
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(rawDocuments())
                .as("no MongoDB document of any collection holds them: events, snapshots, views, keys, tokens...")
                .doesNotContain(name, phone, "C-ERASE-3"));
        String auditExport = "/api/v1/audit/export?from=2000-01-01T00:00:00Z&to=2100-01-01T00:00:00Z";
        assertThat(text(reader, auditExport)).as("unmasked for PII_READER: only ciphertext").doesNotContain(name, phone);
        for (String id : List.of(first, second)) {
            assertThat(text(reader, "/api/v1/tickets/" + id + "/history")).doesNotContain(name, phone, "C-ERASE-3");
            assertThat(text(reader, "/api/v1/tickets/" + id + "/history/export")).doesNotContain(name, phone);
            JsonNode verification = http.get().uri("/api/v1/tickets/" + id + "/history/verification")
                    .headers(h -> h.setBearerAuth(auditor)).exchange().expectStatus().isOk()
                    .expectBody(JsonNode.class).returnResult().getResponseBody();
            assertThat(verification.get("intact").asBoolean()).as("the audit chain still verifies: " + verification)
                    .isTrue();
        }
        post(reader, "/api/v1/privacy/access-requests", Map.of("phone", phone)).expectStatus().isNotFound();
        assertThat(text(supervisor, "/api/v1/tickets/counts")).as("the statistics stay").isEqualTo(counts);
        assertThat(text(supervisor, "/api/v1/sla/compliance")).as("the SLA figures stay").isEqualTo(compliance);
        assertThat(text(reader, "/api/v1/tickets/" + first)).contains("\"status\":\"ARCHIVED\"", "\"type\":\"inquiry\"");
        erase(admin, "C-ERASE-3").expectStatus().isNotFound();
    }

    /** Another tenant's token on every /privacy route answers as for a missing ticket or customer. */
    private void anotherTenantFindsNothing(String ticketId, String customerId, String phone) {
        String otherAdmin = ApiTestSupport.token("nimbus", "TENANT_ADMIN");
        String otherReader = ApiTestSupport.token("nimbus", "AUDITOR", "PII_READER");
        http.get().uri("/api/v1/privacy/tickets/" + ticketId + "/retention").headers(h -> h.setBearerAuth(otherAdmin))
                .exchange().expectStatus().isNotFound().expectBody().jsonPath("$.code").isEqualTo("TICKET_NOT_FOUND");
        post(otherAdmin, "/api/v1/privacy/tickets/" + ticketId + "/hold", Map.of("reason", "x"))
                .expectStatus().isNotFound().expectBody().jsonPath("$.code").isEqualTo("TICKET_NOT_FOUND");
        post(otherReader, "/api/v1/privacy/subjects/lookup", Map.of("phone", phone))
                .expectStatus().isNotFound().expectBody().jsonPath("$.code").isEqualTo("SUBJECT_NOT_FOUND");
        post(otherAdmin, "/api/v1/privacy/subjects/hold/release", Map.of("customerId", customerId, "reason", "x"))
                .expectStatus().isNotFound().expectBody().jsonPath("$.code").isEqualTo("SUBJECT_NOT_FOUND");
        post(otherAdmin, "/api/v1/privacy/erasures", Map.of("customerId", customerId, "reason", "x"))
                .expectStatus().isNotFound().expectBody().jsonPath("$.code").isEqualTo("SUBJECT_NOT_FOUND");
        post(otherReader, "/api/v1/privacy/access-requests", Map.of("phone", phone))
                .expectStatus().isNotFound().expectBody().jsonPath("$.code").isEqualTo("SUBJECT_NOT_FOUND");
    }

    @Test
    @Order(5)
    void the_platform_erases_on_a_tenants_behalf() {
        String phone = "13966660006";
        String id = open("Platform Erased", phone, "C-PLATFORM-6");
        archive(id, phone);
        CLOCK.advance(PAST_RETENTION);
        post(ApiTestSupport.token(null, "PLATFORM_ADMIN"), "/api/v1/admin/tenants/acme/erasures",
                Map.of("phone", phone, "reason", "PIPL art. 47, asked through the platform")).expectStatus().isOk()
                .expectBody().jsonPath("$.tickets.length()").isEqualTo(1).jsonPath("$.tickets[0]").isEqualTo(id);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(keys.isShredded("acme", id)).isTrue();
            assertThat(text(reader, "/api/v1/tickets/" + id)).doesNotContain("Platform Erased", phone);
        });
        post(reader, "/api/v1/privacy/access-requests", Map.of("phone", phone)).expectStatus().isNotFound();
    }

    @Test
    @Order(6)
    void an_access_request_names_a_ticket_whose_view_it_cannot_read() {
        String phone = "13977770007";
        String shown = open("Partly Shown", phone, "C-PARTIAL-7");
        String lagging = open("Partly Shown", phone, "C-PARTIAL-7");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(text(reader, "/api/v1/tickets/" + lagging)).contains(phone));
        // as a lagging or dead-lettered projection leaves it: no view
        Flux.from(database.getCollection("tickets_acme").deleteOne(new Document("_id", lagging))).blockLast();

        JsonNode export = post(reader, "/api/v1/privacy/access-requests", Map.of("phone", phone)).expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(export.get("tickets")).hasSize(1);
        assertThat(export.at("/tickets/0/ticket/id").asText()).isEqualTo(shown);
        assertThat(export.get("unavailable")).as("named, not dropped").extracting(JsonNode::asText)
                .containsExactly(lagging);
    }

    private String graphql(String token, String ticketId) {
        Map<String, Object> body = Map.of("query", "query($id: ID!) { ticket(id: $id) { status registration { "
                + "customer { name phone customerId } problem { description } } } }", "variables", Map.of("id", ticketId));
        return http.post().uri("/graphql").headers(h -> h.setBearerAuth(token)).bodyValue(body).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    }

    @Test
    @Order(0)
    void a_retention_below_the_legal_minimum_is_refused() {
        String platform = ApiTestSupport.token(null, "PLATFORM_ADMIN");
        post(platform, "/api/v1/admin/tenants", Map.of("id", "short-keeper", "nameEn", "Short Keeper"))
                .expectStatus().isCreated();
        String tenantAdmin = ApiTestSupport.token("short-keeper", "TENANT_ADMIN");
        String etag = http.get().uri("/api/v1/tenant").headers(h -> h.setBearerAuth(tenantAdmin)).exchange()
                .expectStatus().isOk().returnResult(String.class).getResponseHeaders().getETag();
        Map<String, Object> configuration = new HashMap<>();
        configuration.put("ticketTypes", List.of("repair", "complaint"));
        configuration.put("complaintTypes", List.of("complaint"));
        configuration.put("priorityScheme", "URGENT_NORMAL_LOW");
        configuration.put("compensationCapPercent", 30);
        configuration.put("retention", Map.of("requests", "P2Y", "complaintForms", "P2Y"));
        http.put().uri("/api/v1/tenant/configuration").headers(h -> {
                    h.setBearerAuth(tenantAdmin);
                    h.setIfMatch(etag);
                }).bodyValue(configuration).exchange().expectStatus().isEqualTo(422).expectBody()
                .jsonPath("$.code").isEqualTo("RETENTION_BELOW_LEGAL_MINIMUM")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("retention.requests", "P3Y"));
        configuration.put("retention", Map.of("requests", "P5Y", "complaintForms", "P2Y"));
        http.put().uri("/api/v1/tenant/configuration").headers(h -> {
            h.setBearerAuth(tenantAdmin);
            h.setIfMatch(etag);
        }).bodyValue(configuration).exchange().expectStatus().is2xxSuccessful();
    }

    @Test
    @Order(4)
    void a_rebuild_reproduces_the_same_views_and_process_logs() {
        String platform = ApiTestSupport.token(null, "PLATFORM_ADMIN");
        String before = rawReadModels();
        assertThat(before).contains(PersonalFieldsMarker.ERASED);
        post(platform, "/api/v1/admin/projections/ticket-views/rebuild", Map.of("confirm", "ticket-timeline"))
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.code").isEqualTo("PROJECTION_REBUILD_UNCONFIRMED");
        post(platform, "/api/v1/admin/projections/ticket-search/rebuild", Map.of("confirm", "ticket-search"))
                .expectStatus().isNotFound().expectBody().jsonPath("$.code").isEqualTo("PROJECTION_NOT_REBUILDABLE");
        post(admin, "/api/v1/admin/projections/ticket-views/rebuild", Map.of("confirm", "ticket-views"))
                .expectStatus().isForbidden();

        for (String group : List.of("ticket-views", "ticket-timeline")) {
            post(platform, "/api/v1/admin/projections/" + group + "/rebuild", Map.of("confirm", group))
                    .expectStatus().isAccepted().expectBody().jsonPath("$.processingGroup").isEqualTo(group);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(http.method(HttpMethod.GET)
                    .uri("/api/v1/admin/projections/" + group).headers(h -> h.setBearerAuth(platform)).exchange()
                    .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody()
                    .get("caughtUp").asBoolean()).isTrue());
        }
        assertThat(rawReadModels()).isEqualTo(before);
    }

    /** The marker the read side shows for erased fields. */
    static final class PersonalFieldsMarker {
        static final String ERASED = com.aftersales.ticket.view.PersonalFields.ERASED;
    }
}
