package com.aftersales.tenant;

import com.aftersales.infra.tenancy.CallerMetaData;
import com.aftersales.infra.tenancy.Role;
import com.aftersales.infra.tenancy.TenantDirectory;
import com.aftersales.infra.tenancy.TenantEntry;
import com.aftersales.infra.tenancy.TenantProperties;
import com.aftersales.tenant.TenantCommands.RegisterTenant;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Tenants configured under {@code aftersales.tenants} (before tenant administration existed) become
 * their first tenant events at the first start: the same {@link RegisterTenant} the admin API sends,
 * by the actor {@value #ACTOR}. Exactly once: a marker document says the migration ran; a tenant
 * already registered (a crash before the marker, another node starting at the same time) is a
 * creation conflict on its stream and left as it is. A tenant added to the configuration after the
 * migration ran is registered at the next start the same way. Runs before the service reports ready, and
 * waits until this node's directory holds the tenants.
 */
@Component
@Order(0)
public class ConfiguredTenantsMigration implements ApplicationRunner {

    public static final String ACTOR = "configuration-migration";
    static final String MARKER = "configured-tenants";
    private static final Logger log = LoggerFactory.getLogger(ConfiguredTenantsMigration.class);

    private final TenantProperties properties;
    private final CommandGateway commands;
    private final TenantDirectory directory;
    private final MongoCollection<Document> migrations;

    public ConfiguredTenantsMigration(TenantProperties properties, CommandGateway commands, TenantDirectory directory,
                                      MongoDatabase database) {
        this.properties = properties;
        this.commands = commands;
        this.directory = directory;
        this.migrations = database.getCollection("migrations");
    }

    @Override
    public void run(ApplicationArguments args) {
        boolean migrated = migrations.find(Filters.eq("_id", MARKER)).first() != null;
        // after the migration, a tenant configured since (unknown to the directory) is registered too;
        // one the directory has not loaded yet is a creation conflict, left as it is
        properties.getTenants().forEach((id, settings) -> {
            if (!migrated || directory.find(id).isEmpty()) {
                register(id, settings);
            }
        });
        if (!migrated) {
            markDone();
        }
        awaitDirectory(Duration.ofSeconds(30));
    }

    private void register(String id, TenantProperties.Tenant settings) {
        TenantEntry entry = TenantEntry.configured(id, settings);
        var command = GenericCommandMessage.asCommandMessage(new RegisterTenant(id, entry.profile(), entry.configuration()))
                .andMetaData(CallerMetaData.of(null, ACTOR, "system", List.of(Role.PLATFORM_ADMIN.name())));
        try {
            commands.sendAndWait(command);
            log.info("Tenant {} registered from its configuration", id);
        } catch (AggregateStreamCreationException alreadyRegistered) {
            log.info("Tenant {} is registered already; its configuration is not applied again", id);
        }
    }

    private void markDone() {
        try {
            migrations.insertOne(new Document(Map.of("_id", MARKER, "at", Instant.now().toString(),
                    "tenants", List.copyOf(properties.getTenants().keySet()))));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    /** Requests of the configured tenants are answered once this node knows them (bounded: a slow store only delays). */
    private void awaitDirectory(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!properties.getTenants().keySet().stream().allMatch(id -> directory.find(id).isPresent())) {
            if (System.nanoTime() > deadline) {
                log.warn("The tenant directory does not show every configured tenant yet; they are refused until it does");
                return;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
    }
}
