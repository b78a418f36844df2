package com.aftersales.ticket.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aftersales.infra.mongo.EmbeddedMongo;
import com.aftersales.infra.privacy.PersonalField;
import com.aftersales.infra.tenancy.CallerMetaData;
import com.aftersales.privacy.PrivacyEvents.DataSubjectErased;
import com.aftersales.privacy.PrivacyEvents.TicketPersonalDataDisposed;
import com.aftersales.ticket.ComplaintEvents;
import com.aftersales.ticket.HandlingEvents;
import com.aftersales.ticket.HandlingEvents.ProgressSet;
import com.aftersales.ticket.LifecycleEvents;
import com.aftersales.ticket.Registration;
import com.aftersales.ticket.TicketOpened;
import com.aftersales.ticket.view.TicketQueries.FindTicketAsOf;
import com.mongodb.client.model.Filters;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Issue 13 review findings 3 and 4: after an erasure, the phone written into every personal field
 * and every free text of every ticket event appears nowhere in the view or the process log; the
 * erased fields follow the {@link PersonalField} annotations; a later or retried event cannot bring
 * the text back; a missing view or log throws instead of skipping.
 */
public class ReadSideErasureTest {

    public static final String PHONE = "13912345678";
    static final String TENANT = "acme";
    static final Instant AT = Instant.parse("2024-05-20T01:30:00Z");
    /** Ids, staff and codes (a compensation's form: cash, voucher…): not free text, never personal. */
    static final Set<String> NOT_TEXT = Set.of("ticketId", "tenantId", "by", "department", "assigneeId", "handlerId",
            "type", "priority", "approvalBy", "batchId", "number", "registrar", "model", "clockId", "contentType",
            "part", "subjectId", "acknowledgedBy", "form");
    static final List<Class<?>> EVENT_HOLDERS = List.of(LifecycleEvents.class, HandlingEvents.class,
            ComplaintEvents.class);

    /** Applied after the others, in this order: each clears or needs what another one sets. */
    static final List<Class<?>> LAST = List.of(LifecycleEvents.InformationSupplied.class,
            ComplaintEvents.ComplaintFeedbackSubmitted.class, ComplaintEvents.ComplaintFeedbackSentBack.class);

    static EmbeddedMongo server;
    static MongoClient client;
    TicketViewStore store;
    AnnotationEventHandlerAdapter views;
    AnnotationEventHandlerAdapter timeline;

