package com.aftersales.infra.audit;

import com.aftersales.infra.eventstore.EventHistory;
import com.aftersales.infra.eventstore.EventStoreAutoConfiguration;
import com.aftersales.infra.eventstore.EventStoreProperties;
import com.aftersales.infra.eventstore.GlobalLog;
import com.aftersales.infra.eventstore.MongoEventStorageEngine;
import com.aftersales.infra.mongo.MongoStorageAutoConfiguration.MongoConnection;
import com.aftersales.infra.mongo.MongoStorageProperties;
import com.aftersales.infra.tenancy.TenantProperties;
import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Tamper evidence of the event store (docs/audit.md): the signing keys, the checkpoint store and
 * writer, stream verification. With our MongoDB event store only.
 */
@AutoConfiguration(after = EventStoreAutoConfiguration.class)
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
@EnableConfigurationProperties(AuditProperties.class)
public class AuditAutoConfiguration {

    static final String DEVELOPMENT_KEY_FILE = "audit-signing-keys.json";

    /**
     * The configured JWK Set; without one, a development key for the embedded server only (kept next
     * to its file, or in memory with the memory backend). A configured MongoDB without a key refuses
     * to start: checkpoints signed with a key nobody keeps would prove nothing.
     */
    @Bean
    SigningKeys auditSigningKeys(AuditProperties properties, MongoConnection connection,
                                 MongoStorageProperties storage) {
        if (properties.getSigning().getJwkSetFile() != null) {
            return SigningKeys.load(properties.getSigning().getJwkSetFile());
        }
        if (!connection.embedded()) {
            throw new IllegalStateException("aftersales.audit.signing.jwk-set-file is required with a configured MongoDB "
                    + "(docs/audit.md: keys and rotation)");
        }
        if (storage.getEmbedded().getBackend() == MongoStorageProperties.Backend.MEMORY) {
            return SigningKeys.ephemeral();
        }
        return SigningKeys.development(storage.getEmbedded().getDataDir().resolve(DEVELOPMENT_KEY_FILE));
    }

    @Bean
    CheckpointStore checkpointStore(MongoDatabase database) {
        return new CheckpointStore(database);
    }

    @Bean
    GlobalLog auditGlobalLog(MongoDatabase database, EventStoreProperties eventStore, Clock clock) {
        return new GlobalLog(database, MongoEventStorageEngine.CollectionNames.DEFAULT, eventStore.toSettings(), clock);
    }

    @Bean
    CheckpointWriter checkpointWriter(GlobalLog log, CheckpointStore store, SigningKeys keys, TenantProperties tenants,
                                      AuditProperties properties, Clock clock) {
        return new CheckpointWriter(log, store, keys, () -> tenants.getTenants().keySet(),
                tenant -> CheckpointPolicies.of(properties.getCheckpoints(), tenants.getTenants().get(tenant)), clock);
    }

    @Bean
    @ConditionalOnProperty(name = "aftersales.audit.checkpoints.enabled", havingValue = "true", matchIfMissing = true)
    CheckpointSchedule checkpointSchedule(CheckpointWriter writer, AuditProperties properties) {
        return new CheckpointSchedule(writer, properties.getCheckpoints().getPollInterval());
    }

    @Bean
    StreamAudit streamAudit(EventHistory history, CheckpointStore store, SigningKeys keys) {
        return new StreamAudit(history, store, keys);
    }
}
