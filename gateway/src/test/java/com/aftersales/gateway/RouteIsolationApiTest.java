package com.aftersales.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftersales.gateway.ApiRoutes.Route;
import com.aftersales.sla.compliance.SlaComplianceProjection;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.web.server.authorization.DelegatingReactiveAuthorizationManager;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authorization.AuthorizationWebFilter;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcherEntry;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.server.WebFilter;

/**
 * Tenant isolation and role rules, proven on every route the service answers, enumerated from its
 * handler mappings and router functions ({@link ApiRoutes}) so that a new route cannot escape:
 * <ul>
 * <li>a valid token of another tenant, holding every tenant role, gets 404 for the owner's
 * resources (403 on platform routes) and nothing of the owner's in any body or header;</li>
 * <li>every route not open by design is refused without a token (401) and for a token without roles
 * (403), a token with the roles of its audience is let in (PLATFORM_ADMIN on platform routes), and
 * the first rule of the security chain that matches it is an explicit one, not the catch-all
 * {@code denyAll}.</li>
 * </ul>
 * Both tenants are registered by the test, so that writes through the routes touch no other test's data.
 */
class RouteIsolationApiTest extends ApiTestSupport {

    static final String PLATFORM = token(null, "PLATFORM_ADMIN");
    static final String[] TENANT_ROLES = {"AGENT", "HANDLER", "SENIOR", "SUPERVISOR", "MANAGER", "AUDITOR", "PII_READER",
            "TENANT_ADMIN"};
    /** Values of the owner that no other caller may ever see. */
    static final String MARKER = "ISOLATION7731";

    @Autowired
    ApplicationContext context;

    WebTestClient patient;

    @BeforeEach
    void patientClient() {
        patient = http.mutate().responseTimeout(Duration.ofSeconds(30)).build();
    }

    private void register(String tenant) {
        Map<String, Object> body = Map.of("id", tenant, "nameEn", tenant + " Ltd", "nameZh", "隔离测试",
                "ticketPrefix", "IS", "serialDigits", 4);
        patient.post().uri("/api/v1/admin/tenants").headers(h -> h.setBearerAuth(PLATFORM)).bodyValue(body).exchange()
                .expectStatus().isCreated();
    }

    /** A ticket of {@code tenant} full of marked values, with a history read and an access record. */
    private JsonNode ownersTicket(String tenant) {
        Map<String, Object> body = new HashMap<>(TicketRequests.airConditionerRepair());
        body.put("customer", Map.of("name", "Customer " + MARKER, "phone", "13977317731", "customerId", "C-" + MARKER));
        body.put("product", Map.of("model", "MODEL-" + MARKER));
        body.put("problem", Map.of("description", "fan broken " + MARKER));
        String agent = token(tenant, "AGENT");
        JsonNode ticket = patient.post().uri("/api/v1/tickets").headers(h -> h.setBearerAuth(agent)).bodyValue(body)
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        patient.get().uri("/api/v1/tickets/" + ticket.get("id").asText() + "/history")
                .headers(h -> h.setBearerAuth(token(tenant, "AUDITOR"))).exchange().expectStatus().isOk();
        return ticket;
    }

