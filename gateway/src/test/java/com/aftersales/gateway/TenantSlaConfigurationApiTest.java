package com.aftersales.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftersales.infra.tenancy.TenantConfiguration;
import com.aftersales.infra.tenancy.TenantConfiguration.TimeLimit;
import com.aftersales.tenant.TenantEvents;
import com.aftersales.tenant.TenantEvents.TenantConfigured;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

/**
 * A tenant's own SLA policy and working calendar through the real HTTP stack (fixed clock: Monday
 * 2024-05-20 09:30 Beijing time): its new tickets get those due times; invalid sections are 422 with
 * their own codes in English and Chinese; a calendar version in force cannot be rewritten; and a
 * configuration stored with revision 1's placeholders still reads through the event store.
 */
class TenantSlaConfigurationApiTest extends ApiTestSupport {

    static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    EventStore eventStore;

    @Autowired
    MongoDatabase database;

    @Autowired
    org.axonframework.eventsourcing.eventstore.EventStorageEngine storage;

    private void onboard(String tenant) {
        http.post().uri("/api/v1/admin/tenants").headers(h -> h.setBearerAuth(token(null, "PLATFORM_ADMIN")))
                .bodyValue(Map.of("id", tenant, "nameEn", tenant, "timeZone", "Asia/Shanghai")).exchange()
                .expectStatus().isCreated();
    }

    /** The tenant's configuration in force with {@code sla} and {@code calendar} replaced, as sent. */
    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec configure(String tenant, Object sla,
                                                                                            Object calendar, String language) {
        String admin = token(tenant, "TENANT_ADMIN");
        var answer = http.get().uri("/api/v1/tenant").headers(h -> h.setBearerAuth(admin)).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult();
        ObjectNode configuration = (ObjectNode) answer.getResponseBody().get("configuration");
        configuration.set("sla", JSON.valueToTree(sla));
        configuration.set("calendar", JSON.valueToTree(calendar));
        return http.put().uri("/api/v1/tenant/configuration").headers(h -> {
            h.setBearerAuth(admin);
            h.set("If-Match", answer.getResponseHeaders().getETag());
            h.set("Accept-Language", language);
        }).bodyValue(configuration).exchange();
    }

    private static Map<String, Object> ownSla() {
        return Map.of("warningPercent", 50, "levels", Map.of("urgent", Map.of(
                "FIRST_RESPONSE", Map.of("amount", "PT2H"),
                "RESOLUTION", Map.of("basis", "WORKING_TIME", "amount", "PT16H"))));
    }

