package com.aftersales.ticket.view;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.bson.Document;

/**
 * What the read side shows of a ticket whose personal data was erased or disposed of (issue 13):
 * the customer's and contact's name, phone, email and id, the problem in the customer's words, the
 * place, the serial number, the attachments and the customer's own notes read {@link #ERASED};
 * the type, priority, status, times and every figure stay for the statistics.
 */
public final class PersonalFields {

    public static final String ERASED = "[erased]";
    /** Set on a view whose personal data was erased or disposed of (not part of {@code TicketView}). */
    static final String ERASED_FLAG = "personalDataErased";

    private static final Map<String, List<String>> REGISTRATION = Map.of(
            "customer", List.of("name", "contactPerson", "phone", "email", "customerId"),
            "problem", List.of("description", "symptom", "frequency", "impactScope", "alreadyTried", "occurredPlace"),
            "product", List.of("serialNumber"));

    /** Process log details that are codes, ids or times, never personal data: kept. */
    private static final Set<String> LOG_CODES = Set.of("number", "channel", "direction", "method", "type", "priority",
            "responsibility", "status", "clockId", "metric", "to", "approvalBy", "outcome", "rootCause",
            "satisfaction", "customerSatisfaction", "by", "marks", "batchId", "department", "assigneeId",
            "handlerId", "step", "level", "reason_code", "configurationVersion");
    private static final Pattern TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}([T ].*)?");

    private PersonalFields() {
    }

    /** Erases the personal fields of a ticket view document, in place; absent fields stay absent. */
    static void eraseView(Document view) {
        if (view.get("registration") instanceof Document registration) {
            REGISTRATION.forEach((part, fields) -> erase(registration.get(part), fields));
            if (registration.get("attachments") instanceof List<?> attachments && !attachments.isEmpty()) {
                registration.put("attachments", List.of());
            }
        }
        view.put(ERASED_FLAG, true);
        erase(view.get("assignment"), List.of("sentBackFor"));
        if (view.get("handling") instanceof Document handling) {
            erase(handling.get("lastCustomerUpdate"), List.of("summary"));
            erase(handling.get("survey"), List.of("comment"));
        }
    }

    /** Erases every text of a process log entry's details that is not a code, an id or a time. */
    static Document eraseDetails(Document details) {
        Document erased = new Document();
        details.forEach((key, value) -> erased.put(key, eraseValue(key, value)));
        return erased;
    }

    private static Object eraseValue(String key, Object value) {
        if (value instanceof Document nested) {
            return eraseDetails(nested);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(item -> eraseValue(key, item)).toList();
        }
        if (value instanceof String text && !LOG_CODES.contains(key) && !TIME.matcher(text).matches()) {
            return ERASED;
        }
        return value;
    }

    private static void erase(Object part, List<String> fields) {
        if (part instanceof Document document) {
            fields.stream().filter(field -> document.get(field) != null).forEach(field -> document.put(field, ERASED));
        }
    }
}
