package com.aftersales.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

/** Worked examples 1–3 of SPEC §12 from intake to archive, each step by the role the seeds name. */
class WorkedExamplesApiTest extends ApiTestSupport {

    final String agent = token("acme", "AGENT");
    final String technician = token("acme", "HANDLER", "SENIOR"); // subject acme-handler-senior
    final String supervisor = token("acme", "SUPERVISOR");
    final String manager = token("acme", "MANAGER");

    private String open(Map<String, Object> body) {
        return http.post().uri("/api/v1/tickets").headers(h -> h.setBearerAuth(agent)).bodyValue(body).exchange()
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asText();
    }

    /** The version the caller last read: every task is sent with If-Match, as careful clients do. */
    private String etag(String ticketId) {
        return http.get().uri("/api/v1/tickets/" + ticketId).headers(h -> h.setBearerAuth(agent)).exchange()
                .expectStatus().isOk().returnResult(String.class).getResponseHeaders().getETag();
    }

    private JsonNode task(String token, String ticketId, String task, Object body) {
        String version = etag(ticketId);
        var request = http.method(task.equals("marks") ? HttpMethod.PUT : HttpMethod.POST)
                .uri("/api/v1/tickets/" + ticketId + "/" + task).headers(h -> {
                    h.setBearerAuth(token);
                    h.setIfMatch(version);
                });
        var response = body == null ? request.exchange() : request.bodyValue(body).exchange();
        return response.expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private void refused(String token, String ticketId, String task, Object body, int status, String code) {
        String version = etag(ticketId);
        var request = http.post().uri("/api/v1/tickets/" + ticketId + "/" + task).headers(h -> {
            h.setBearerAuth(token);
            h.setIfMatch(version);
        });
        (body == null ? request.exchange() : request.bodyValue(body).exchange())
                .expectStatus().isEqualTo(status).expectBody().jsonPath("$.code").isEqualTo(code);
    }

    /** Intake to an accepted assignment, by agent and senior technician. */
    private String inHandling(Map<String, Object> registration) {
        String id = open(registration);
        task(agent, id, "acknowledgement", Map.of("promisedResponseBy", "2024-05-21T01:30:00Z", "channel", "PHONE"));
        task(agent, id, "assignment", Map.of("department", "technical", "assigneeId", "acme-handler-senior"));
        task(technician, id, "acceptance", null);
        return id;
    }

    private void closeAndArchive(String id, Map<String, Object> survey) {
        task(agent, id, "verdict", Map.of("accepted", true, "note", "tested for one hour"));
        JsonNode surveyed = task(agent, id, "survey", survey);
        assertThat(surveyed.at("/handling/followUp").asText()).isEqualTo("THANK_YOU_DUE");
        task(agent, id, "follow-up-call", Map.of("summary", "thanked the customer"));
        refused(agent, id, "archive", null, 403, "ROLE_NOT_ALLOWED");
        JsonNode archived = task(supervisor, id, "archive", null);
        assertThat(archived.get("status").asText()).isEqualTo("ARCHIVED");
    }

    /** Issue 9: the ticket rebuilt from its events by the view's own code equals the live view. */
    private void asOfNowIsTheLiveView(String id) {
        String auditor = token("acme", "AUDITOR");
        JsonNode live = http.get().uri("/api/v1/tickets/" + id).headers(h -> h.setBearerAuth(auditor)).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        JsonNode rebuilt = http.get().uri("/api/v1/tickets/" + id + "/history/state").headers(h -> h.setBearerAuth(auditor))
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(rebuilt).isEqualTo(live);
    }

    private static Map<String, Object> survey(String satisfaction, int score) {
        return Map.of("satisfaction", satisfaction, "responseSpeed", score, "resolutionEffect", score,
                "serviceAttitude", score, "overall", score, "nps", 9);
    }

    @Test
    void example_1_urgent_air_conditioner_repair_from_intake_to_archive() {
        String id = inHandling(TicketRequests.airConditionerRepair());
        task(technician, id, "diagnosis", Map.of("method", "ON_SITE", "findings", "capacitor failed",
                "appointmentAt", "2024-05-21T02:00:00Z"));
        refused(technician, id, "resolution", Map.of("resolution", "done without a plan"), 409, "PLAN_REQUIRED");
        JsonNode planned = task(technician, id, "plan", Map.of("permanentFix", "replace the capacitor",
                "measures", List.of("on-site repair"), "deadline", "2024-05-21T10:00:00Z"));
        assertThat(planned.at("/handling/plan/approvalBy").asText()).as("urgent is the highest level").isEqualTo("MANAGER");
        refused(technician, id, "plan/approval", null, 403, "ROLE_NOT_ALLOWED");
        refused(supervisor, id, "plan/approval", null, 403, "PLAN_APPROVAL_LEVEL");
        refused(technician, id, "resolution", Map.of("resolution", "done"), 409, "PLAN_NOT_APPROVED");
        http.post().uri("/api/v1/tickets/" + id + "/plan/approval").headers(h -> h.setBearerAuth(manager)).exchange()
                .expectStatus().isEqualTo(428).expectBody().jsonPath("$.code").isEqualTo("IF_MATCH_REQUIRED");
        task(manager, id, "plan/approval", null);
        task(technician, id, "progress", Map.of("progress", "executing-plan"));
        task(agent, id, "customer-updates", Map.of("channel", "PHONE", "summary", "technician arrives 10:00"));
        JsonNode resolved = task(technician, id, "resolution", Map.of("resolution", "capacitor replaced at 17:30"));
        assertThat(resolved.get("status").asText()).isEqualTo("RESOLVED");

        closeAndArchive(id, survey("SATISFIED", 5));

        refused(supervisor, id, "classification", Map.of("type", "repair", "priority", "low"), 409, "TICKET_STATE_CONFLICT");
        refused(agent, id, "customer-updates", Map.of("channel", "PHONE", "summary", "late note"), 409,
                "TICKET_STATE_CONFLICT");
        refused(manager, id, "archive", null, 409, "TICKET_STATE_CONFLICT");
        List<String> kinds = new ArrayList<>();
        http.get().uri("/api/v1/tickets/" + id + "/timeline").headers(h -> h.setBearerAuth(token("acme", "AUDITOR")))
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody()
                .get("items").forEach(entry -> kinds.add(entry.get("kind").asText()));
        // with the SLA clock facts (docs/sla.md): registration starts first response and updates, the acceptance
        // the escalation clock, the on-site diagnosis is the first response, each update starts the next clock,
        // the resolution fulfils the escalation clock, closing fulfils the last
        assertThat(kinds).startsWith("TicketOpened", "SlaClockStarted", "SlaClockStarted", "TicketAcknowledged",
                "TicketAssigned", "AssignmentAccepted", "SlaClockStarted", "DiagnosisRecorded", "SlaClockFulfilled",
                "PlanProposed", "PlanApproved").contains("CustomerUpdated").endsWith("TicketResolved",
                "SlaClockFulfilled", "ResolutionAccepted",
                "SlaClockFulfilled", "SurveyRecorded", "ThankYouDue", "FollowUpCallRecorded", "TicketArchived");
        asOfNowIsTheLiveView(id);
    }

    private static JsonNode lastContact(JsonNode log) {
        JsonNode contact = null;
        for (JsonNode entry : log) {
            contact = "ContactLogged".equals(entry.get("kind").asText()) ? entry : contact;
        }
        return contact;
    }

    @Test
    void example_2_usage_inquiry_answered_and_basically_satisfied() {
        Map<String, Object> inquiry = new HashMap<>(TicketRequests.airConditionerRepair());
        inquiry.put("type", "inquiry");
        inquiry.put("priority", "normal");
        inquiry.put("customer", Map.of("name", "李*", "phone", "13900001234"));
        inquiry.put("product", Map.of("model", "smart watch B"));
        inquiry.put("problem", Map.of("description", "how to replace the strap, is it under warranty?"));
        String id = inHandling(inquiry);
        task(technician, id, "contacts", Map.of("channel", "PHONE", "direction", "OUTBOUND",
                "summary", "out of warranty: 50 yuan, by mail or on-site; call back on 13900001234"));
        JsonNode log = http.get().uri("/api/v1/tickets/" + id + "/timeline").headers(h -> h.setBearerAuth(token("acme", "AUDITOR")))
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody().get("items");
        String logged = lastContact(log).at("/details/summary").asText(); // the first response's fulfilment follows it
        assertThat(logged).contains("*******1234").doesNotContain("13900001234");
        JsonNode forPiiReader = http.get().uri("/api/v1/tickets/" + id + "/timeline")
                .headers(h -> h.setBearerAuth(token("acme", "AUDITOR", "PII_READER"))).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody().get("items");
        assertThat(lastContact(forPiiReader).at("/details/summary").asText()).contains("13900001234");
        refused(technician, id, "resolution", Map.of("resolution", "answered"), 409, "PLAN_REQUIRED");
        task(technician, id, "plan", Map.of("temporaryMeasure", "answer by phone: out of warranty, 50 yuan",
                "measures", List.of("training")));
        task(supervisor, id, "plan/approval", null);
        task(technician, id, "resolution", Map.of("resolution", "answered: out of warranty, 50 yuan"));
        closeAndArchive(id, survey("BASICALLY_SATISFIED", 4));
        asOfNowIsTheLiveView(id);
    }

    @Test
    void example_3_complaint_about_a_late_technician_with_a_coupon_approved_by_the_manager() {
        Map<String, Object> complaint = new HashMap<>(TicketRequests.airConditionerRepair());
        complaint.put("type", "complaint");
        complaint.put("customer", Map.of("name", "王 company", "phone", "13700009999"));
        complaint.put("product", Map.of("model", "printer C"));
        complaint.put("problem", Map.of("description", "repair technician was 2 hours late"));
        String id = inHandling(complaint);
        task(supervisor, id, "classification", Map.of("type", "complaint", "priority", "low", "responsibility", "INTERNAL"));
        JsonNode planned = task(technician, id, "plan", Map.of("permanentFix", "apologise; improve rostering",
                "compensation", Map.of("amount", 100, "form", "coupon")));
        assertThat(planned.at("/handling/plan/approvalBy").asText()).as("compensation without order amount").isEqualTo("MANAGER");
        task(manager, id, "plan/approval", null);
        task(technician, id, "resolution", Map.of("resolution", "apologised, 100-yuan coupon, rostering improved"));
        task(agent, id, "verdict", Map.of("accepted", true));
        task(agent, id, "survey", survey("SATISFIED", 5));
        refused(supervisor, id, "archive", null, 409, "COMPLAINT_REVIEW_PENDING");
        task(technician, id, "complaint-feedback", Map.of("outcome", "RESOLVED", "initialDemandMet", true,
                "compensation", Map.of("amount", 100, "form", "coupon"),
                "measures", List.of("COMPENSATION", "PROCESS_OPTIMIZATION"), "rootCause", "PROCESS_GAP",
                "improvements", "roster technicians by distance", "customerOpinion", "satisfied",
                "customerSatisfaction", "SATISFIED"));
        task(supervisor, id, "complaint-feedback/review", Map.of("approve", false, "note", "add the call records"));
        task(technician, id, "complaint-feedback", Map.of("outcome", "RESOLVED", "initialDemandMet", true,
                "rootCause", "PROCESS_GAP", "keyTimePoints", "09:00 call, 11:00 visit, 11:30 apology",
                "customerSatisfaction", "SATISFIED"));
        JsonNode approved = task(supervisor, id, "complaint-feedback/review", Map.of("approve", true));
        assertThat(approved.at("/handling/complaint/review").asText()).isEqualTo("APPROVED");
        assertThat(task(supervisor, id, "archive", null).get("status").asText()).isEqualTo("ARCHIVED");
        asOfNowIsTheLiveView(id);
    }
}