    private static Map<String, Object> ownCalendar(String hours) {
        Map<String, Object> week = new java.util.LinkedHashMap<>();
        for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY")) {
            week.put(day, List.of(hours));
        }
        return Map.of("versions", List.of(Map.of("id", "own-1", "effectiveFrom", "2024-05-20",
                "timeZone", "Asia/Shanghai", "workingHours", week)));
    }

    private JsonNode clocksOfANewTicket(String tenant) {
        String id = http.post().uri("/api/v1/tickets").headers(h -> h.setBearerAuth(token(tenant, "AGENT")))
                .bodyValue(TicketRequests.airConditionerRepair()).exchange().expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asText();
        return http.get().uri("/api/v1/tickets/" + id + "/sla").headers(h -> h.setBearerAuth(token(tenant, "AGENT")))
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody().get("clocks");
    }

    @Test
    void a_tenant_that_configures_its_own_policy_and_calendar_gets_those_due_times_on_new_tickets() {
        onboard("own-sla");
        JsonNode before = clocksOfANewTicket("own-sla");
        assertThat(before.get(0).at("/target/amount").asText()).isEqualTo("PT24H"); // the preset, on cn-1
        assertThat(before.get(0).at("/calendarVersions/0").asText()).isEqualTo("cn-1");

        configure("own-sla", ownSla(), ownCalendar("08:00-20:00"), "en").expectStatus().isOk()
                .expectBody().jsonPath("$.configuration.sla.levels.urgent.RESOLUTION.basis").isEqualTo("WORKING_TIME")
                .jsonPath("$.configuration.calendar.versions[0].id").isEqualTo("own-1");

        JsonNode clocks = clocksOfANewTicket("own-sla");
        JsonNode first = clocks.get(0);
        assertThat(first.get("clockId").asText()).isEqualTo("FIRST_RESPONSE#1");
        assertThat(first.at("/target/amount").asText()).isEqualTo("PT2H");
        assertThat(first.get("dueAt").asText()).isEqualTo("2024-05-20T03:30:00Z");
        assertThat(first.get("warnAt").asText()).as("50 %% of 2 h").isEqualTo("2024-05-20T02:30:00Z");
        JsonNode resolution = null;
        for (JsonNode clock : clocks) {
            if (clock.get("metric").asText().equals("RESOLUTION")) {
                resolution = clock;
            }
        }
        assertThat(resolution).as("the tenant's own resolution target runs a clock").isNotNull();
        assertThat(resolution.at("/target/basis").asText()).isEqualTo("WORKING_TIME");
        assertThat(resolution.at("/calendarVersions/0").asText()).isEqualTo("own-1");
        // 16 working hours from Monday 09:30: 10.5 h until 20:00, 5.5 h from Tuesday 08:00 -> Tuesday 13:30 Beijing
        assertThat(resolution.get("dueAt").asText()).isEqualTo("2024-05-21T05:30:00Z");
    }

    @Test
    void invalid_sections_are_422_with_their_code_field_and_message_and_a_version_in_force_stays() {
        onboard("bad-sla");
        configure("bad-sla", Map.of("levels", Map.of("P0", Map.of("FIRST_RESPONSE", Map.of("amount", "PT1H")))),
                Map.of(), "zh-CN")
                .expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY)
                .expectHeader().contentType("application/problem+json")
                .expectBody().jsonPath("$.code").isEqualTo("SLA_LEVEL_UNKNOWN")
                .jsonPath("$.field").isEqualTo("sla.levels").jsonPath("$.value").isEqualTo("P0")
                .jsonPath("$.detail").isEqualTo("sla.levels：您的优先级方案中没有级别 P0。");
        configure("bad-sla", Map.of("levels", Map.of("low", Map.of("RESOLUTION", Map.of("basis", "WORKING_DAYS",
                "amount", "PT36H")))), Map.of(), "en")
                .expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY)
                .expectBody().jsonPath("$.code").isEqualTo("SLA_TARGET_INVALID")
                .jsonPath("$.field").isEqualTo("sla.levels.low.RESOLUTION");
        configure("bad-sla", Map.of(), ownCalendar("18:00-09:00"), "en")
                .expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY)
                .expectBody().jsonPath("$.code").isEqualTo("CALENDAR_VERSION_INVALID")
                .jsonPath("$.field").isEqualTo("calendar.versions[0].workingHours.MONDAY");

        configure("bad-sla", Map.of(), ownCalendar("09:00-18:00"), "en").expectStatus().isOk();
        configure("bad-sla", Map.of(), ownCalendar("09:00-17:00"), "en")
                .expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY)
                .expectBody().jsonPath("$.code").isEqualTo("CALENDAR_HISTORY_CHANGED")
                .jsonPath("$.value").isEqualTo("own-1")
                .jsonPath("$.detail").isEqualTo("calendar.versions: calendar version own-1 is or was in force and SLA "
                        + "clocks were computed with it; keep it unchanged and add a new version instead.");
    }

    @Test
    void a_configuration_stored_at_revision_1_with_the_placeholder_sections_reads_through_the_store() throws Exception {
        onboard("legacy-sla"); // a tenant of its own: the rewritten event breaks its hash chain
        MongoCollection<Document> commits = database.getCollection("events");
        Document commit = commits.find(Filters.and(Filters.eq("aggregateIdentifier", "legacy-sla"),
                Filters.eq("events.payloadType", TenantConfigured.class.getName()))).first();
        assertThat(commit).isNotNull();
        List<Document> events = commit.getList("events", Document.class);
        for (Document event : events) {
            if (TenantConfigured.class.getName().equals(event.getString("payloadType"))) {
                assertThat(event.getString("payloadRevision")).isEqualTo(TenantEvents.CONFIGURED_WITH_SLA_SECTIONS);
                ObjectNode payload = (ObjectNode) JSON.readTree(event.getString("payload"));
                ObjectNode configuration = (ObjectNode) payload.get("configuration");
                configuration.set("sla", JSON.readTree("{\"targets\":[{\"priority\":\"urgent\",\"respondWithin\":7200.0,"
                        + "\"resolveWithin\":null}]}"));
                configuration.set("calendar", JSON.readTree("{\"workingDays\":[\"MONDAY\",\"FRIDAY\"],\"holidays\":[]}"));
                event.put("payload", payload.toString());
                event.put("payloadRevision", TenantEvents.FIRST);
            }
        }
        commits.updateOne(Filters.eq("_id", commit.get("_id")), new Document("$set", new Document("events", events)));

        TenantConfigured read = eventStore.readEvents("legacy-sla").asStream().map(event -> event.getPayload())
                .filter(TenantConfigured.class::isInstance).map(TenantConfigured.class::cast).findFirst().orElseThrow();
        assertThat(read.configuration().sla().levels()).isEqualTo(Map.of("urgent",
                Map.of("FIRST_RESPONSE", new TimeLimit(TimeLimit.Basis.CALENDAR, Duration.ofHours(2)))));
        assertThat(read.configuration().calendar()).isEqualTo(TenantConfiguration.BusinessCalendar.DEFAULT);

        var chain = (org.axonframework.serialization.upcasting.event.EventUpcaster)
                org.springframework.test.util.ReflectionTestUtils.getField(storage, "upcasterChain");
        var serializer = (org.axonframework.serialization.Serializer)
                org.springframework.test.util.ReflectionTestUtils.getField(storage, "eventSerializer");
        var entry = new org.axonframework.eventhandling.GenericDomainEventEntry<>("TenantAccount", "legacy-sla", 1, "e-1",
                java.time.Instant.EPOCH, TenantConfigured.class.getName(), TenantEvents.FIRST,
                "{\"tenantId\":\"legacy-sla\",\"configurationVersion\":1}", "{}");
        var upcast = chain.upcast(java.util.stream.Stream.of(
                new org.axonframework.serialization.upcasting.event.InitialEventRepresentation(entry, serializer)))
                .findFirst().orElseThrow();
        assertThat(upcast.getType().getRevision()).isEqualTo(TenantEvents.CONFIGURED_WITH_SLA_SECTIONS);
    }

    @Test
    void a_tenant_directory_entry_stored_with_the_placeholder_sections_still_loads() throws Exception {
        onboard("legacy-entry");
        var store = new com.aftersales.tenant.TenantDirectoryStore(database);
        MongoCollection<Document> entries = database.getCollection("tenant_directory");
        Document document = entries.find(Filters.eq("_id", "legacy-entry")).first();
        assertThat(document).isNotNull();
        ObjectNode entry = (ObjectNode) JSON.readTree(document.getString("entry"));
        ObjectNode configuration = (ObjectNode) entry.get("configuration");
        configuration.set("sla", JSON.readTree("{\"targets\":[]}"));
        configuration.set("calendar", JSON.readTree("{\"workingDays\":[\"MONDAY\"],\"holidays\":[\"2025-01-01\"]}"));
        entries.updateOne(Filters.eq("_id", "legacy-entry"), new Document("$set", new Document("entry", entry.toString())));

        var read = store.find("legacy-entry");
        assertThat(read.configuration().sla()).isEqualTo(TenantConfiguration.SlaPolicy.PRESET);
        assertThat(read.configuration().calendar()).isEqualTo(TenantConfiguration.BusinessCalendar.DEFAULT);
    }
}
