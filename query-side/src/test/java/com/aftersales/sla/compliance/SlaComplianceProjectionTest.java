package com.aftersales.sla.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aftersales.infra.mongo.EmbeddedMongo;
import com.aftersales.infra.tenancy.CallerMetaData;
import com.aftersales.infra.tenancy.TenantDirectory;
import com.aftersales.infra.tenancy.TenantProperties;
import com.aftersales.sla.SlaClockEvents.SlaClockBreached;
import com.aftersales.sla.SlaClockEvents.SlaClockFulfilled;
import com.aftersales.sla.SlaClockEvents.SlaClockRetargeted;
import com.aftersales.sla.SlaClockEvents.SlaClockStarted;
import com.aftersales.sla.SlaMetric;
import com.aftersales.sla.SlaTarget;
import com.aftersales.sla.compliance.SlaComplianceQueries.ComplianceRow;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The compliance counts from clock facts: buckets, outcomes, redelivery, a crash mid-way, a replay. */
class SlaComplianceProjectionTest {

    /** 2026-11-01 01:00 in Shanghai, still October in UTC. */
    static final Instant NOVEMBER_FIRST = Instant.parse("2026-10-31T17:00:00Z");
    static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

    static EmbeddedMongo server;
    static MongoClient client;
    MongoDatabase database;
    SlaComplianceStore store;
    AnnotationEventHandlerAdapter handlers;
    final List<Object[]> stream = new ArrayList<>();

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
        database = client.getDatabase("sla_" + UUID.randomUUID().toString().replace("-", ""));
        use(new SlaComplianceStore(database));
    }

    private void use(SlaComplianceStore newStore) {
        store = newStore;
        handlers = new AnnotationEventHandlerAdapter(new SlaComplianceProjection(store, tenants()));
    }

    static TenantDirectory tenants() {
        TenantProperties properties = new TenantProperties();
        for (String id : List.of("acme", "nimbus")) {
            TenantProperties.Tenant tenant = new TenantProperties.Tenant();
            tenant.setName(id);
            tenant.setTimeZone(ZoneId.of("Asia/Shanghai"));
            properties.getTenants().put(id, tenant);
        }
        return new TenantDirectory(properties);
    }

    /** Records the event in the stream and delivers it. */
    private void deliver(String tenant, String ticket, long sequence, Object payload) {
        stream.add(new Object[] {tenant, ticket, sequence, payload});
        handle(tenant, ticket, sequence, payload);
    }

    private void handle(String tenant, String ticket, long sequence, Object payload) {
        try {
            handlers.handle(new GenericDomainEventMessage<>("Ticket", ticket, sequence, payload,
                    MetaData.with(CallerMetaData.TENANT, tenant)));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void redeliverAll() {
        stream.forEach(event -> handle((String) event[0], (String) event[1], (long) event[2], event[3]));
    }

    static SlaClockStarted started(String ticket, String clock, SlaMetric metric, String priority, Instant at) {
        return new SlaClockStarted(ticket, clock, metric, priority, SlaTarget.calendar(Duration.ofHours(24)), 80, at,
                "cn-1", at.plus(Duration.ofHours(24)), at.plus(Duration.ofHours(19)));
    }

    static SlaClockFulfilled fulfilled(String ticket, String clock, boolean met) {
        return new SlaClockFulfilled(ticket, clock, NOVEMBER_FIRST.plusSeconds(3600), met, Duration.ofHours(1), "cn-1");
    }

    static SlaClockBreached breached(String ticket, String clock) {
        return new SlaClockBreached(ticket, clock, NOVEMBER_FIRST.plus(Duration.ofHours(24)),
                NOVEMBER_FIRST.plus(Duration.ofHours(24)), "cn-1");
    }

    private List<ComplianceRow> rows(String tenant) {
        return store.rows(tenant, NOVEMBER.minusMonths(1), NOVEMBER);
    }

    /** Five acme clocks in November (Shanghai) and one in October; one nimbus clock. */
    private void history() {
        deliver("acme", "t1", 1, started("t1", "FIRST_RESPONSE#1", SlaMetric.FIRST_RESPONSE, "urgent", NOVEMBER_FIRST));
        deliver("acme", "t1", 2, started("t1", "RESOLUTION#1", SlaMetric.RESOLUTION, "urgent", NOVEMBER_FIRST));
        deliver("acme", "t1", 3, fulfilled("t1", "FIRST_RESPONSE#1", true));
        deliver("acme", "t2", 1, started("t2", "FIRST_RESPONSE#1", SlaMetric.FIRST_RESPONSE, "urgent", NOVEMBER_FIRST));
        deliver("acme", "t2", 2, breached("t2", "FIRST_RESPONSE#1"));
        deliver("acme", "t2", 3, fulfilled("t2", "FIRST_RESPONSE#1", false));
        deliver("acme", "t3", 1, started("t3", "FIRST_RESPONSE#1", SlaMetric.FIRST_RESPONSE, "normal", NOVEMBER_FIRST));
        deliver("acme", "t3", 2, fulfilled("t3", "FIRST_RESPONSE#1", false));
        deliver("acme", "t4", 1, started("t4", "FIRST_RESPONSE#1", SlaMetric.FIRST_RESPONSE, "normal", NOVEMBER_FIRST));
        deliver("acme", "t4", 2, new SlaClockRetargeted("t4", "FIRST_RESPONSE#1", "urgent",
                SlaTarget.calendar(Duration.ofHours(24)), 80, NOVEMBER_FIRST, "cn-1", null, null));
        deliver("acme", "t0", 1, started("t0", "FIRST_RESPONSE#1", SlaMetric.FIRST_RESPONSE, "urgent",
                NOVEMBER_FIRST.minus(Duration.ofHours(2)))); // 10-31 23:00 in Shanghai
        deliver("nimbus", "n1", 1, started("n1", "FIRST_RESPONSE#1", SlaMetric.FIRST_RESPONSE, "P0", NOVEMBER_FIRST));
    }

    private static final List<ComplianceRow> ACME = List.of(
            new ComplianceRow("2026-10", "urgent", "FIRST_RESPONSE", 0, 0, 1),
            new ComplianceRow("2026-11", "normal", "FIRST_RESPONSE", 0, 1, 0),
            new ComplianceRow("2026-11", "urgent", "FIRST_RESPONSE", 1, 1, 1),
            new ComplianceRow("2026-11", "urgent", "RESOLUTION", 0, 0, 1));

    @Test
    void each_clock_counts_once_in_the_month_it_started_in_the_tenants_zone_at_its_current_level() {
        history();

        assertThat(rows("nimbus")).as("the positive control")
                .containsExactly(new ComplianceRow("2026-11", "P0", "FIRST_RESPONSE", 0, 0, 1));
        assertThat(rows("acme")).as("met; breached, also when fulfilled late; running; re-targeted to urgent")
                .containsExactlyElementsOf(ACME);
        assertThat(store.rows("acme", YearMonth.of(2026, 12), YearMonth.of(2026, 12))).isEmpty();
    }

    @Test
    void the_escalation_clock_counts_in_its_own_rows_beside_first_response_and_resolution() {
        deliver("acme", "t1", 1, started("t1", "RESOLUTION#1", SlaMetric.RESOLUTION, "urgent", NOVEMBER_FIRST));
        deliver("acme", "t1", 2, started("t1", "ESCALATION#1", SlaMetric.ESCALATION, "urgent", NOVEMBER_FIRST));
        deliver("acme", "t2", 1, started("t2", "ESCALATION#1", SlaMetric.ESCALATION, "urgent", NOVEMBER_FIRST));
        deliver("acme", "t2", 2, breached("t2", "ESCALATION#1"));
        deliver("acme", "t1", 3, fulfilled("t1", "ESCALATION#1", true));
        deliver("acme", "t1", 4, fulfilled("t1", "RESOLUTION#1", true));

        assertThat(rows("acme")).containsExactly(
                new ComplianceRow("2026-11", "urgent", "ESCALATION", 1, 1, 0),
                new ComplianceRow("2026-11", "urgent", "RESOLUTION", 1, 0, 0));
    }

    @Test
    void facts_delivered_again_change_nothing() {
        history();
        redeliverAll();
        redeliverAll();
        assertThat(rows("acme")).containsExactlyElementsOf(ACME);
        assertThat(inFlight()).isEmpty();
    }

    @Test
    void a_crash_after_the_counts_moved_and_before_the_clock_was_stored_counts_once_when_delivered_again() {
        deliver("acme", "t1", 1, started("t1", "FIRST_RESPONSE#1", SlaMetric.FIRST_RESPONSE, "urgent", NOVEMBER_FIRST));
        SlaComplianceStore healthy = store;
        use(new SlaComplianceStore(database) {
            @Override
            void store(Document clock) {
                throw new IllegalStateException("crash");
            }
        });
        assertThatThrownBy(() -> deliver("acme", "t1", 2, breached("t1", "FIRST_RESPONSE#1")))
                .hasMessageContaining("crash");
        use(healthy);
        redeliverAll();

        assertThat(rows("acme")).containsExactly(new ComplianceRow("2026-11", "urgent", "FIRST_RESPONSE", 0, 1, 0));
    }

    @Test
    void a_move_that_failed_half_way_counts_once_when_retried_after_many_other_changes_of_its_rows() {
        deliver("acme", "t1", 1, started("t1", "FIRST_RESPONSE#1", SlaMetric.FIRST_RESPONSE, "normal", NOVEMBER_FIRST));
        SlaComplianceStore healthy = store;
        use(new SlaComplianceStore(database) {
            @Override
            void increment(String tenantId, CountedClock clock, int delta, String change) {
                if (delta > 0) {
                    throw new IllegalStateException("step-down");
                }
                super.increment(tenantId, clock, delta, change);
            }
        });
        SlaClockRetargeted raised = new SlaClockRetargeted("t1", "FIRST_RESPONSE#1", "urgent",
                SlaTarget.calendar(Duration.ofHours(4)), 80, NOVEMBER_FIRST, "cn-1", null, null);
        assertThatThrownBy(() -> handle("acme", "t1", 2, raised)).hasMessageContaining("step-down");
        use(healthy);
        for (int i = 0; i < 300; i++) { // the row of the failed move changes many times before the retry
            deliver("acme", "o" + i, 1, started("o" + i, "FIRST_RESPONSE#1", SlaMetric.FIRST_RESPONSE, "normal", NOVEMBER_FIRST));
        }
        deliver("acme", "t1", 2, raised); // the retry, from the dead-letter queue
        redeliverAll();

        assertThat(rows("acme")).containsExactly(
                new ComplianceRow("2026-11", "normal", "FIRST_RESPONSE", 0, 0, 300),
                new ComplianceRow("2026-11", "urgent", "FIRST_RESPONSE", 0, 0, 1));
        assertThat(inFlight()).as("every move settled: no markers left").isEmpty();
    }

    @Test
    void a_failure_after_the_clock_was_stored_leaves_no_marker_once_the_fact_is_retried() {
        deliver("acme", "t1", 1, started("t1", "FIRST_RESPONSE#1", SlaMetric.FIRST_RESPONSE, "urgent", NOVEMBER_FIRST));
        SlaComplianceStore healthy = store;
        use(new SlaComplianceStore(database) {
            @Override
            void settle(String key, long sequence, java.util.Collection<String> touched) {
                throw new IllegalStateException("crash");
            }
        });
        assertThatThrownBy(() -> deliver("acme", "t1", 2, breached("t1", "FIRST_RESPONSE#1")))
                .hasMessageContaining("crash");
        assertThat(inFlight()).as("the failed move's markers are still in flight").hasSize(2);
        use(healthy);
        redeliverAll();

        assertThat(rows("acme")).containsExactly(new ComplianceRow("2026-11", "urgent", "FIRST_RESPONSE", 0, 1, 0));
        assertThat(inFlight()).isEmpty();
    }

    @Test
    void a_fact_of_a_tenant_not_known_here_yet_fails_rather_than_being_counted_in_utc() {
        assertThatThrownBy(() -> deliver("orbit", "x1", 1,
                started("x1", "FIRST_RESPONSE#1", SlaMetric.FIRST_RESPONSE, "urgent", NOVEMBER_FIRST)))
                .hasMessageContaining("not known here yet");
        assertThat(store.rows("orbit", NOVEMBER.minusMonths(1), NOVEMBER)).isEmpty();
        assertThat(store.find("orbit", "x1", "FIRST_RESPONSE#1")).isEmpty();
    }

    @Test
    void a_fact_without_a_tenant_fails_rather_than_being_dropped() {
        assertThatThrownBy(() -> handlers.handle(new GenericDomainEventMessage<>("Ticket", "t1", 1L,
                started("t1", "FIRST_RESPONSE#1", SlaMetric.FIRST_RESPONSE, "urgent", NOVEMBER_FIRST))))
                .hasMessageContaining("without a tenant");
        deliver("acme", "t1", 1, started("t1", "FIRST_RESPONSE#1", SlaMetric.FIRST_RESPONSE, "urgent", NOVEMBER_FIRST));
        assertThatThrownBy(() -> handlers.handle(new GenericDomainEventMessage<>("Ticket", "t1", 2L,
                breached("t1", "FIRST_RESPONSE#1"))))
                .hasMessageContaining("without a tenant");
    }

    /** Markers of moves in flight, over every row. */
    private List<Object> inFlight() {
        List<Object> markers = new ArrayList<>();
        database.getCollection("sla_compliance").find()
                .forEach(bucket -> markers.addAll(bucket.getList("changes", Object.class, List.of())));
        return markers;
    }

    @Test
    void a_fact_of_a_clock_whose_start_was_not_counted_fails_rather_than_being_dropped() {
        assertThatThrownBy(() -> deliver("acme", "t9", 5, breached("t9", "FIRST_RESPONSE#1")))
                .hasMessageContaining("No start counted");
    }

    @Test
    void a_replay_after_a_reset_gives_the_same_counts() throws Exception {
        history();
        new AnnotationEventHandlerAdapter(new SlaComplianceProjection(store, tenants())).prepareReset();
        assertThat(rows("acme")).isEmpty();
        redeliverAll();
        assertThat(rows("acme")).containsExactlyElementsOf(ACME);
    }
}
