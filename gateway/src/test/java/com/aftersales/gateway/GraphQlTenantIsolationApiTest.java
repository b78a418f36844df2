package com.aftersales.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import graphql.language.FieldDefinition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import com.aftersales.ticket.view.TicketQueries.WatchTicket;
import com.aftersales.ticket.view.TicketQueries.WatchTickets;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.beans.factory.annotation.Autowired;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.graphql.client.SubscriptionErrorException;

/**
 * Every operation of the schema, called by another tenant for an existing ticket, answers exactly
 * as for a ticket that does not exist. The operations are read from the checked-in schema, so a new
 * one without an entry in {@link #EXAMPLES} fails here.
 */
class GraphQlTenantIsolationApiTest extends GraphQlTestSupport {

    /** Everything another tenant's staff could hold. */
    static final String OTHER = token("nimbus", "AGENT", "HANDLER", "SENIOR", "SUPERVISOR", "MANAGER", "AUDITOR",
            "PII_READER");

    record Target(String id, String number, long version) {
    }

    /** Example arguments of each operation, for a target ticket. */
    static final Map<String, Function<Target, Map<String, Object>>> EXAMPLES = examples();

    private static Map<String, Function<Target, Map<String, Object>>> examples() {
        Map<String, Function<Target, Map<String, Object>>> examples = new HashMap<>();
        examples.put("ticket", t -> Map.of("id", t.id()));
        examples.put("ticketByNumber", t -> Map.of("number", t.number()));
        examples.put("tickets", t -> Map.of("filter", Map.of("q", t.number()), "first", 20));
        examples.put("ticketChanged", t -> Map.of("id", t.id()));
        examples.put("ticketsChanged", t -> Map.of());
        examples.put("openTicket", t -> Map.of("input", TicketRequests.blackScreen("科技有限公司"), "idempotencyKey", "k-1"));
        task(examples, "acknowledgeTicket", Map.of("promisedResponseBy", "2024-05-21T01:30:00Z", "channel", "PHONE"));
        task(examples, "classifyTicket", Map.of("type", "repair", "priority", "urgent"));
        task(examples, "markTicket", Map.of("marks", List.of("VIP")));
        task(examples, "assignTicket", Map.of("department", "technical", "assigneeId", "acme-handler-senior"));
        task(examples, "reassignTicket", Map.of("department", "technical", "assigneeId", "x", "reason", "load"));
        task(examples, "addCoHandler", Map.of("handlerId", "x"));
        task(examples, "acceptAssignment", null);
        task(examples, "sendBackForInformation", Map.of("missing", "serial number"));
        task(examples, "supplyInformation", Map.of("information", "SN 1"));
        task(examples, "recordDiagnosis", Map.of("method", "PHONE", "findings", "capacitor"));
        task(examples, "proposePlan", Map.of("permanentFix", "replace"));
        task(examples, "approvePlan", null);
        task(examples, "rejectPlan", Map.of("reason", "too costly"));
        task(examples, "setProgress", Map.of("progress", "executing-plan"));
        task(examples, "logContact", Map.of("channel", "PHONE", "direction", "OUTBOUND", "summary", "called"));
        task(examples, "recordCustomerUpdate", Map.of("channel", "PHONE", "summary", "on the way"));
        task(examples, "escalateTicket", Map.of("to", "MANAGER", "reason", "overdue"));
        task(examples, "resolveTicket", Map.of("resolution", "done"));
        task(examples, "recordVerdict", Map.of("accepted", true));
        task(examples, "recordSurvey", Map.of("satisfaction", "SATISFIED", "responseSpeed", 5, "resolutionEffect", 5,
                "serviceAttitude", 5, "overall", 5, "nps", 9));
        task(examples, "recordFollowUpCall", Map.of("summary", "thanked"));
        task(examples, "archiveTicket", null);
        task(examples, "submitComplaintFeedback", Map.of("outcome", "RESOLVED", "initialDemandMet", true,
                "rootCause", "PROCESS_GAP", "customerSatisfaction", "SATISFIED"));
        task(examples, "reviewComplaintFeedback", Map.of("approve", true));
        task(examples, "recordWarranty", Map.of("part", "capacitor", "warrantyUntil", "2025-05-21T00:00:00Z"));
        task(examples, "recordPlanChange", Map.of("change", "later", "customerConfirmation", "email of 05-21"));
        return Map.copyOf(examples);
    }

    private static void task(Map<String, Function<Target, Map<String, Object>>> examples, String name,
                             Map<String, Object> input) {
        examples.put(name, t -> {
            Map<String, Object> arguments = new HashMap<>();
            arguments.put("id", t.id());
            arguments.put("expectedVersion", t.version());
            if (input != null) {
                arguments.put("input", input);
            }
            return arguments;
        });
    }

    Target existing;
    Target missing;
    String acmeKeyed;

    @BeforeEach
    void acmeTicket() {
        String agent = token("acme", "AGENT");
        String id = openTicket(agent, TicketRequests.airConditionerRepair());
        JsonNode ticket = ticket(agent, id);
        existing = new Target(id, ticket.get("number").asText(), ticket.get("version").asLong());
        missing = new Target(UUID.randomUUID().toString(), "29990101001", existing.version());
        // the same idempotency key as the other tenant's openTicket example: it must not answer this ticket
        acmeKeyed = data(agent, document("mutation", mutation("openTicket"), "id"),
                Map.of("input", TicketRequests.airConditionerRepair(), "idempotencyKey", "k-1"))
                .at("/openTicket/id").asText();
        awaitSearchIndex();
    }

