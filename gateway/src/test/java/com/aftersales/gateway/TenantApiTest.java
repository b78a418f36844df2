package com.aftersales.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.aftersales.infra.tenancy.TenantDirectory;
import com.aftersales.infra.tenancy.TenantEntry;
import com.aftersales.tenant.TenantDirectoryStore;
import com.aftersales.tenant.ConfiguredTenantsMigration;
import com.aftersales.tenant.TenantEvents.TenantConfigured;
import com.aftersales.tenant.TenantEvents.TenantRegistered;
import com.aftersales.ticket.LifecycleEvents.TicketClassified;
import com.aftersales.ticket.LifecycleEvents.TicketRouted;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

/**
 * Tenant administration through the API: onboarding by PLATFORM_ADMIN, configuration by the
 * tenant's TENANT_ADMIN taking effect with the next request, each change an event with its actor,
 * suspension refusing the tenant and reactivation finding its data intact, and a tenant's own
 * identity provider trusted from the moment it is bound.
 */
class TenantApiTest extends ApiTestSupport {

    static final String PLATFORM = token(null, "PLATFORM_ADMIN");

    @Autowired
    EventStore eventStore;
    @Autowired
    TenantDirectory directory;
    @Autowired
    TenantDirectoryStore store;

    @BeforeEach
    void patientClient() {
        http = http.mutate().responseTimeout(Duration.ofSeconds(30)).build();
    }

