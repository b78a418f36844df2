package com.aftersales.ticket.view;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftersales.infra.mongo.EmbeddedMongo;
import com.aftersales.ticket.Channel;
import com.aftersales.ticket.CustomerEmotion;
import com.aftersales.ticket.Registration;
import com.aftersales.ticket.TicketAcknowledged;
import com.aftersales.ticket.LifecycleEvents.AssignmentAccepted;
import com.aftersales.ticket.LifecycleEvents.CoHandlerAdded;
import com.aftersales.ticket.LifecycleEvents.InformationSupplied;
import com.aftersales.ticket.LifecycleEvents.TicketAssigned;
import com.aftersales.ticket.LifecycleEvents.TicketClassified;
import com.aftersales.ticket.LifecycleEvents.TicketMarked;
import com.aftersales.ticket.LifecycleEvents.TicketReassigned;
import com.aftersales.ticket.LifecycleEvents.TicketSentBack;
import com.aftersales.ticket.Mark;
import com.aftersales.ticket.Responsibility;
import com.aftersales.ticket.TicketOpened;
import com.aftersales.ticket.view.TicketQueries.FindTicket;
import com.aftersales.ticket.view.TicketQueries.TicketViewUpdated;
import com.aftersales.ticket.view.TicketQueries.WatchTicket;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.GenericSubscriptionQueryMessage;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.axonframework.queryhandling.SubscriptionQueryUpdateMessage;
import org.axonframework.queryhandling.UpdateHandlerRegistration;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class TicketViewProjectionTest {

    static final Instant AT = Instant.parse("2024-05-20T01:30:00Z");
    static EmbeddedMongo server;
    static MongoClient client;
    TicketViewStore store;
    TicketViewProjection projection;
    TicketQueryHandler queries;
    QueryUpdateEmitter emitter;

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
        store = new TicketViewStore(client.getDatabase("views_" + UUID.randomUUID().toString().replace("-", "")));
        queries = new TicketQueryHandler(store);
        emitter = SimpleQueryUpdateEmitter.builder().build();
        projection = new TicketViewProjection(store, new TicketViewUpdates(emitter, queries),
                new RebuildableReadModels(store, null));
    }

    static Registration registration(String model) {
        return new Registration(Channel.WEB_PORTAL, "repair", null,
                new Registration.Customer("科技有限公司", "张经理", "13800005678", "zhang@example.com", null, true),
                new Registration.Product(model, "SN-1", LocalDate.parse("2023-05-10"), new BigDecimal("12000.50")),
                new Registration.Problem("black screen and no sound after power-on", null, null, null, null, AT, null),
                List.of(new Registration.Attachment("故障照片.jpg", "image/jpeg", "files/1")), AT.plusSeconds(86400),
                CustomerEmotion.ANGRY);
    }

    private TicketView find(String tenant, String id) throws Exception {
        Optional<TicketView> view = queries.find(new FindTicket(tenant, id)).get();
        return view.orElse(null);
    }

    @Test
    void a_view_keeps_every_registration_field_exactly() throws Exception {
        projection.on(new TicketOpened("t1", "acme", "20240520001", registration("ABC-2000"), "li", AT), 0);

        TicketView view = find("acme", "t1");
        assertThat(view.registration()).isEqualTo(registration("ABC-2000"));
        assertThat(view.number()).isEqualTo("20240520001");
        assertThat(view.registeredAt()).isEqualTo(AT);
        assertThat(view.version()).isZero();
    }

    @Test
    void handling_an_event_twice_changes_nothing() throws Exception {
        TicketOpened opened = new TicketOpened("t1", "acme", "20240520001", registration("A"), "li", AT);
        TicketAcknowledged acknowledged = new TicketAcknowledged("t1", "20240520001", AT.plusSeconds(3600),
                Channel.PHONE, "li", AT.plusSeconds(60));
        projection.on(opened, 0);
        projection.on(acknowledged, 1, "acme");
        Document before = Mono.from(store.collection("acme").find().first()).block();

        projection.on(opened, 0);
        projection.on(acknowledged, 1, "acme");
        projection.on(new TicketAcknowledged("t1", "20240520001", AT, Channel.EMAIL, "x", AT), 1, "acme");

        Document after = Mono.from(store.collection("acme").find().first()).block();
        assertThat(after).isEqualTo(before);
        assertThat(find("acme", "t1").acknowledgement().channel()).isEqualTo(Channel.PHONE);
        assertThat(find("acme", "t1").version()).isEqualTo(1);
    }

    @Test
    void classification_marks_and_assignment_show_in_the_view() throws Exception {
        projection.on(new TicketOpened("t1", "acme", "20240520001", registration("A"), "li", AT), 0);
        projection.on(new TicketClassified("t1", "complaint", "urgent", Responsibility.THIRD_PARTY, "li", AT), 1, "acme");
        projection.on(new TicketMarked("t1", Set.of(Mark.VIP, Mark.BATCH), "li", AT), 2, "acme");
        projection.on(new TicketAssigned("t1", "technical", "wang", "li", AT), 3, "acme");
        projection.on(new CoHandlerAdded("t1", "liu", "sup", AT), 4, "acme");
        projection.on(new TicketSentBack("t1", "serial number", "wang", AT), 5, "acme");

        TicketView sentBack = find("acme", "t1");
        assertThat(sentBack.status()).isEqualTo("RETURNED_FOR_INFORMATION");
        assertThat(sentBack.assignment().sentBackFor()).isEqualTo("serial number");

        projection.on(new InformationSupplied("t1", "SN-1", "li", AT), 6, "acme");
        projection.on(new TicketReassigned("t1", "complaint-team", "liu", "complaint", "sup", AT), 7, "acme");
        projection.on(new AssignmentAccepted("t1", "liu", true, AT), 8, "acme");

        TicketView view = find("acme", "t1");
        assertThat(view.type()).isEqualTo("complaint");
        assertThat(view.priority()).isEqualTo("urgent");
        assertThat(view.responsibility()).isEqualTo(Responsibility.THIRD_PARTY);
        assertThat(view.marks()).containsExactlyInAnyOrder(Mark.VIP, Mark.BATCH);
        assertThat(view.assignment()).isEqualTo(new TicketView.Assignment("complaint-team", "liu", List.of(), null));
        assertThat(view.status()).isEqualTo("IN_PROGRESS");
        assertThat(view.version()).isEqualTo(8);
    }

    @Test
    void each_version_written_is_announced_to_watchers_of_that_tenant_and_ticket_only() {
        var watcher = watch("acme", "t1");
        var otherTenant = watch("nimbus", "t1");
        var otherTicket = watch("acme", "t2");
        TicketAcknowledged acknowledged = new TicketAcknowledged("t1", "20240520001", AT, Channel.PHONE, "li", AT);

        projection.on(new TicketOpened("t1", "acme", "20240520001", registration("A"), "li", AT), 0);
        projection.on(acknowledged, 1, "acme");
        projection.on(acknowledged, 1, "acme"); // redelivered: nothing written, nothing announced
        projection.on(new TicketClassified("t1", "repair", "low", null, "li", AT), 2, "nimbus");

        emitter.complete(WatchTicket.class, watch -> true);
        assertThat(announced(watcher)).containsExactly(new TicketViewUpdated("acme", "t1", 0),
                new TicketViewUpdated("acme", "t1", 1));
        assertThat(announced(otherTenant)).isEmpty();
        assertThat(announced(otherTicket)).isEmpty();
    }

    private UpdateHandlerRegistration<TicketViewUpdated> watch(String tenant, String ticketId) {
        return emitter.registerUpdateHandler(new GenericSubscriptionQueryMessage<>(new WatchTicket(tenant, ticketId),
                ResponseTypes.optionalInstanceOf(TicketView.class), ResponseTypes.instanceOf(TicketViewUpdated.class)), 16);
    }

    private static List<TicketViewUpdated> announced(UpdateHandlerRegistration<TicketViewUpdated> registration) {
        return registration.getUpdates().map(SubscriptionQueryUpdateMessage::getPayload)
                .collectList().block(java.time.Duration.ofSeconds(5));
    }

    @Test
    void a_tenant_never_reads_another_tenants_views() throws Exception {
        projection.on(new TicketOpened("t1", "acme", "20240520001", registration("A"), "li", AT), 0);

        assertThat(find("nimbus", "t1")).isNull();
        assertThat(store.views("nimbus", List.of("t1")).block()).isEmpty();
        assertThat(store.views("acme", List.of("t1", "t9")).block()).extracting(TicketView::id).containsExactly("t1");
    }
}