    @Test
    void every_query_and_mutation_answers_another_tenants_ticket_as_a_missing_one() {
        List<String> checked = new ArrayList<>();
        for (String root : List.of("Query", "Mutation")) {
            for (FieldDefinition field : operations(root)) {
                Function<Target, Map<String, Object>> example = EXAMPLES.get(field.getName());
                if (example == null) {
                    fail("No example arguments for " + root + "." + field.getName() + ": add them to EXAMPLES");
                }
                String document = document(root.equals("Query") ? "query" : "mutation", field, selection(field));
                JsonNode forExisting = graphql(OTHER, document, example.apply(existing));
                JsonNode forMissing = graphql(OTHER, document, example.apply(missing));
                if (field.getName().equals("openTicket")) {
                    assertThat(forExisting.at("/data/openTicket/id").asText()).as(forExisting.toString())
                            .isNotBlank().isNotEqualTo(existing.id()).isNotEqualTo(acmeKeyed);
                } else {
                    assertThat(comparable(forExisting)).as(field.getName()).isEqualTo(comparable(forMissing));
                    // not equal by failing alike for another reason (a bad example, a missing role)
                    assertThat(code(forExisting)).as(field.getName() + ": " + forExisting)
                            .isEqualTo(root.equals("Query") ? null : "TICKET_NOT_FOUND");
                }
                assertThat(forExisting.toString()).as(field.getName()).doesNotContain(existing.id())
                        .doesNotContain(existing.number());
                checked.add(field.getName());
            }
        }
        assertThat(checked).contains("ticket", "tickets", "archiveTicket", "openTicket");
        JsonNode untouched = ticket(token("acme", "AGENT"), existing.id());
        assertThat(untouched.get("version").asLong()).as("no task reached acme's ticket").isEqualTo(existing.version());
    }

    @Test
    void every_subscription_answers_another_tenants_ticket_as_a_missing_one() {
        for (FieldDefinition field : operations("Subscription")) {
            Function<Target, Map<String, Object>> example = EXAMPLES.get(field.getName());
            if (example == null) {
                fail("No example arguments for Subscription." + field.getName() + ": add them to EXAMPLES");
            }
            String document = document("subscription", field, "id number status");
            List<String> forExisting = received(document, example.apply(existing), example.apply(existing));
            List<String> forMissing = received(document, example.apply(missing), example.apply(existing));
            assertThat(forExisting).as(field.getName()).isEqualTo(forMissing)
                    .isEqualTo(field.getName().equals("ticketChanged") ? List.of("error TICKET_NOT_FOUND") : List.of());
            assertThat(String.join(" ", forExisting)).doesNotContain(existing.id());
        }
    }

    @Autowired
    private QueryUpdateEmitter emitter;

    /**
     * What another tenant's subscriber receives while acme changes its ticket: events or the error
     * code. An acme subscriber to the same document listens in the same window and must receive the
     * change (else the window proved nothing); both subscriptions are live on the server first.
     */
    private List<String> received(String document, Map<String, Object> variables, Map<String, Object> acmeVariables) {
        var client = socket(OTHER);
        var acme = socket(token("acme", "AGENT"));
        List<String> seen = new CopyOnWriteArrayList<>();
        List<String> control = new CopyOnWriteArrayList<>();
        var subscription = client.document(document).variables(variables).executeSubscription()
                .subscribe(response -> seen.add(response.toMap().toString()),
                        failure -> seen.add(failure instanceof SubscriptionErrorException error
                                ? "error " + error.getErrors().get(0).getExtensions().get("code") : "failed " + failure));
        var controlSubscription = acme.document(document).variables(acmeVariables).executeSubscription()
                .subscribe(response -> control.add(response.toMap().toString()), failure -> control.add("failed " + failure));
        try {
            awaitUntil(() -> watching("acme") && (watching("nimbus") || !seen.isEmpty()),
                    "the subscriptions did not reach the server");
            JsonNode logged = task(token("acme", "AGENT"), "logContact", existing.id(), null,
                    Map.of("channel", "PHONE", "direction", "OUTBOUND", "summary", "called " + seen.size()));
            assertThat(logged.path("errors").isMissingNode()).as("acme's change itself: %s", logged).isTrue();
            awaitUntil(() -> control.stream().anyMatch(change -> change.contains(existing.id())),
                    "acme's own subscriber did not receive the change: " + control);
            Thread.sleep(300); // the other tenant's subscriber had as long as acme's, and then some
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            subscription.dispose();
            controlSubscription.dispose();
            client.stop().block(Duration.ofSeconds(5));
            acme.stop().block(Duration.ofSeconds(5));
        }
        return seen;
    }

    private boolean watching(String tenant) {
        return emitter.activeSubscriptions().stream().map(query -> query.getPayload()).anyMatch(payload ->
                payload instanceof WatchTickets watch && watch.tenantId().equals(tenant)
                        || payload instanceof WatchTicket one && one.tenantId().equals(tenant));
    }

    private static void awaitUntil(java.util.function.BooleanSupplier condition, String failure) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(failure);
            }
            Thread.sleep(10);
        }
    }

    private static String selection(FieldDefinition field) {
        return typeName(field.getType()).startsWith("TicketConnection") ? "edges { node { id number } }" : "id number";
    }

    /** The answer without what differs between any two calls (paths and messages stay). */
    private static String comparable(JsonNode response) {
        return response.toString();
    }
}
