package com.aftersales.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/**
 * SPEC §8 through the real HTTP stack: a complaint walks through every task of the worked examples
 * with a phone number, an email, an ID number and home addresses written into every free-text
 * field. No response to a caller without PII_READER (the task answers, the ticket, the list, the
 * timeline, error answers) contains any of them anywhere in its body; a PII_READER reads them all.
 * The bodies are scanned whole, so a field added later cannot slip through unnoticed.
 */
class PersonalDataApiTest extends ApiTestSupport {

    private org.springframework.test.web.reactive.server.WebTestClient patient;

    /** The machine may be busy: more than WebTestClient's 5 s default. */
    private org.springframework.test.web.reactive.server.WebTestClient client() {
        if (patient == null) {
            patient = http.mutate().responseTimeout(java.time.Duration.ofSeconds(30)).build();
        }
        return patient;
    }

    static final String PHONE = "13912345678";
    static final String LANDLINE = "010-12345678";
    static final String EMAIL = "li.lei@example.org";
    static final String ID_NUMBER = "110101199003071234";
    static final String HOME = "北京市朝阳区建国路88号3栋2单元501室";
    static final String STREET = "No. 12 Xyz Road";
    static final String APARTMENT = "Apt 5B";
    /** What must never reach a caller without PII_READER; the masked forms keep at most the last 4 characters. */
    static final List<String> NEEDLES = List.of(PHONE, LANDLINE, EMAIL, ID_NUMBER, "建国路88号", "2单元501室",
            "Xyz Road", APARTMENT);

    /** All of it in one sentence, as a customer might dictate it. */
    static String pii(String field) {
        return "[" + field + "] call " + PHONE + " or " + LANDLINE + ", mail " + EMAIL + ", ID " + ID_NUMBER
                + ", home " + HOME + " / " + STREET + ", " + APARTMENT;
    }

    final String agent = token("acme", "AGENT");
    final String technician = token("acme", "HANDLER", "SENIOR"); // subject acme-handler-senior
    final String supervisor = token("acme", "SUPERVISOR");
    final String manager = token("acme", "MANAGER");
    final String auditor = token("acme", "AUDITOR");
    final String piiReader = token("acme", "AUDITOR", "PII_READER");

    private final ObjectMapper json = new ObjectMapper();
    /** Every body answered to a caller without PII_READER, with what was asked. */
    private final Map<String, String> answeredWithoutPiiRights = new LinkedHashMap<>();
    /** Every free text written, which a PII_READER must be able to read back. */
    private final List<String> written = new ArrayList<>();

    private String text(String field) {
        String text = pii(field);
        written.add(text);
        return text;
    }

    private String shortText(String field, String content) {
        String text = "[" + field + "] " + content;
        written.add(text);
        return text;
    }

    private String body(EntityExchangeResult<byte[]> result) {
        byte[] body = result.getResponseBody();
        return body == null ? "" : new String(body, StandardCharsets.UTF_8);
    }

    private String etag(String ticketId) {
        return client().get().uri("/api/v1/tickets/" + ticketId).headers(h -> h.setBearerAuth(agent)).exchange()
                .expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseHeaders().getETag();
    }

    private JsonNode task(String token, String ticketId, String task, Object body) {
        String version = etag(ticketId);
        var request = client().method(task.equals("marks") ? HttpMethod.PUT : HttpMethod.POST)
                .uri("/api/v1/tickets/" + ticketId + "/" + task).headers(h -> {
                    h.setBearerAuth(token);
                    h.setIfMatch(version);
                });
        EntityExchangeResult<byte[]> result = (body == null ? request.exchange() : request.bodyValue(body).exchange())
                .expectStatus().isOk().expectBody(byte[].class).returnResult();
        answeredWithoutPiiRights.put("POST " + task, body(result));
        return read(body(result));
    }

    private JsonNode read(String body) {
        try {
            return json.readTree(body);
        } catch (Exception e) {
            throw new AssertionError(body, e);
        }
    }

    private String get(String token, String uri) {
        return body(client().get().uri(uri).headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk().expectBody(byte[].class).returnResult());
    }

    private Map<String, Object> registration(String marker) {
        Map<String, Object> customer = new HashMap<>();
        customer.put("name", marker);
        customer.put("contactPerson", shortText("contactPerson", "Mr Li " + PHONE + " " + EMAIL));
        customer.put("phone", PHONE);
        customer.put("email", EMAIL);
        customer.put("customerId", ID_NUMBER);
        Map<String, Object> problem = new HashMap<>();
        problem.put("description", text("description"));
        problem.put("symptom", text("symptom"));
        problem.put("frequency", text("frequency"));
        problem.put("impactScope", text("impactScope"));
        problem.put("alreadyTried", text("alreadyTried"));
        problem.put("occurredPlace", HOME + ", " + STREET);
        Map<String, Object> body = new HashMap<>();
        body.put("channel", "PHONE");
        body.put("type", "complaint");
        body.put("priority", "low");
        body.put("customer", customer);
        body.put("product", Map.of("model", shortText("model", PHONE), "serialNumber", shortText("serial", ID_NUMBER)));
        body.put("problem", problem);
        body.put("attachments", List.of(Map.of("fileName", shortText("file", EMAIL + " " + PHONE + ".jpg"),
                "uri", "files/" + ID_NUMBER)));
        return body;
    }

