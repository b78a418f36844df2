package com.aftersales.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.aftersales.sla.compliance.SlaComplianceProjection;
import com.aftersales.ticket.search.TicketSearchProjection;
import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.autoconfigure.web.reactive.AutoConfigureWebTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The SLA views of issue 12 §5–6 through the real HTTP stack, real signed tokens and the embedded
 * store, on a clock the test moves: the real durable timers record warnings and breaches as the time
 * passes. The at-risk and breached queues in order of urgency, the escalated-to-me queue from the
 * tenant's staff configuration, and the compliance counts, also after the projection is rebuilt
 * from the event store. Each test onboards its own tenants; no other tenant's ticket may appear.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "aftersales.sla.timers.tick-interval=100ms")
@AutoConfigureObservability
@AutoConfigureWebTestClient(timeout = "30s")
@Import(SlaViewsApiTest.Movable.class)
class SlaViewsApiTest {

    static final String PLATFORM = ApiTestSupport.token(null, "PLATFORM_ADMIN");

    /** The service's clock, moved by the tests (the timers tick on it). */
    static final class MovableClock extends Clock {
        private volatile Instant now = ApiTestSupport.NOW;
        private final ZoneId zone;
        private final MovableClock source;

        MovableClock() {
            this.zone = ZoneId.of("UTC");
            this.source = null;
        }

        private MovableClock(MovableClock source, ZoneId zone) {
            this.source = source;
            this.zone = zone;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId newZone) {
            return new MovableClock(source == null ? this : source, newZone);
        }

        @Override
        public Instant instant() {
            return source == null ? now : source.instant();
        }
    }

