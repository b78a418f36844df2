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
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.graphql.client.SubscriptionErrorException;
import reactor.core.publisher.Flux;

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

    @BeforeEach
    void acmeTicket() {
        String agent = token("acme", "AGENT");
        String id = openTicket(agent, TicketRequests.airConditionerRepair());
        JsonNode ticket = ticket(agent, id);
        existing = new Target(id, ticket.get("number").asText(), ticket.get("version").asLong());
        missing = new Target(UUID.randomUUID().toString(), "29990101001", existing.version());
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
                    assertThat(forExisting.at("/data/openTicket/id").asText()).isNotEqualTo(existing.id());
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
            List<String> forExisting = received(document, example.apply(existing));
            List<String> forMissing = received(document, example.apply(missing));
            assertThat(forExisting).as(field.getName()).isEqualTo(forMissing)
                    .isEqualTo(field.getName().equals("ticketChanged") ? List.of("error TICKET_NOT_FOUND") : List.of());
            assertThat(String.join(" ", forExisting)).doesNotContain(existing.id());
        }
    }

    /** What another tenant's subscriber receives while acme changes its ticket: events or the error code. */
    private List<String> received(String document, Map<String, Object> variables) {
        var client = socket(OTHER);
        List<String> seen = new ArrayList<>();
        Flux<ClientGraphQlResponse> stream = client.document(document).variables(variables).executeSubscription();
        var subscription = stream.subscribe(response -> seen.add(response.toMap().toString()),
                failure -> seen.add(failure instanceof SubscriptionErrorException error
                        ? "error " + error.getErrors().get(0).getExtensions().get("code") : "failed " + failure));
        try {
            Thread.sleep(300);
            task(token("acme", "AGENT"), "setProgress", existing.id(), null, Map.of("progress", "waiting " + seen.size()));
            Thread.sleep(700);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            subscription.dispose();
            client.stop().block(Duration.ofSeconds(5));
        }
        return seen;
    }

    private static String selection(FieldDefinition field) {
        return typeName(field.getType()).startsWith("TicketConnection") ? "edges { node { id number } }" : "id number";
    }

    /** The answer without what differs between any two calls (paths and messages stay). */
    private static String comparable(JsonNode response) {
        return response.toString();
    }
}