    @BeforeAll
    static void start() {
        server = EmbeddedMongo.inMemory(0);
        client = MongoClients.create(server.connectionString());
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    @BeforeEach
    void freshDatabase() {
        store = new TicketViewStore(client.getDatabase("erasure_" + UUID.randomUUID().toString().replace("-", "")));
        TicketQueryHandler queries = new TicketQueryHandler(store);
        RebuildableReadModels readModels = new RebuildableReadModels(store, null);
        views = new AnnotationEventHandlerAdapter(new TicketViewProjection(store,
                new TicketViewUpdates(SimpleQueryUpdateEmitter.builder().build(), queries), readModels));
        timeline = new AnnotationEventHandlerAdapter(new TicketTimelineProjection(store, readModels));
    }

    @Test
    void the_erased_view_paths_are_the_annotated_fields_of_the_registration_and_of_the_events_shown() {
        assertThat(PersonalFields.ERASED_PATHS).containsAll(PersonalFields.personalPaths("registration",
                Registration.class));
        assertThat(PersonalFields.ERASED_PATHS).contains("registration.customer.phone",
                "registration.attachments.uri", "handling.lastCustomerUpdate.summary", "handling.survey.comment");
        PersonalFields.SHOWN.stream().filter(shown -> shown.source().personal())
                .forEach(shown -> assertThat(PersonalFields.ERASED_PATHS).contains(shown.path()));
        PersonalFields.STAFF_TEXTS.forEach(path -> assertThat(PersonalFields.ERASED_PATHS).contains(path));
    }

    @Test
    void the_phone_in_every_free_text_of_every_event_appears_nowhere_after_a_disposal() throws Exception {
        List<Object> events = everyTicketEvent("t1");
        long sequence = 0;
        for (Object event : events) {
            handle(event, "t1", sequence++);
        }
        assertThat(viewJson("t1")).as("the test writes the phone where the view shows it").contains(PHONE);
        for (String path : PersonalFields.ERASED_PATHS) {
            if (!path.startsWith("registration.")) {
                assertThat(value(view("t1"), path)).as(path + " holds the phone before the erasure").isNotNull();
            }
        }
        handle(new TicketPersonalDataDisposed("t1", AT, "retention", AT), "t1", sequence++);

        assertThat(viewJson("t1")).doesNotContain(PHONE).contains(PersonalField.ERASED);
        assertThat(timelineJson("t1", sequence)).doesNotContain(PHONE);
        assertThat(view("t1").get("product", Document.class)).isNull();
        assertThat(value(view("t1"), "registration.product.model")).isEqualTo("ABC-2000");
        assertThat(value(view("t1"), "status")).isNotNull();
    }

    @Test
    void every_event_with_a_personal_field_is_in_the_erasure_test() {
        List<Class<?>> fed = everyTicketEvent("t1").stream().<Class<?>>map(Object::getClass).toList();
        Stream.concat(Stream.of(TicketOpened.class), EVENT_HOLDERS.stream()
                        .flatMap(holder -> Arrays.stream(holder.getDeclaredClasses())))
                .filter(Class::isRecord)
                .filter(type -> Arrays.stream(type.getRecordComponents()).anyMatch(ReadSideErasureTest::personal))
                .forEach(type -> assertThat(fed).as(type.getSimpleName()).contains(type));
    }

    @Test
    void a_later_or_retried_event_of_an_erased_ticket_does_not_bring_its_text_back() throws Exception {
        List<Object> events = everyTicketEvent("t2");
        long sequence = 0;
        for (Object event : events) {
            handle(event, "t2", sequence++);
        }
        handle(new DataSubjectErased("s1", TENANT, "asked", List.of("t2"), "admin", AT), null, -1);
        assertThat(viewJson("t2")).doesNotContain(PHONE);

        // the ticket's later events (one retried from a dead letter, or applied late by a lagging segment)
        handle(new ProgressSet("t2", "called back on " + PHONE, "tech", AT), "t2", sequence++);
        handle(instance(HandlingEvents.PlanProposed.class, "t2"), "t2", sequence++);
        handle(instance(LifecycleEvents.TicketSentBack.class, "t2"), "t2", sequence++);

        assertThat(viewJson("t2")).doesNotContain(PHONE);
        assertThat(((Number) view("t2").get("version")).longValue()).isEqualTo(sequence - 1);
        assertThat(timelineJson("t2", sequence)).doesNotContain(PHONE);
        assertThat(Flux.from(store.timeline(TENANT).find(Filters.eq("_id", "t2/" + (sequence - 1)))).blockFirst())
                .as("the late entry is written").isNotNull();
    }

    @Test
    void an_erasure_of_a_ticket_without_a_view_or_log_throws_so_that_it_is_dead_lettered() {
        DataSubjectErased erased = new DataSubjectErased("s1", TENANT, "asked", List.of("missing"), "admin", AT);
        assertThatThrownBy(() -> views.handle(GenericEventMessage.asEventMessage(erased)))
                .hasMessageContaining("missing");
        assertThatThrownBy(() -> timeline.handle(GenericEventMessage.asEventMessage(erased)))
                .hasMessageContaining("missing");
    }

    /** Review finding 8d: a rebuild empties the views (reset), yet a ticket as of a past instant stays erased. */
    @Test
    void a_ticket_as_of_a_past_instant_stays_erased_while_its_view_is_being_rebuilt() throws Exception {
        EmbeddedEventStore events = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        List<Object> payloads = everyTicketEvent("t3");
        long sequence = 0;
        for (Object payload : payloads) {
            events.publish(new GenericDomainEventMessage<>("Ticket", "t3", sequence, payload,
                    MetaData.with(CallerMetaData.TENANT, TENANT)));
            handle(payload, "t3", sequence++);
        }
        TicketAsOf asOf = new TicketAsOf(events, store);
        FindTicketAsOf query = new FindTicketAsOf(TENANT, "t3", null, 0L);
        assertThat(asOf.find(query).orElseThrow().registration().customer().phone())
                .as("the positive control").contains(PHONE);

        handle(new DataSubjectErased("s1", TENANT, "asked", List.of("t3"), "admin", AT), null, -1);
        Mono.from(store.collection(TENANT).deleteMany(new Document())).block(); // a rebuild's reset, replay pending

        TicketView past = asOf.find(query).orElseThrow();
        assertThat(past.registration().customer().phone()).isEqualTo(PersonalField.ERASED);
        assertThat(store.toDocument(past).toJson()).doesNotContain(PHONE);
        events.shutDown();
    }

    private void handle(Object payload, String ticketId, long sequence) throws Exception {
        EventMessage<?> message = ticketId == null ? GenericEventMessage.asEventMessage(payload)
                : new GenericDomainEventMessage<>("Ticket", ticketId, sequence, payload,
                MetaData.with(CallerMetaData.TENANT, TENANT).and(CallerMetaData.ACTOR, "tech"));
        views.handle(message);
        timeline.handle(message);
    }

    private Document view(String ticketId) {
        return Mono.from(store.collection(TENANT).find(Filters.eq("_id", ticketId)).first()).block();
    }

    private String viewJson(String ticketId) {
        return view(ticketId).toJson();
    }

    private String timelineJson(String ticketId, long upTo) {
        List<String> keys = new ArrayList<>();
        for (long sequence = 0; sequence < upTo; sequence++) {
            keys.add(TicketTimelineProjection.key(ticketId, sequence));
        }
        List<Document> entries = Flux.from(store.timeline(TENANT).find(Filters.in("_id", keys))).collectList().block();
        assertThat(entries).hasSize((int) upTo);
        return entries.toString();
    }

    private static Object value(Document document, String path) {
        Object current = document;
        for (String field : path.split("\\.")) {
            if (current instanceof List<?> list) {
                current = list.isEmpty() ? null : list.get(0);
            }
            if (!(current instanceof Document part)) {
                return null;
            }
            current = part.get(field);
        }
        return current;
    }

    /** Every event record of a ticket, the phone in each of its free texts, the registration first. */
    public static List<Object> everyTicketEvent(String ticketId) {
        List<Object> events = new ArrayList<>();
        events.add(new TicketOpened(ticketId, TENANT, "20240520001", instance(Registration.class, ticketId),
                "registrar", AT));
        EVENT_HOLDERS.stream().flatMap(holder -> Arrays.stream(holder.getDeclaredClasses()))
                .filter(Class::isRecord)
                .filter(type -> !LAST.contains(type))
                .forEach(type -> events.add(instance(type, ticketId)));
        LAST.forEach(type -> events.add(instance(type, ticketId)));
        events.add(instance(LifecycleEvents.TicketSentBack.class, ticketId));
        return events;
    }

    private static boolean personal(RecordComponent component) {
        return component.isAnnotationPresent(PersonalField.class);
    }

    @SuppressWarnings("unchecked")
    static <T> T instance(Class<T> type, String ticketId) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            values[i] = value(components[i], ticketId);
        }
        try {
            Constructor<T> constructor = type.getDeclaredConstructor(Arrays.stream(components)
                    .map(RecordComponent::getType).toArray(Class<?>[]::new));
            return constructor.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(type.getName(), e);
        }
    }

    private static Object value(RecordComponent component, String ticketId) {
        String name = component.getName();
        if (component.getType() == String.class) {
            return switch (name) {
                case "ticketId" -> ticketId;
                case "tenantId" -> TENANT;
                case "model" -> "ABC-2000";
                default -> NOT_TEXT.contains(name) && !personal(component) ? "staff-1" : "call " + PHONE;
            };
        }
        return value(component.getType(), component.getGenericType(), ticketId);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object value(Class<?> type, Type generic, String ticketId) {
        if (type == String.class) {
            return "call " + PHONE;
        }
        if (type.isRecord()) {
            return instance(type, ticketId);
        }
        if (type.isEnum()) {
            return type.getEnumConstants()[0];
        }
        if (type == List.class || type == Set.class) {
            Type element = ((ParameterizedType) generic).getActualTypeArguments()[0];
            Object one = value((Class<?>) element, element, ticketId);
            return type == List.class ? List.of(one) : Set.of(one);
        }
        if (type == Instant.class) {
            return AT;
        }
        if (type == LocalDate.class) {
            return LocalDate.parse("2023-05-10");
        }
        if (type == BigDecimal.class) {
            return BigDecimal.TEN;
        }
        if (type == int.class || type == Integer.class) {
            return 3;
        }
        if (type == long.class || type == Long.class) {
            return 1L;
        }
        if (type == boolean.class || type == Boolean.class) {
            return Boolean.TRUE;
        }
        throw new IllegalStateException("No test value for " + type);
    }
}
