package com.aftersales.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftersales.infra.tenancy.TenantDirectory;
import com.aftersales.infra.tenancy.TenantProperties;
import com.aftersales.tenant.ConfiguredTenantsMigration;
import com.aftersales.tenant.TenantEvents.TenantConfigured;
import com.aftersales.tenant.TenantEvents.TenantRegistered;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Two nodes starting at once on a store without the migration's marker run the migration at the same
 * time (TwoNodesApiTest starts its nodes one after the other, the second on the first's embedded store,
 * so it cannot race them): each configured tenant still becomes its events exactly once.
 */
class ConcurrentMigrationApiTest extends ApiTestSupport {

    @Autowired
    CommandGateway commands;
    @Autowired
    TenantDirectory directory;
    @Autowired
    MongoDatabase database;
    @Autowired
    EventStore events;

    @Test
    void two_migrations_running_at_once_register_each_configured_tenant_once() throws Exception {
        TenantProperties configured = new TenantProperties();
        TenantProperties.Tenant raceA = new TenantProperties.Tenant();
        raceA.setName("Race A");
        TenantProperties.Tenant raceB = new TenantProperties.Tenant();
        raceB.setName("Race B");
        configured.setTenants(Map.of("race-a", raceA, "race-b", raceB));
        database.getCollection("migrations").deleteOne(Filters.eq("_id", "configured-tenants")); // a fresh store's

        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<Void>> nodes = List.of(1, 2).stream().map(node -> CompletableFuture.runAsync(() -> {
            try {
                go.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            new ConfiguredTenantsMigration(configured, commands, directory, database).run(null);
        })).toList();
        go.countDown();
        CompletableFuture.allOf(nodes.toArray(CompletableFuture[]::new)).get();

        for (String tenant : List.of("race-a", "race-b")) {
            assertThat(events.readEvents(tenant).asStream().map(event -> (Object) event.getPayload().getClass()))
                    .containsExactly(TenantRegistered.class, TenantConfigured.class);
            assertThat(directory.find(tenant)).isPresent();
        }
        assertThat(database.getCollection("migrations").find(Filters.eq("_id", "configured-tenants")).first()).isNotNull();
    }
}