    @TestConfiguration
    static class Movable {
        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock();
        }
    }

    @DynamicPropertySource
    static void issuers(DynamicPropertyRegistry registry) {
        ApiTestSupport.issuers(registry);
    }

    @Autowired
    WebTestClient http;
    @Autowired
    MovableClock clock;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    EventStore eventStore;
    @Autowired
    MongoDatabase database;

    /** Each test starts at the same time, whatever the tests before it moved the clock to. */
    @BeforeEach
    void startOfTest() {
        clock.set(ApiTestSupport.NOW);
    }

    // --- helpers ---------------------------------------------------------------------------------

    /** A tenant on the urgent/normal/low preset in Shanghai, with technical and installation staff. */
    private String onboard() {
        String id = "sla-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> configuration = new LinkedHashMap<>();
        configuration.put("ticketTypes", List.of("repair", "complaint"));
        configuration.put("complaintTypes", List.of("complaint"));
        configuration.put("priorityScheme", "URGENT_NORMAL_LOW");
        configuration.put("compensationCapPercent", 30);
        configuration.put("departments", List.of(Map.of("code", "technical", "nameZh", "技术部", "nameEn", "Technical"),
                Map.of("code", "installation", "nameZh", "安装部", "nameEn", "Installation")));
        configuration.put("staff", List.of(
                staff("li", "technical", "HANDLER"), staff("wu", "installation", "HANDLER"),
                staff("zhou", "technical", "SUPERVISOR"), staff("he", "installation", "SUPERVISOR"),
                staff("qian", "technical", "MANAGER")));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("nameZh", "时限测试");
        body.put("nameEn", "SLA views test");
        body.put("timeZone", "Asia/Shanghai");
        body.put("ticketPrefix", "SV");
        body.put("serialDigits", 4);
        body.put("configuration", configuration);
        http.post().uri("/api/v1/admin/tenants").headers(h -> h.setBearerAuth(PLATFORM)).bodyValue(body).exchange()
                .expectStatus().isCreated();
        return id;
    }

    private static Map<String, Object> staff(String id, String department, String role) {
        return Map.of("id", id, "name", id, "department", department, "roles", List.of(role), "senior", false);
    }

    private static String as(String tenant, String subject, String... roles) {
        return ApiTestSupport.sign(ApiTestSupport.ISSUERS, "shared", subject, ApiTestSupport.AUDIENCE,
                ApiTestSupport.claims(tenant, roles), 3600);
    }

    private String open(String tenant, String priority) {
        Map<String, Object> body = new HashMap<>(TicketRequests.airConditionerRepair());
        body.put("priority", priority);
        return http.post().uri("/api/v1/tickets").headers(h -> h.setBearerAuth(ApiTestSupport.token(tenant, "AGENT")))
                .bodyValue(body).exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult()
                .getResponseBody().get("id").asText();
    }

    private void post(String tenant, String ticketId, String action, Map<String, Object> body) {
        http.post().uri("/api/v1/tickets/" + ticketId + "/" + action)
                .headers(h -> h.setBearerAuth(ApiTestSupport.token(tenant, "SUPERVISOR"))).bodyValue(body).exchange()
                .expectStatus().isOk();
    }

    private void customerUpdate(String tenant, String ticketId) {
        post(tenant, ticketId, "customer-updates", Map.of("channel", "PHONE", "summary", "parts ordered"));
    }

    /** Waits until {@code group} has handled every event stored so far. */
    private void caughtUp(String group) {
        TrackingToken head = eventStore.createHeadToken();
        StreamingEventProcessor processor = processing.eventProcessor(group, StreamingEventProcessor.class).orElseThrow();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            var status = processor.processingStatus().get(0);
            TrackingToken position = status == null ? null : status.getTrackingToken();
            return position != null && position.covers(head);
        });
    }

    /** Moves the clock and waits until the timers recorded what fell due and the index has it. */
    private void passTime(Duration duration, String tenant, String ticketId, String expectedKind) {
        clock.advance(duration);
        recorded(tenant, ticketId, expectedKind);
    }

    private void recorded(String tenant, String ticketId, String expectedKind) {
        await().atMost(Duration.ofSeconds(30)).until(() -> timelineKinds(tenant, ticketId).contains(expectedKind));
    }

    private List<String> timelineKinds(String tenant, String ticketId) {
        List<String> kinds = new ArrayList<>();
        http.get().uri("/api/v1/tickets/" + ticketId + "/timeline?limit=200")
                .headers(h -> h.setBearerAuth(ApiTestSupport.token(tenant, "AGENT"))).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody().get("items")
                .forEach(entry -> kinds.add(entry.get("kind").asText() + " " + entry.at("/details/clockId").asText()));
        return kinds;
    }

    private EntityExchangeResult<JsonNode> list(String token, String query) {
        caughtUp(TicketSearchProjection.PROCESSING_GROUP);
        return http.get().uri("/api/v1/tickets?" + query).headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult();
    }

    /** Every page, following the Link header. */
    private List<String> ids(String token, String query) {
        List<String> ids = new ArrayList<>();
        EntityExchangeResult<JsonNode> page = list(token, query + "&limit=1");
        while (true) {
            page.getResponseBody().get("items").forEach(item -> ids.add(item.get("id").asText()));
            String link = page.getResponseHeaders().getFirst(HttpHeaders.LINK);
            if (link == null) {
                assertThat(page.getResponseBody().get("hasMore").asBoolean()).isFalse();
                return ids;
            }
            assertThat(page.getResponseBody().get("hasMore").asBoolean()).isTrue();
            String next = link.substring(1, link.indexOf('>'));
            page = http.get().uri(next).headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk()
                    .expectBody(JsonNode.class).returnResult();
        }
    }

    /** The ids of the GraphQL tickets connection with {@code filter}. */
    private List<String> graphQlIds(String token, String filter) {
        caughtUp(TicketSearchProjection.PROCESSING_GROUP);
        JsonNode answer = http.post().uri("/graphql").headers(h -> h.setBearerAuth(token))
                .bodyValue(Map.of("query", "{ tickets(filter: " + filter + ") { edges { node { id } } } }")).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(answer.has("errors")).as(String.valueOf(answer)).isFalse();
        List<String> ids = new ArrayList<>();
        answer.at("/data/tickets/edges").forEach(edge -> ids.add(edge.at("/node/id").asText()));
        return ids;
    }

    private JsonNode counts(String token) {
        caughtUp(TicketSearchProjection.PROCESSING_GROUP);
        return http.get().uri("/api/v1/tickets/counts").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private JsonNode compliance(String tenant, String query) {
        caughtUp(SlaComplianceProjection.PROCESSING_GROUP);
        return http.get().uri("/api/v1/sla/compliance" + query)
                .headers(h -> h.setBearerAuth(ApiTestSupport.token(tenant, "AUDITOR"))).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private static List<String> rows(JsonNode compliance) {
        List<String> rows = new ArrayList<>();
        compliance.get("rows").forEach(row -> rows.add(row.get("month").asText() + " " + row.get("priority").asText()
                + " " + row.get("metric").asText() + " met " + row.get("met").asLong() + " breached "
                + row.get("breached").asLong() + " running " + row.get("running").asLong()));
        return rows;
    }

    // --- tests -----------------------------------------------------------------------------------

    @Test
    void warned_then_breached_tickets_move_through_the_sla_queues_most_urgent_first_and_leave_when_fulfilled()
            throws Exception {
        String tenant = onboard();
        String other = onboard();
        String reader = ApiTestSupport.token(tenant, "AGENT");
        // customer updates due: low 24 h, urgent and normal 12 h; registered an hour apart
        String low = open(tenant, "low");
        clock.advance(Duration.ofHours(1));
        String urgent = open(tenant, "urgent");
        String others = open(other, "urgent");
        clock.advance(Duration.ofHours(1));
        String normal = open(tenant, "normal");
        assertThat(ids(reader, "queue=at-risk")).isEmpty();
        assertThat(ids(reader, "sort=due")).as("next due: urgent 13 h, normal 14 h, low 24 h")
                .containsExactly(urgent, normal, low);

        // 12 h: both customer updates warned (80 %: 10.6 h and 11.6 h)
        passTime(Duration.ofHours(10), tenant, normal, "SlaClockWarned CUSTOMER_UPDATE#1");
        recorded(tenant, urgent, "SlaClockWarned CUSTOMER_UPDATE#1");
        recorded(other, others, "SlaClockWarned CUSTOMER_UPDATE#1");
        assertThat(ids(ApiTestSupport.token(other, "AGENT"), "queue=at-risk")).as("the positive control")
                .containsExactly(others);
        assertThat(ids(reader, "queue=at-risk")).as("most urgent first, no other tenant's").containsExactly(urgent, normal);
        assertThat(ids(reader, "queue=breached")).isEmpty();

        // 13.5 h: the urgent ticket's update is overdue
        passTime(Duration.ofMinutes(90), tenant, urgent, "SlaClockBreached CUSTOMER_UPDATE#1");
        assertThat(ids(reader, "queue=at-risk")).containsExactly(normal);
        assertThat(ids(reader, "queue=breached")).containsExactly(urgent);
        assertThat(graphQlIds(reader, "{queue: \"at-risk\", sort: \"due\"}")).containsExactly(normal);
        assertThat(ids(as(tenant, "qian", "MANAGER"), "queue=escalated"))
                .as("escalated by the timer: urgent is the highest level, so to the department head; no department yet")
                .containsExactly(urgent);
        assertThat(ids(as(tenant, "zhou", "SUPERVISOR"), "queue=escalated")).isEmpty();
        JsonNode counts = counts(reader);
        assertThat(counts.get("atRisk").asLong()).isEqualTo(1);
        assertThat(counts.get("breached").asLong()).isEqualTo(1);

        // the customer hears from both: the clocks are fulfilled, the next updates start afresh
        customerUpdate(tenant, urgent);
        customerUpdate(tenant, normal);
        assertThat(ids(reader, "queue=at-risk")).isEmpty();
        assertThat(ids(reader, "queue=breached")).isEmpty();
        assertThat(ids(reader, "queue=all&sort=due")).as("low's update 24 h, then the new ones at 25.5 h")
                .containsExactly(low, normal, urgent);

        // compliance, May 2024 in Shanghai: update and first response fulfilled at 13.5 h
        List<String> expected = List.of(
                "2024-05 low CUSTOMER_UPDATE met 0 breached 0 running 1",
                "2024-05 low FIRST_RESPONSE met 0 breached 0 running 1",
                "2024-05 normal CUSTOMER_UPDATE met 1 breached 0 running 1",
                "2024-05 normal FIRST_RESPONSE met 1 breached 0 running 0",
                "2024-05 urgent CUSTOMER_UPDATE met 0 breached 1 running 1",
                "2024-05 urgent FIRST_RESPONSE met 1 breached 0 running 0");
        assertThat(rows(compliance(other, "?month=2024-05"))).as("the positive control: its update is overdue too")
                .containsExactly("2024-05 urgent CUSTOMER_UPDATE met 0 breached 1 running 0",
                "2024-05 urgent FIRST_RESPONSE met 0 breached 0 running 1");
        assertThat(rows(compliance(tenant, "?month=2024-05"))).containsExactlyElementsOf(expected);
        assertThat(rows(compliance(tenant, "?from=2024-03&to=2024-04"))).isEmpty();

        // rebuilt from the event store: the true counts again, although the stored ones were spoiled first
        StreamingEventProcessor projection = processing.eventProcessor(SlaComplianceProjection.PROCESSING_GROUP,
                StreamingEventProcessor.class).orElseThrow();
        projection.shutDown();
        database.getCollection("sla_compliance").updateMany(Filters.eq("tenant", tenant), Updates.set("met", 99));
        database.getCollection("sla_compliance_months").deleteOne(Filters.eq("_id", tenant + "|2024-05"));
        database.getCollection("sla_compliance").updateMany(Filters.eq("tenant", other), Updates.set("met", 99));
        assertThat(rows(http.get().uri("/api/v1/sla/compliance?month=2024-05")
                .headers(h -> h.setBearerAuth(ApiTestSupport.token(other, "AUDITOR"))).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody()))
                .as("the other tenant's counts, spoiled the same way").isNotEmpty().allMatch(row -> row.contains("met 99"));
        projection.resetTokens();
        projection.start();
        assertThat(rows(compliance(tenant, "?month=2024-05"))).containsExactlyElementsOf(expected);
        assertThat(rows(compliance(other, "?month=2024-05"))).as("the other tenant's, rebuilt too")
                .containsExactly("2024-05 urgent CUSTOMER_UPDATE met 0 breached 1 running 0",
                        "2024-05 urgent FIRST_RESPONSE met 0 breached 0 running 1");
    }

    @Test
    void the_escalated_to_me_queue_holds_exactly_the_tickets_escalated_to_that_persons_level_in_their_department() {
        String tenant = onboard();
        String other = onboard();
        String technical = open(tenant, "normal");
        String installation = open(tenant, "normal");
        String quiet = open(tenant, "normal");
        String othersTicket = open(other, "normal");
        post(tenant, technical, "assignment", Map.of("department", "technical", "assigneeId", "li"));
        post(tenant, installation, "assignment", Map.of("department", "installation", "assigneeId", "wu"));
        post(tenant, quiet, "assignment", Map.of("department", "technical", "assigneeId", "li"));
        post(other, othersTicket, "assignment", Map.of("department", "technical", "assigneeId", "li"));
        String zhou = as(tenant, "zhou", "SUPERVISOR");
        String othersZhou = as(other, "zhou", "SUPERVISOR");
        assertThat(ids(zhou, "queue=escalated")).isEmpty();

        post(other, othersTicket, "escalations", Map.of("to", "SUPERVISOR", "reason", "customer angry"));
        assertThat(ids(othersZhou, "queue=escalated")).as("the positive control").containsExactly(othersTicket);
        assertThat(ids(zhou, "queue=escalated")).as("not another tenant's").isEmpty();

        post(tenant, technical, "escalations", Map.of("to", "SUPERVISOR", "reason", "customer angry"));
        post(tenant, installation, "escalations", Map.of("to", "SUPERVISOR", "reason", "parts late"));
        assertThat(ids(zhou, "queue=escalated")).containsExactly(technical);
        assertThat(ids(as(tenant, "he", "SUPERVISOR"), "queue=escalated")).containsExactly(installation);
        assertThat(ids(as(tenant, "qian", "MANAGER"), "queue=escalated")).as("escalated to supervisors only").isEmpty();
        assertThat(ids(as(tenant, "li", "HANDLER"), "queue=escalated")).isEmpty();
        assertThat(counts(zhou).get("escalated").asLong()).isEqualTo(1);
        assertThat(graphQlIds(zhou, "{queue: \"escalated\"}")).as("the same queue in GraphQL").containsExactly(technical);

        post(tenant, technical, "escalations", Map.of("to", "MANAGER", "reason", "still not solved"));
        assertThat(ids(as(tenant, "qian", "MANAGER"), "queue=escalated")).containsExactly(technical);
        assertThat(ids(zhou, "queue=escalated")).as("now with the department head").isEmpty();
        assertThat(counts(as(tenant, "qian", "MANAGER")).get("escalated").asLong()).isEqualTo(1);
    }

    @Test
    void compliance_is_for_supervisors_and_auditors_and_refuses_bad_months() {
        String tenant = onboard();
        for (String role : List.of("SUPERVISOR", "MANAGER", "AUDITOR", "TENANT_ADMIN")) {
            http.get().uri("/api/v1/sla/compliance").headers(h -> h.setBearerAuth(ApiTestSupport.token(tenant, role)))
                    .exchange().expectStatus().isOk().expectBody().jsonPath("$.from").isEqualTo("2024-05");
        }
        for (String role : List.of("AGENT", "HANDLER", "PII_READER")) {
            http.get().uri("/api/v1/sla/compliance").headers(h -> h.setBearerAuth(ApiTestSupport.token(tenant, role)))
                    .exchange().expectStatus().isForbidden();
        }
        http.get().uri("/api/v1/sla/compliance").headers(h -> h.setBearerAuth(PLATFORM))
                .exchange().expectStatus().isForbidden();
        String auditor = ApiTestSupport.token(tenant, "AUDITOR");
        for (String query : List.of("?month=2024-13", "?month=May", "?from=2024-05&to=2024-04")) {
            http.get().uri("/api/v1/sla/compliance" + query).headers(h -> h.setBearerAuth(auditor)).exchange()
                    .expectStatus().isBadRequest().expectHeader().contentType("application/problem+json")
                    .expectBody().jsonPath("$.code").isEqualTo("VALIDATION_FAILED");
        }
        http.get().uri("/api/v1/sla/compliance?from=2022-01&to=2024-05").headers(h -> h.setBearerAuth(auditor))
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("MONTH_RANGE_TOO_LONG");
    }

    @Test
    void from_alone_ends_in_the_current_month_and_a_from_after_it_is_refused() {
        String auditor = ApiTestSupport.token(onboard(), "AUDITOR");
        http.get().uri("/api/v1/sla/compliance?from=2024-03").headers(h -> h.setBearerAuth(auditor)).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.from").isEqualTo("2024-03").jsonPath("$.to").isEqualTo("2024-05");
        http.get().uri("/api/v1/sla/compliance?from=2024-05").headers(h -> h.setBearerAuth(auditor)).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.from").isEqualTo("2024-05").jsonPath("$.to").isEqualTo("2024-05");
        http.get().uri("/api/v1/sla/compliance?from=2024-06").headers(h -> h.setBearerAuth(auditor)).exchange()
                .expectStatus().isBadRequest().expectHeader().contentType("application/problem+json")
                .expectBody().jsonPath("$.code").isEqualTo("VALIDATION_FAILED")
                .jsonPath("$.errors[0].field").isEqualTo("ordered")
                .jsonPath("$.errors[0].code").isEqualTo("RangeOrdered");
        http.get().uri("/api/v1/sla/compliance?from=2022-05").headers(h -> h.setBearerAuth(auditor)).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("MONTH_RANGE_TOO_LONG");
    }

    @Test
    void the_default_month_is_the_current_one_in_the_tenants_zone() {
        String auditor = ApiTestSupport.token(onboard(), "AUDITOR");
        clock.set(Instant.parse("2024-05-31T17:00:00Z")); // June 1st, 01:00 in Shanghai, still May in UTC
        http.get().uri("/api/v1/sla/compliance").headers(h -> h.setBearerAuth(auditor)).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.from").isEqualTo("2024-06").jsonPath("$.to").isEqualTo("2024-06");
        http.get().uri("/api/v1/sla/compliance?from=2024-06").headers(h -> h.setBearerAuth(auditor)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.to").isEqualTo("2024-06");
    }
}
