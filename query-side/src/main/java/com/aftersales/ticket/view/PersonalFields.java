package com.aftersales.ticket.view;

import com.aftersales.infra.privacy.PersonalField;
import com.aftersales.ticket.ComplaintEvents.ComplaintFeedbackApproved;
import com.aftersales.ticket.ComplaintEvents.ComplaintFeedbackSentBack;
import com.aftersales.ticket.ComplaintEvents.ComplaintFeedbackSubmitted;
import com.aftersales.ticket.HandlingEvents.CustomerUpdated;
import com.aftersales.ticket.HandlingEvents.PlanProposed;
import com.aftersales.ticket.HandlingEvents.ProgressSet;
import com.aftersales.ticket.HandlingEvents.SurveyRecorded;
import com.aftersales.ticket.HandlingEvents.TicketResolved;
import com.aftersales.ticket.LifecycleEvents.TicketSentBack;
import com.aftersales.ticket.Registration;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.bson.Document;

/**
 * What the read side shows of a ticket whose personal data was erased or disposed of (issue 13).
 * <p>
 * The one source of what is personal is {@link PersonalField} on the command side's event records,
 * which the event store encrypts: the registration's personal fields are read from
 * {@link Registration} by reflection (the view keeps the registration as it is), and every other
 * view field names the event component it shows ({@link #SHOWN}); a field is erased when that
 * component is personal. Staff free texts (progress, resolution, plans, complaint texts) are not
 * encrypted in the events but often speak of the customer: the view erases them too ({@link #STAFF_TEXTS}).
 * The type, priority, status, times, codes and every figure stay for the statistics.
 */
public final class PersonalFields {

    public static final String ERASED = PersonalField.ERASED;
    /** Set on a view whose personal data was erased or disposed of (not part of {@code TicketView}). */
    static final String ERASED_FLAG = "personalDataErased";

    /** Event components shown in view fields other than the registration, with the view's path. */
    static final List<Shown> SHOWN = shown();
    /** Staff texts shown in the view: not encrypted in events, erased in the view all the same. */
    static final Set<String> STAFF_TEXTS = Set.of("handling.progress", "handling.resolution.summary",
            "handling.plan.temporaryMeasure", "handling.plan.permanentFix", "handling.plan.measures",
            "handling.complaint.improvements", "handling.complaint.reviewNote", "assignment.sentBackFor",
            "registration.problem.frequency", "registration.product.serialNumber");
    /** Every path of a view that is erased: the registration's and shown personal fields, and the staff texts. */
    static final List<String> ERASED_PATHS = erasedPaths();

    /** Process log details that are codes, ids or times, never personal data: kept. */
    private static final Set<String> LOG_CODES = Set.of("number", "channel", "direction", "method", "type", "priority",
            "responsibility", "status", "clockId", "metric", "to", "approvalBy", "outcome", "rootCause",
            "satisfaction", "customerSatisfaction", "by", "marks", "batchId", "department", "assigneeId",
            "handlerId", "step", "level", "reason_code", "configurationVersion");
    private static final Pattern TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}([T ].*)?");

    private PersonalFields() {
    }

    /** A component of an event record, checked to exist when this class loads. */
    record Component(Class<? extends Record> event, String name) {
        Component {
            String wanted = name;
            if (Arrays.stream(event.getRecordComponents()).noneMatch(c -> c.getName().equals(wanted))) {
                throw new IllegalStateException(event.getSimpleName() + " has no component " + name);
            }
        }

        boolean personal() {
            return Arrays.stream(event.getRecordComponents())
                    .anyMatch(c -> c.getName().equals(name) && c.isAnnotationPresent(PersonalField.class));
        }
    }

    /** The view field at {@code path} shows the event component {@code source}. */
    record Shown(String path, Component source) {
    }

    private static List<Shown> shown() {
        Map<String, Component> shown = new LinkedHashMap<>();
        shown.put("handling.lastCustomerUpdate.summary", new Component(CustomerUpdated.class, "summary"));
        shown.put("handling.survey.comment", new Component(SurveyRecorded.class, "comment"));
        shown.put("handling.progress", new Component(ProgressSet.class, "progress"));
        shown.put("handling.resolution.summary", new Component(TicketResolved.class, "resolution"));
        shown.put("handling.plan.temporaryMeasure", new Component(PlanProposed.class, "temporaryMeasure"));
        shown.put("handling.plan.permanentFix", new Component(PlanProposed.class, "permanentFix"));
        shown.put("handling.plan.measures", new Component(PlanProposed.class, "measures"));
        shown.put("handling.complaint.improvements", new Component(ComplaintFeedbackSubmitted.class, "improvements"));
        shown.put("handling.complaint.reviewNote", new Component(ComplaintFeedbackApproved.class, "note"));
        shown.put("assignment.sentBackFor", new Component(TicketSentBack.class, "missing"));
        List<Shown> all = new ArrayList<>();
        shown.forEach((path, source) -> all.add(new Shown(path, source)));
        all.add(new Shown("handling.complaint.reviewNote", new Component(ComplaintFeedbackSentBack.class, "note")));
        return List.copyOf(all);
    }

    private static List<String> erasedPaths() {
        List<String> paths = new ArrayList<>(personalPaths("registration", Registration.class));
        SHOWN.stream().filter(shown -> shown.source().personal() && !paths.contains(shown.path()))
                .forEach(shown -> paths.add(shown.path()));
        STAFF_TEXTS.stream().filter(path -> !paths.contains(path)).forEach(paths::add);
        return List.copyOf(paths);
    }

    /** The paths of {@code type}'s personal fields under {@code prefix}, into nested records and lists of them. */
    static List<String> personalPaths(String prefix, Class<?> type) {
        List<String> paths = new ArrayList<>();
        for (RecordComponent component : type.getRecordComponents()) {
            String path = prefix + "." + component.getName();
            Class<?> nested = component.getType();
            if (List.class.equals(nested) && component.getGenericType() instanceof ParameterizedType list
                    && list.getActualTypeArguments()[0] instanceof Class<?> element) {
                nested = element;
            }
            if (component.isAnnotationPresent(PersonalField.class)) {
                paths.add(path);
            } else if (nested.isRecord()) {
                paths.addAll(personalPaths(path, nested));
            }
        }
        return paths;
    }

    /** Erases the personal fields of a ticket view document, in place; absent fields stay absent. */
    static void eraseView(Document view) {
        ERASED_PATHS.forEach(path -> erase(view, path.split("\\."), 0));
        view.put(ERASED_FLAG, true);
    }

    /** Follows {@code path} through documents and lists of documents; a text or list of texts there is erased. */
    private static void erase(Object part, String[] path, int at) {
        if (part instanceof List<?> list) {
            list.forEach(element -> erase(element, path, at));
            return;
        }
        if (!(part instanceof Document document) || document.get(path[at]) == null) {
            return;
        }
        if (at < path.length - 1) {
            erase(document.get(path[at]), path, at + 1);
        } else if (document.get(path[at]) instanceof List<?> texts) {
            document.put(path[at], texts.stream().map(text -> text instanceof String ? ERASED : text).toList());
        } else {
            document.put(path[at], ERASED);
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
}