    private static Map<String, Object> survey(int score, String comment) {
        return Map.of("satisfaction", "BASICALLY_SATISFIED", "responseSpeed", score, "resolutionEffect", score,
                "serviceAttitude", score, "overall", score, "nps", 5, "comment", comment);
    }

    private Map<String, Object> feedback() {
        Map<String, Object> form = new HashMap<>();
        form.put("outcome", "RESOLVED");
        form.put("outcomeReason", text("outcomeReason"));
        form.put("initialDemandMet", true);
        form.put("demandReason", text("demandReason"));
        form.put("compensation", Map.of("amount", 100, "form", shortText("compensation", "coupon to " + HOME)));
        form.put("measures", List.of("COMPENSATION", "PROCESS_OPTIMIZATION"));
        form.put("keyTimePoints", text("keyTimePoints"));
        form.put("customerOpinion", text("customerOpinion"));
        form.put("customerSatisfaction", "SATISFIED");
        form.put("rootCause", "PROCESS_GAP");
        form.put("improvements", text("improvements"));
        return form;
    }

    private Map<String, Object> plan(String round) {
        Map<String, Object> plan = new HashMap<>();
        plan.put("temporaryMeasure", text("temporaryMeasure " + round));
        plan.put("permanentFix", text("permanentFix " + round));
        plan.put("measures", List.of(text("measure " + round)));
        plan.put("compensation", Map.of("amount", 100, "form", shortText("form " + round, "coupon " + PHONE)));
        plan.put("deadline", "2024-05-23T10:00:00Z");
        return plan;
    }

    /** A complaint from intake to archive through every task that takes text, each by the role the seeds name. */
    private String walkEveryTask(String marker) {
        EntityExchangeResult<byte[]> created = client().post().uri("/api/v1/tickets").headers(h -> h.setBearerAuth(agent))
                .bodyValue(registration(marker)).exchange()
                .expectStatus().isCreated().expectBody(byte[].class).returnResult();
        answeredWithoutPiiRights.put("POST /api/v1/tickets", body(created));
        String id = read(body(created)).get("id").asText();

        task(agent, id, "customer-updates", Map.of("channel", "PHONE", "summary", text("customerUpdate")));
        task(agent, id, "contacts", Map.of("channel", "PHONE", "direction", "INBOUND", "summary", text("contact")));
        task(agent, id, "escalations", Map.of("to", "SUPERVISOR", "reason", text("escalation")));
        task(agent, id, "acknowledgement", Map.of("promisedResponseBy", "2024-05-21T01:30:00Z", "channel", "PHONE"));
        task(agent, id, "marks", Map.of("marks", List.of("VIP")));
        task(agent, id, "assignment", Map.of("department", "technical", "assigneeId", "acme-handler-senior"));
        task(technician, id, "send-back", Map.of("missing", text("missing")));
        task(agent, id, "supplement", Map.of("information", text("information")));
        task(supervisor, id, "reassignment", Map.of("department", "complaints", "assigneeId", "acme-handler-senior",
                "reason", text("reassignment")));
        task(technician, id, "acceptance", null);
        task(supervisor, id, "co-handlers", Map.of("handlerId", "acme-handler"));
        task(technician, id, "diagnosis", Map.of("method", "ON_SITE", "findings", text("findings"),
                "appointmentAt", "2024-05-21T02:00:00Z"));
        task(technician, id, "plan", plan("first"));
        task(manager, id, "plan/rejection", Map.of("reason", text("planRejection")));
        task(technician, id, "plan", plan("second"));
        task(manager, id, "plan/approval", null);
        task(technician, id, "progress", Map.of("progress", shortText("p1", PHONE + " " + LANDLINE + " " + EMAIL)));
        task(technician, id, "progress", Map.of("progress", shortText("p2", ID_NUMBER + " " + HOME)));
        task(technician, id, "progress", Map.of("progress", shortText("p3", STREET + ", " + APARTMENT)));
        task(technician, id, "plan-changes", Map.of("change", text("change"),
                "customerConfirmation", text("customerConfirmation")));
        task(technician, id, "warranties", Map.of("part", text("part"), "warrantyUntil", "2025-05-20T00:00:00Z"));
        task(technician, id, "complaint-feedback", feedback());
        task(supervisor, id, "complaint-feedback/review", Map.of("approve", false, "note", text("reviewNote")));
        task(technician, id, "complaint-feedback", feedback());
        task(technician, id, "resolution", Map.of("resolution", text("resolution")));
        task(agent, id, "verdict", Map.of("accepted", false, "note", text("rejectionNote")));
        task(technician, id, "resolution", Map.of("resolution", text("secondResolution")));
        task(agent, id, "verdict", Map.of("accepted", true, "note", text("acceptanceNote")));
        task(technician, id, "complaint-feedback", feedback()); // second handling needs a new form (issue 7.10)
        task(agent, id, "survey", survey(3, text("surveyComment")));
        task(supervisor, id, "follow-up-call", Map.of("summary", text("followUpSummary"), "cause", text("followUpCause"),
                "improvementPlan", text("improvementPlan")));
        task(supervisor, id, "complaint-feedback/review", Map.of("approve", true, "note", text("approvalNote")));
        task(supervisor, id, "archive", null);
        return id;
    }

