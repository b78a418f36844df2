package com.aftersales.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftersales.infra.tenancy.TenantDirectory;
import com.aftersales.tenant.TenantEvents.TenantConfigured;
import com.aftersales.tenant.TenantEvents.TenantRegistered;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The configured tenants become events exactly once: at the first start of a store, not at a
 * restart, and not twice when the service stopped after registering them but before recording that
 * the migration ran; a tenant configured after the migration ran is registered at the next start.
 */
class TenantMigrationRestartTest {

    private static ConfigurableApplicationContext start(Path dataDir, String... more) {
        Map<String, Object> properties = Map.of("server.port", 0, "spring.jmx.enabled", false,
                "aftersales.mongo.embedded.data-dir", dataDir, "aftersales.mongo.embedded.backend", "h2",
                "aftersales.search.directory", dataDir.resolve("search"),
                "aftersales.security.issuers[0].issuer-uri", ApiTestSupport.ISSUERS.issuerUrl("shared").toString(),
                "aftersales.security.issuers[0].jwk-set-uri", ApiTestSupport.ISSUERS.jwksUrl("shared").toString());
        String[] arguments = properties.entrySet().stream().map(p -> "--" + p.getKey() + "=" + p.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(AftersalesApplication.class)
                .run(java.util.stream.Stream.concat(java.util.Arrays.stream(arguments), java.util.Arrays.stream(more))
                        .toArray(String[]::new));
    }

    private static List<Class<?>> tenantEvents(ConfigurableApplicationContext node, String tenant) {
        return node.getBean(EventStore.class).readEvents(tenant).asStream()
                .<Class<?>>map(event -> event.getPayload().getClass()).toList();
    }

    @Test
    void configured_tenants_become_events_once_across_restarts_and_an_interrupted_migration() throws Exception {
        Path dataDir = Files.createTempDirectory("tenant-migration");
        try (ConfigurableApplicationContext first = start(dataDir)) {
            assertThat(tenantEvents(first, "acme")).containsExactly(TenantRegistered.class, TenantConfigured.class);
            // as if the service stopped after registering the tenants but before recording the migration
            first.getBean(MongoDatabase.class).getCollection("migrations").deleteOne(Filters.eq("_id", "configured-tenants"));
        }
        try (ConfigurableApplicationContext second = start(dataDir)) {
            assertThat(tenantEvents(second, "acme")).containsExactly(TenantRegistered.class, TenantConfigured.class);
            assertThat(tenantEvents(second, "nimbus")).containsExactly(TenantRegistered.class, TenantConfigured.class);
            assertThat(second.getBean(MongoDatabase.class).getCollection("migrations")
                    .find(Filters.eq("_id", "configured-tenants")).first()).isNotNull();
        }
        try (ConfigurableApplicationContext third = start(dataDir)) {
            assertThat(tenantEvents(third, "acme")).hasSize(2);
            assertThat(third.getBean(TenantDirectory.class).find("nimbus").orElseThrow().ticketPrefix()).isEqualTo("SR");
        }
        // a tenant an operator configures after the migration ran is registered at the next start
        try (ConfigurableApplicationContext fourth = start(dataDir, "--aftersales.tenants.late-co.name=Late Co",
                "--aftersales.tenants.late-co.ticket-prefix=LC")) {
            assertThat(tenantEvents(fourth, "late-co")).containsExactly(TenantRegistered.class, TenantConfigured.class);
            assertThat(tenantEvents(fourth, "acme")).hasSize(2);
            assertThat(fourth.getBean(TenantDirectory.class).find("late-co").orElseThrow().ticketPrefix()).isEqualTo("LC");
        }
    }
}