    private EntityExchangeResult<byte[]> call(Route route, String uri, String token) {
        WebTestClient.RequestBodySpec request = patient.method(route.method()).uri(uri + query(route))
                .headers(h -> {
                    if (token != null) {
                        h.setBearerAuth(token);
                    }
                    h.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.ALL));
                    if (route.pattern().startsWith("/api/v1/tickets/{") && route.method() != HttpMethod.GET) {
                        h.setIfMatch("\"0\""); // decisions need one; the tenant is checked before the version
                    }
                });
        WebTestClient.RequestHeadersSpec<?> ready = route.body() == null ? request
                : request.contentType(MediaType.APPLICATION_JSON).bodyValue(ApiRoutes.sample(route.body()));
        return ready.exchange().expectBody().returnResult();
    }

    /** Query parameters a route cannot do without; the ticket list searches for the owner's marker. */
    private static String query(Route route) {
        if (route.pattern().equals("/api/v1/tickets") && route.method() == HttpMethod.GET) {
            return "?q=" + MARKER;
        }
        return route.pattern().equals("/api/v1/audit/export")
                ? "?from=2000-01-01T00:00:00Z&to=2100-01-01T00:00:00Z" : "";
    }

    /** Platform routes need PLATFORM_ADMIN: the admin API and every actuator endpoint, {@code /actuator} itself included. */
    private static boolean platformRoute(Route route) {
        return route.pattern().startsWith("/api/v1/admin/") || route.pattern().startsWith("/actuator");
    }

    /** Tenant list routes whose answer holds no value of a ticket: the positive control compares answers instead. */
    private static final List<String> WITHOUT_TICKET_VALUES = List.of("/api/v1/tickets/counts", "/api/v1/tenant",
            "/api/v1/sla/compliance");

    private static String text(EntityExchangeResult<byte[]> result) {
        return result.getResponseBody() == null ? "" : new String(result.getResponseBody(), StandardCharsets.UTF_8);
    }

    private static String variable(String name, String ticketId, String tenantId) {
        return switch (name) {
            case "id", "ticketId" -> ticketId;
            case "tenantId" -> tenantId;
            case "processingGroup" -> "ticket-views";
            case "path" -> "ping";
            case "requiredMetricName" -> "jvm.memory.used";
            default -> throw new AssertionError("Teach this test a value for path variable {" + name + "}");
        };
    }

    @Test
    void another_tenants_token_finds_nothing_of_the_owner_on_any_route() {
        register("iso-owner");
        register("iso-intruder");
        JsonNode ticket = ownersTicket("iso-owner");
        awaitSearchIndex();
        awaitProcessor(SlaComplianceProjection.PROCESSING_GROUP); // the owner's clocks are counted
        String ticketId = ticket.get("id").asText();
        List<String> secrets = List.of(MARKER, ticket.get("number").asText(), "7731");
        String intruder = token("iso-intruder", TENANT_ROLES);
        String owner = token("iso-owner", TENANT_ROLES);

        List<String> failures = new ArrayList<>();
        List<Route> routes = ApiRoutes.all(context);
        assertThat(routes).extracting(Route::pattern).contains("/api/v1/tickets/{ticketId}", "/api/v1/admin/tenants/{tenantId}",
                "/api/v1/tenant/configuration");
        for (Route route : routes) {
            if (route.isOpen() && route.method() == HttpMethod.GET && !route.pattern().startsWith("/actuator")) {
                continue;
            }
            String uri = route.uri(name -> variable(name, ticketId, "iso-owner"));
            boolean names = route.pattern().contains("{");
            boolean platformRoute = platformRoute(route);
            String owners = null;
            if (route.method() == HttpMethod.GET && !platformRoute && !route.isOpen()) {
                EntityExchangeResult<byte[]> own = call(route, uri, owner);
                owners = text(own);
                if (own.getStatus().value() != 200) {
                    failures.add(route + ": the owner itself gets " + own.getStatus().value() + ", so the probe proves nothing");
                } else if (!names && !WITHOUT_TICKET_VALUES.contains(route.pattern()) && !owners.contains(MARKER)) {
                    failures.add(route + ": the owner does not see its own " + MARKER + " here, so the probe proves nothing");
                }
            }
            EntityExchangeResult<byte[]> result = call(route, uri, intruder);
            int status = result.getStatus().value();
            String body = text(result);
            String headers = result.getResponseHeaders().toString();
            if (WITHOUT_TICKET_VALUES.contains(route.pattern()) && route.method() == HttpMethod.GET && body.equals(owners)) {
                failures.add(route + ": another tenant gets the owner's very answer");
            }
            if (names && !platformRoute && status != 404) {
                failures.add(route + ": " + status + " instead of 404 for another tenant's resource");
            }
            if (platformRoute && !route.isOpen() && status != 403) {
                failures.add(route + ": " + status + " instead of 403 for a tenant's token on a platform route");
            }
            if (status >= 500) {
                failures.add(route + ": " + status);
            }
            for (String secret : secrets) {
                if (body.contains(secret) || headers.contains(secret)) {
                    failures.add(route + ": the answer shows the owner's " + secret);
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void a_suspended_tenant_is_refused_on_every_tenant_route_and_finds_its_data_intact_after_reactivation() {
        register("iso-paused");
        JsonNode ticket = ownersTicket("iso-paused");
        String ticketId = ticket.get("id").asText();
        String everyRole = token("iso-paused", TENANT_ROLES);
        JsonNode before = patient.get().uri("/api/v1/tickets/" + ticketId).headers(h -> h.setBearerAuth(everyRole))
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        patient.post().uri("/api/v1/admin/tenants/iso-paused/suspension").headers(h -> h.setBearerAuth(PLATFORM))
                .bodyValue(Map.of("reason", "contract ended")).exchange().expectStatus().isOk();

        List<String> failures = new ArrayList<>();
        for (Route route : ApiRoutes.all(context)) {
            if (route.isOpen() || platformRoute(route)) {
                continue;
            }
            EntityExchangeResult<byte[]> result = call(route, route.uri(name -> variable(name, ticketId, "iso-paused")), everyRole);
            String body = result.getResponseBody() == null ? "" : new String(result.getResponseBody(), StandardCharsets.UTF_8);
            if (result.getStatus().value() != 403 || !body.contains("TENANT_SUSPENDED")) {
                failures.add(route + ": " + result.getStatus().value() + " " + body);
            }
        }
        assertThat(failures).isEmpty();

        patient.delete().uri("/api/v1/admin/tenants/iso-paused/suspension").headers(h -> h.setBearerAuth(PLATFORM))
                .exchange().expectStatus().isOk();
        patient.get().uri("/api/v1/tickets/" + ticketId).headers(h -> h.setBearerAuth(everyRole)).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).isEqualTo(before);
    }

    /** The rules of the one security filter chain, in order; the last is the catch-all {@code denyAll}. */
    @SuppressWarnings("unchecked")
    private List<ServerWebExchangeMatcherEntry<?>> authorizationRules() {
        SecurityWebFilterChain chain = context.getBean(SecurityWebFilterChain.class);
        WebFilter authorization = chain.getWebFilters().filter(AuthorizationWebFilter.class::isInstance).blockFirst();
        Object manager = ReflectionTestUtils.getField(authorization, "authorizationManager");
        while (!(manager instanceof DelegatingReactiveAuthorizationManager) && manager != null) {
            manager = ReflectionTestUtils.getField(manager, "delegate"); // an observation wrapper
        }
        assertThat(manager).isInstanceOf(DelegatingReactiveAuthorizationManager.class);
        return (List<ServerWebExchangeMatcherEntry<?>>) ReflectionTestUtils.getField(manager, "mappings");
    }

    private static int firstMatchingRule(List<ServerWebExchangeMatcherEntry<?>> rules, HttpMethod method, String uri) {
        var exchange = MockServerWebExchange.from(MockServerHttpRequest.method(method, uri));
        for (int i = 0; i < rules.size(); i++) {
            if (Boolean.TRUE.equals(rules.get(i).getMatcher().matches(exchange).map(match -> match.isMatch()).block())) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void every_route_that_is_not_open_by_design_has_an_explicit_role_rule() {
        register("rules-probe");
        register("rules-platform");
        String ticketId = ownersTicket("rules-probe").get("id").asText();
        String noRoles = token("rules-probe");
        String tenantRoles = token("rules-probe", TENANT_ROLES);
        List<ServerWebExchangeMatcherEntry<?>> rules = authorizationRules();
        assertThat(firstMatchingRule(rules, HttpMethod.GET, "/no-such-route")).as("the catch-all is last")
                .isEqualTo(rules.size() - 1);
        List<String> failures = new ArrayList<>();
        for (Route route : ApiRoutes.all(context)) {
            String uri = route.uri(name -> variable(name, ticketId, "rules-probe"));
            if (route.isOpen()) {
                continue;
            }
            int anonymous = call(route, uri, null).getStatus().value();
            if (anonymous != 401) {
                failures.add(route + ": " + anonymous + " without a token");
            }
            int none = call(route, uri, noRoles).getStatus().value();
            if (none != 403) {
                failures.add(route + ": " + none + " for a token without roles");
            }
            // behavioural: the route's audience is let in (the catch-all would answer ROLE_NOT_ALLOWED)
            // (platform routes act on another tenant, so that a suspension does not end the probe's own tenant)
            EntityExchangeResult<byte[]> allowed = platformRoute(route)
                    ? call(route, route.uri(name -> variable(name, ticketId, "rules-platform")), PLATFORM)
                    : call(route, uri, tenantRoles);
            if (allowed.getStatus().value() == 403 && text(allowed).contains("ROLE_NOT_ALLOWED")) {
                failures.add(route + ": no rule lets its audience in (the catch-all denies it)");
            }
            // and, as a second net, the chain's first matching rule is an explicit one
            int rule = firstMatchingRule(rules, route.method(), uri);
            if (rule < 0 || rule == rules.size() - 1) {
                failures.add(route + ": only the catch-all rule covers it (give it an explicit role rule)");
            }
        }
        assertThat(failures).isEmpty();
    }
}