    /** Refusals and malformed requests that name the offending input. */
    private void collectErrors(String id) {
        String unknownField = "{\"channel\":\"PHONE\",\"summary\":\"x\",\"" + PHONE + "\":\"" + EMAIL + "\"}";
        answeredWithoutPiiRights.put("unknown field", body(client().post().uri("/api/v1/tickets/" + id + "/customer-updates")
                .headers(h -> h.setBearerAuth(agent)).contentType(MediaType.APPLICATION_JSON).bodyValue(unknownField)
                .exchange().expectStatus().is4xxClientError().expectBody(byte[].class).returnResult()));
        String badEnum = "{\"channel\":\"" + EMAIL + "\",\"summary\":\"x\"}";
        answeredWithoutPiiRights.put("bad enum", body(client().post().uri("/api/v1/tickets/" + id + "/customer-updates")
                .headers(h -> h.setBearerAuth(agent)).contentType(MediaType.APPLICATION_JSON).bodyValue(badEnum)
                .exchange().expectStatus().is4xxClientError().expectBody(byte[].class).returnResult()));
        answeredWithoutPiiRights.put("archived", body(client().post().uri("/api/v1/tickets/" + id + "/customer-updates")
                .headers(h -> h.setBearerAuth(agent)).bodyValue(Map.of("channel", "PHONE", "summary", pii("late")))
                .exchange().expectStatus().isEqualTo(409).expectBody(byte[].class).returnResult()));
        answeredWithoutPiiRights.put("bad parameters", body(client().get()
                .uri("/api/v1/tickets?limit=" + PHONE + "&registeredFrom=" + ID_NUMBER + "&customer=" + PHONE)
                .headers(h -> h.setBearerAuth(agent)).exchange()
                .expectStatus().is4xxClientError().expectBody(byte[].class).returnResult()));
        answeredWithoutPiiRights.put("unknown ticket", body(client().get().uri("/api/v1/tickets/" + PHONE)
                .headers(h -> h.setBearerAuth(agent)).exchange()
                .expectStatus().isNotFound().expectBody(byte[].class).returnResult()));
    }

    @Test
    void no_response_shows_personal_data_to_callers_without_pii_reader_and_pii_readers_see_it_all() {
        String marker = "pii-walk-" + UUID.randomUUID();
        String id = walkEveryTask(marker);
        collectErrors(id);

        awaitSearchIndex();
        for (String reader : List.of(agent, auditor)) {
            answeredWithoutPiiRights.put("ticket", get(reader, "/api/v1/tickets/" + id));
            // searching by customer is for PII readers only: these find the ticket by its number
            String number = read(answeredWithoutPiiRights.get("ticket")).get("number").asText();
            answeredWithoutPiiRights.put("list", get(reader, "/api/v1/tickets?q=" + number));
            answeredWithoutPiiRights.put("timeline", get(reader, "/api/v1/tickets/" + id + "/timeline"));
            answeredWithoutPiiRights.forEach((what, body) -> assertThat(NEEDLES).as("%s: %s", what, body)
                    .noneMatch(body::contains));
        }
        String list = answeredWithoutPiiRights.get("list");
        assertThat(read(list).at("/items/0/id").asText()).as("the list shows the ticket").isEqualTo(id);
        JsonNode masked = read(answeredWithoutPiiRights.get("ticket"));
        assertThat(masked.at("/registration/customer/phone").asText()).isEqualTo("*******5678");
        assertThat(masked.at("/registration/customer/email").asText()).isEqualTo("**************.org");
        assertThat(masked.at("/registration/problem/occurredPlace").asText()).isEqualTo("***");
        assertThat(masked.at("/registration/customer/name").asText()).as("names are not masked").isEqualTo(marker);
        assertThat(masked.at("/handling/resolution/summary").asText())
                .isEqualTo("[secondResolution] call *******5678 or *******5678, mail **************.org, ID ***, "
                        + "home *** / ***, ***");

        String ticket = get(piiReader, "/api/v1/tickets/" + id);
        String timeline = get(piiReader, "/api/v1/tickets/" + id + "/timeline");
        assertThat(written).allSatisfy(text -> assertThat(ticket + timeline).as("a PII_READER reads %s", text)
                .contains(text));
        assertThat(timeline).as("plan and progress texts are in the process log")
                .contains(pii("permanentFix first"), pii("temporaryMeasure second"), pii("measure second"),
                        "[p1] " + PHONE, "[p3] " + STREET);
        assertThat(read(ticket).at("/registration/problem/occurredPlace").asText()).isEqualTo(HOME + ", " + STREET);
        assertThat(get(piiReader, "/api/v1/tickets?customer=" + marker)).contains(PHONE, EMAIL, ID_NUMBER, HOME);
    }
}
