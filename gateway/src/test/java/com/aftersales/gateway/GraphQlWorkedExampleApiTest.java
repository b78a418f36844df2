package com.aftersales.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SPEC §12 worked example 1 from intake to archive over GraphQL only, step by step as the REST walk-through. */
class GraphQlWorkedExampleApiTest extends GraphQlTestSupport {

    final String agent = token("acme", "AGENT");
    final String technician = token("acme", "HANDLER", "SENIOR"); // subject acme-handler-senior
    final String supervisor = token("acme", "SUPERVISOR");
    final String manager = token("acme", "MANAGER");

    /** A task with the version the caller last read (GraphQL's If-Match), which must succeed. */
    private JsonNode done(String token, String task, String id, Object input) {
        JsonNode response = task(token, task, id, ticket(agent, id).get("version").asLong(), input);
        assertThat(response.path("errors").isMissingNode()).as("%s: %s", task, response.path("errors")).isTrue();
        return response.at("/data/" + task);
    }

    private void refused(String token, String task, String id, Object input, String code) {
        JsonNode response = task(token, task, id, ticket(agent, id).get("version").asLong(), input);
        assertThat(code(response)).as("%s: %s", task, response).isEqualTo(code);
        assertThat(response.at("/errors/0/extensions/title").asText()).isNotBlank();
    }

    @Test
    void example_1_urgent_air_conditioner_repair_from_intake_to_archive() {
        String id = openTicket(agent, TicketRequests.airConditionerRepair());
        done(agent, "acknowledgeTicket", id, Map.of("promisedResponseBy", "2024-05-21T01:30:00Z", "channel", "PHONE"));
        done(agent, "assignTicket", id, Map.of("department", "technical", "assigneeId", "acme-handler-senior"));
        done(technician, "acceptAssignment", id, null);
        done(technician, "recordDiagnosis", id, Map.of("method", "ON_SITE", "findings", "capacitor failed",
                "appointmentAt", "2024-05-21T02:00:00Z"));
        refused(technician, "resolveTicket", id, Map.of("resolution", "done without a plan"), "PLAN_REQUIRED");
        JsonNode planned = done(technician, "proposePlan", id, Map.of("permanentFix", "replace the capacitor",
                "measures", List.of("on-site repair"), "deadline", "2024-05-21T10:00:00Z"));
        assertThat(planned.at("/handling/plan/approvalBy").asText()).as("urgent is the highest level").isEqualTo("MANAGER");
        refused(technician, "approvePlan", id, null, "ROLE_NOT_ALLOWED");
        refused(supervisor, "approvePlan", id, null, "PLAN_APPROVAL_LEVEL");
        refused(technician, "resolveTicket", id, Map.of("resolution", "done"), "PLAN_NOT_APPROVED");
        assertThat(code(task(manager, "approvePlan", id, null, null))).as("a decision needs the expected version")
                .isEqualTo("IF_MATCH_REQUIRED");
        assertThat(code(task(manager, "approvePlan", id, 1L, null))).isEqualTo("VERSION_MISMATCH");
        done(manager, "approvePlan", id, null);
        done(technician, "setProgress", id, Map.of("progress", "executing-plan"));
        done(agent, "recordCustomerUpdate", id, Map.of("channel", "PHONE", "summary", "technician arrives 10:00"));
        JsonNode resolved = done(technician, "resolveTicket", id, Map.of("resolution", "capacitor replaced at 17:30"));
        assertThat(resolved.get("status").asText()).isEqualTo("RESOLVED");

        done(agent, "recordVerdict", id, Map.of("accepted", true, "note", "tested for one hour"));
        JsonNode surveyed = done(agent, "recordSurvey", id, Map.of("satisfaction", "SATISFIED", "responseSpeed", 5,
                "resolutionEffect", 5, "serviceAttitude", 5, "overall", 5, "nps", 9));
        assertThat(surveyed.at("/handling/followUp").asText()).isEqualTo("THANK_YOU_DUE");
        done(agent, "recordFollowUpCall", id, Map.of("summary", "thanked the customer"));
        refused(agent, "archiveTicket", id, null, "ROLE_NOT_ALLOWED");
        JsonNode archived = done(supervisor, "archiveTicket", id, null);
        assertThat(archived.get("status").asText()).isEqualTo("ARCHIVED");
        refused(manager, "archiveTicket", id, null, "TICKET_STATE_CONFLICT");

        JsonNode timeline = data(token("acme", "AUDITOR"), "query($id: ID!) { ticket(id: $id) { timeline(first: 200) "
                + "{ edges { node { kind sequence } } } } }", Map.of("id", id));
        List<String> kinds = new ArrayList<>();
        timeline.at("/ticket/timeline/edges").forEach(edge -> kinds.add(edge.at("/node/kind").asText()));
        // with the SLA clock facts (docs/sla.md): registration starts first response and updates, the acceptance
        // the escalation clock, the on-site diagnosis is the first response, each update starts the next clock,
        // the resolution fulfils the escalation clock, closing fulfils the last
        assertThat(kinds).startsWith("TicketOpened", "SlaClockStarted", "SlaClockStarted", "TicketAcknowledged",
                "TicketAssigned", "AssignmentAccepted", "SlaClockStarted", "DiagnosisRecorded", "SlaClockFulfilled",
                "PlanProposed", "PlanApproved").contains("CustomerUpdated").endsWith("TicketResolved",
                "SlaClockFulfilled", "ResolutionAccepted",
                "SlaClockFulfilled", "SurveyRecorded", "ThankYouDue", "FollowUpCallRecorded", "TicketArchived");
    }
}