    static Map<String, Object> onboarding(String id) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("nameZh", "环球电器");
        body.put("nameEn", "Globex Appliances");
        body.put("timeZone", "Asia/Shanghai");
        body.put("ticketPrefix", "GX");
        body.put("serialDigits", 4);
        body.put("priorityPreset", "P1_P4");
        return body;
    }

    JsonNode register(String id) {
        return http.post().uri("/api/v1/admin/tenants").headers(h -> h.setBearerAuth(PLATFORM)).bodyValue(onboarding(id))
                .exchange().expectStatus().isCreated()
                .expectHeader().valueEquals("Location", "/api/v1/admin/tenants/" + id)
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    List<DomainEventMessage<?>> events(String tenantId) {
        return eventStore.readEvents(tenantId).asStream().<DomainEventMessage<?>>map(e -> e).toList();
    }

    static Map<String, Object> repairAs(String type) {
        Map<String, Object> body = new HashMap<>(TicketRequests.airConditionerRepair());
        body.put("type", type);
        body.put("priority", null);
        return body;
    }

    @Test
    void the_configured_demo_tenants_became_events_of_the_migration_once() {
        for (String demo : List.of("acme", "nimbus")) {
            List<DomainEventMessage<?>> events = events(demo);
            assertThat(events).extracting(e -> (Object) e.getPayload().getClass())
                    .containsExactly(TenantRegistered.class, TenantConfigured.class);
            assertThat(((TenantRegistered) events.get(0).getPayload()).by()).isEqualTo(ConfiguredTenantsMigration.ACTOR);
        }
        JsonNode nimbus = http.get().uri("/api/v1/admin/tenants/nimbus").headers(h -> h.setBearerAuth(PLATFORM)).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(nimbus.get("ticketPrefix").asText()).isEqualTo("SR");
        assertThat(nimbus.get("status").asText()).isEqualTo("ACTIVE");
    }

    @Test
    void an_onboarded_tenant_works_at_once_and_its_admin_changes_apply_to_the_next_request_as_events_with_actors() {
        JsonNode registered = register("globex");
        assertThat(registered.get("configurationVersion").asLong()).isEqualTo(1);
        String agent = token("globex", "AGENT");
        String admin = token("globex", "TENANT_ADMIN");

        http.post().uri("/api/v1/tickets").headers(h -> h.setBearerAuth(agent)).bodyValue(repairAs("warranty-check"))
                .exchange().expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY)
                .expectBody().jsonPath("$.code").isEqualTo("TICKET_TYPE_UNKNOWN");

        JsonNode current = http.get().uri("/api/v1/tenant").headers(h -> h.setBearerAuth(admin)).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        Map<String, Object> configuration = new LinkedHashMap<>();
        configuration.put("ticketTypes", List.of("repair", "warranty-check", "complaint"));
        configuration.put("complaintTypes", List.of("complaint"));
        configuration.put("priorityScheme", Map.of("levels", List.of(Map.of("code", "high", "nameZh", "高", "nameEn", "High"),
                Map.of("code", "medium", "nameZh", "中", "nameEn", "Medium"), Map.of("code", "low", "nameZh", "低", "nameEn", "Low"))));
        configuration.put("compensationCapPercent", 20);
        configuration.put("departments", List.of(Map.of("code", "technical", "nameZh", "技术部", "nameEn", "Technical")));
        JsonNode changed = http.put().uri("/api/v1/tenant/configuration").headers(h -> {
                    h.setBearerAuth(admin);
                    h.setIfMatch("\"" + current.get("version").asText() + "\"");
                }).bodyValue(configuration).exchange()
                .expectStatus().isOk().expectHeader().valueEquals("ETag", "\"2\"")
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(changed.get("configurationVersion").asLong()).isEqualTo(2);
        assertThat(changed.at("/configuration/priorityScheme/levels/0/nameZh").asText()).isEqualTo("高");

        JsonNode ticket = http.post().uri("/api/v1/tickets").headers(h -> h.setBearerAuth(agent))
                .bodyValue(repairAs("warranty-check")).exchange().expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(ticket.get("number").asText()).startsWith("GX").hasSize(2 + 8 + 4);
        http.post().uri("/api/v1/tickets/" + ticket.get("id").asText() + "/classification")
                .headers(h -> h.setBearerAuth(token("globex", "SUPERVISOR")))
                .bodyValue(Map.of("type", "warranty-check", "priority", "low")).exchange().expectStatus().isOk();
        assertThat(events(ticket.get("id").asText())).extracting(DomainEventMessage::getPayload)
                .filteredOn(TicketClassified.class::isInstance).singleElement()
                .extracting(classified -> ((TicketClassified) classified).configurationVersion()).isEqualTo(2L);

        List<DomainEventMessage<?>> events = events("globex");
        assertThat(events).extracting(e -> (Object) e.getPayload().getClass())
                .containsExactly(TenantRegistered.class, TenantConfigured.class, TenantConfigured.class);
        assertThat(((TenantConfigured) events.get(1).getPayload()).by()).isEqualTo("null-platform_admin");
        assertThat(((TenantConfigured) events.get(2).getPayload()).by()).isEqualTo("globex-tenant_admin");
        assertThat(events.get(2).getMetaData()).containsEntry("actorId", "globex-tenant_admin")
                .containsEntry("tenantId", "globex");

        http.put().uri("/api/v1/tenant/configuration").headers(h -> {
                    h.setBearerAuth(admin);
                    h.setIfMatch("\"1\"");
                }).bodyValue(configuration).exchange()
                .expectStatus().isEqualTo(HttpStatus.PRECONDITION_FAILED);
    }

    @Test
    void a_change_stored_by_another_node_reaches_this_nodes_directory_without_a_restart() {
        register("hooli");
        TenantEntry entry = store.find("hooli");
        // what another node's projection writes; this node's projection never saw such an event
        store.save(new TenantEntry(entry.id(), entry.version() + 1, entry.profile(), entry.configuration(),
                entry.configurationVersion(), entry.identityProvider(), true));
        await().atMost(Duration.ofSeconds(5)).until(() -> directory.find("hooli").orElseThrow().suspended());
    }

    @Test
    void registration_is_refused_to_tenant_roles_for_taken_ids_and_bad_input_in_both_languages() {
        http.post().uri("/api/v1/admin/tenants").headers(h -> h.setBearerAuth(token("acme", "TENANT_ADMIN")))
                .bodyValue(onboarding("umbrella")).exchange().expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("ROLE_NOT_ALLOWED");
        http.post().uri("/api/v1/admin/tenants").headers(h -> h.setBearerAuth(PLATFORM)).bodyValue(onboarding("acme"))
                .exchange().expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectBody().jsonPath("$.code").isEqualTo("TENANT_ALREADY_EXISTS");
        Map<String, Object> badZone = onboarding("umbrella");
        badZone.put("timeZone", "Mars/Olympus");
        http.post().uri("/api/v1/admin/tenants").headers(h -> {
                    h.setBearerAuth(PLATFORM);
                    h.set("Accept-Language", "zh-CN");
                }).bodyValue(badZone).exchange().expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY)
                .expectBody().jsonPath("$.code").isEqualTo("TENANT_PROFILE_INVALID")
                .jsonPath("$.detail").isEqualTo("租户资料无效：timeZone。");
        http.get().uri("/api/v1/admin/tenants/umbrella").headers(h -> h.setBearerAuth(PLATFORM)).exchange()
                .expectStatus().isNotFound().expectBody().jsonPath("$.code").isEqualTo("TENANT_NOT_FOUND");
    }

    @Test
    void a_suspended_tenant_is_refused_and_reactivated_with_its_data_intact() {
        register("initech");
        String agent = token("initech", "AGENT");
        JsonNode ticket = http.post().uri("/api/v1/tickets").headers(h -> h.setBearerAuth(agent))
                .bodyValue(repairAs("repair")).exchange().expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        String id = ticket.get("id").asText();
        JsonNode before = http.get().uri("/api/v1/tickets/" + id).headers(h -> h.setBearerAuth(agent)).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();

        http.post().uri("/api/v1/admin/tenants/initech/suspension").headers(h -> h.setBearerAuth(PLATFORM))
                .bodyValue(Map.of("reason", "unpaid invoice")).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("SUSPENDED");
        for (String token : List.of(agent, token("initech", "TENANT_ADMIN"), token("initech", "AUDITOR"))) {
            http.get().uri("/api/v1/tickets/" + id).headers(h -> {
                        h.setBearerAuth(token);
                        h.set("Accept-Language", "en");
                    }).exchange().expectStatus().isForbidden()
                    .expectBody().jsonPath("$.code").isEqualTo("TENANT_SUSPENDED")
                    .jsonPath("$.title").isEqualTo("Tenant suspended");
        }
        http.post().uri("/api/v1/tickets").headers(h -> {
                    h.setBearerAuth(agent);
                    h.set("Accept-Language", "zh-CN");
                }).bodyValue(repairAs("repair")).exchange().expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("TENANT_SUSPENDED").jsonPath("$.title").isEqualTo("租户已暂停");
        http.get().uri("/api/v1/tenant").headers(h -> h.setBearerAuth(token("initech", "TENANT_ADMIN"))).exchange()
                .expectStatus().isForbidden();

        http.delete().uri("/api/v1/admin/tenants/initech/suspension").headers(h -> h.setBearerAuth(PLATFORM)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("ACTIVE");
        JsonNode after = http.get().uri("/api/v1/tickets/" + id).headers(h -> h.setBearerAuth(agent)).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(after).isEqualTo(before);
    }

    @Test
    void a_tenant_bound_to_its_own_identity_provider_is_trusted_for_it_alone_with_its_claim_mapping() {
        register("soylent");
        String issuer = ISSUERS.issuerUrl("soylent-idp").toString();
        Map<String, Object> binding = new LinkedHashMap<>();
        binding.put("issuerUri", issuer);
        binding.put("jwkSetUri", ISSUERS.jwksUrl("soylent-idp").toString());
        binding.put("audience", "soylent-aftersales");
        binding.put("rolesClaim", "realm_access.roles");
        binding.put("roleMapping", Map.of("support-desk", "AGENT"));
        Map<String, Object> nested = Map.of("realm_access", Map.of("roles", List.of("support-desk")));
        String own = sign(ISSUERS, "soylent-idp", "zhang", "soylent-aftersales", nested, 3600);
        http.get().uri("/api/v1/tickets").headers(h -> h.setBearerAuth(own)).exchange().expectStatus().isUnauthorized();

        http.put().uri("/api/v1/admin/tenants/soylent/identity-provider").headers(h -> h.setBearerAuth(PLATFORM))
                .bodyValue(binding).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.identityProvider.issuerUri").isEqualTo(issuer);
        http.get().uri("/api/v1/tickets").headers(h -> h.setBearerAuth(own)).exchange().expectStatus().isOk();

        Map<String, Object> otherTenant = new HashMap<>(nested);
        otherTenant.put("tenant", "acme");
        http.get().uri("/api/v1/tickets").headers(h -> h.setBearerAuth(sign(ISSUERS, "soylent-idp", "zhang",
                "soylent-aftersales", otherTenant, 3600))).exchange().expectStatus().isUnauthorized();
        http.get().uri("/api/v1/tickets").headers(h -> h.setBearerAuth(sign(ISSUERS, "soylent-idp", "zhang",
                "aftersales-api", nested, 3600))).exchange().expectStatus().isUnauthorized();
        http.get().uri("/api/v1/tickets").headers(h -> h.setBearerAuth(token("soylent", "AGENT"))).exchange()
                .expectStatus().isUnauthorized();

        http.put().uri("/api/v1/admin/tenants/acme/identity-provider").headers(h -> h.setBearerAuth(PLATFORM))
                .bodyValue(binding).exchange().expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectBody().jsonPath("$.code").isEqualTo("ISSUER_ALREADY_TRUSTED");
        http.delete().uri("/api/v1/admin/tenants/soylent/identity-provider").headers(h -> h.setBearerAuth(PLATFORM))
                .exchange().expectStatus().isOk();
        http.get().uri("/api/v1/tickets").headers(h -> h.setBearerAuth(own)).exchange().expectStatus().isUnauthorized();
        http.get().uri("/api/v1/tickets").headers(h -> h.setBearerAuth(token("soylent", "AGENT"))).exchange()
                .expectStatus().isOk();
    }

    @Test
    void classification_routes_by_the_tenants_rules_to_the_least_busy_eligible_handler_and_seniors_for_the_top_levels() {
        register("umbra");
        Map<String, Object> configuration = new LinkedHashMap<>();
        configuration.put("ticketTypes", List.of("repair"));
        configuration.put("priorityScheme", "URGENT_NORMAL_LOW");
        configuration.put("compensationCapPercent", 30);
        configuration.put("departments", List.of(Map.of("code", "technical", "nameZh", "技术部", "nameEn", "Technical")));
        configuration.put("staff", List.of(
                Map.of("id", "li", "name", "李工", "department", "technical", "roles", List.of("HANDLER"), "senior", false),
                Map.of("id", "wang", "name", "王工", "department", "technical", "roles", List.of("HANDLER", "SENIOR"), "senior", true)));
        configuration.put("routing", List.of(Map.of("ticketType", "repair", "department", "technical", "pick", "LEAST_OPEN_TICKETS")));
        http.put().uri("/api/v1/tenant/configuration").headers(h -> {
            h.setBearerAuth(token("umbra", "TENANT_ADMIN"));
            h.setIfMatch("\"1\"");
        }).bodyValue(configuration).exchange().expectStatus().isOk();

        assertThat(classifyNew("umbra", "low").at("/assignment/assigneeId").asText()).isEqualTo("li");
        awaitSearchIndex();
        JsonNode second = classifyNew("umbra", "low");
        assertThat(second.at("/assignment/assigneeId").asText()).as("li leads one open ticket").isEqualTo("wang");
        assertThat(second.at("/assignment/department").asText()).isEqualTo("technical");
        assertThat(second.get("status").asText()).isEqualTo("ASSIGNED");
        awaitSearchIndex();
        assertThat(classifyNew("umbra", "urgent").at("/assignment/assigneeId").asText()).as("seniors only").isEqualTo("wang");
        List<Object> routed = events(second.get("id").asText()).stream().map(e -> (Object) e.getPayload())
                .filter(TicketRouted.class::isInstance).toList();
        assertThat(routed).singleElement().extracting(event -> ((TicketRouted) event).reason())
                .isEqualTo("rule repair -> technical, least open tickets among [li, wang]: wang with 0 open");
    }

    private JsonNode classifyNew(String tenant, String priority) {
        JsonNode ticket = http.post().uri("/api/v1/tickets").headers(h -> h.setBearerAuth(token(tenant, "AGENT")))
                .bodyValue(repairAs("repair")).exchange().expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        return http.post().uri("/api/v1/tickets/" + ticket.get("id").asText() + "/classification")
                .headers(h -> h.setBearerAuth(token(tenant, "SUPERVISOR")))
                .bodyValue(Map.of("type", "repair", "priority", priority)).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }
}
