package com.aftersales.gateway.health;

import com.aftersales.infra.audit.CheckpointWriter;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * DOWN while this node's checkpoint writer has stopped a tenant because a checkpoint was removed
 * from the database: it never starts a new chain on its own (docs/audit.md, "What a database writer
 * can do").
 */
@Component("auditCheckpoints")
public class AuditCheckpointsHealthIndicator extends AbstractHealthIndicator {

    private final ObjectProvider<CheckpointWriter> writer;

    public AuditCheckpointsHealthIndicator(ObjectProvider<CheckpointWriter> writer) {
        this.writer = writer;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        CheckpointWriter present = writer.getIfAvailable();
        Map<String, String> stalled = present == null ? Map.of() : present.stalled();
        (stalled.isEmpty() ? builder.up() : builder.down()).withDetails(stalled);
    }
}
