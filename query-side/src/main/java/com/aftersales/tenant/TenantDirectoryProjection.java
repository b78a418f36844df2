package com.aftersales.tenant;

import com.aftersales.infra.tenancy.TenantDirectory;
import com.aftersales.infra.tenancy.TenantEntry;
import com.aftersales.tenant.TenantEvents.IdentityProviderBound;
import com.aftersales.tenant.TenantEvents.TenantConfigured;
import com.aftersales.tenant.TenantEvents.TenantReactivated;
import com.aftersales.tenant.TenantEvents.TenantRegistered;
import com.aftersales.tenant.TenantEvents.TenantSuspended;
import java.util.function.UnaryOperator;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;

/**
 * Keeps the tenant directory's read model from the tenant events, and this node's directory at
 * once; other nodes pick the change up from the store ({@link TenantDirectoryRefresh}). Idempotent:
 * an entry keeps the sequence number of the last event applied, and an event at or below it
 * changes nothing.
 */
@Component
@ProcessingGroup(TenantDirectoryProjection.PROCESSING_GROUP)
public class TenantDirectoryProjection {

    public static final String PROCESSING_GROUP = "tenant-directory";

    private final TenantDirectoryStore store;
    private final TenantDirectory directory;

    public TenantDirectoryProjection(TenantDirectoryStore store, TenantDirectory directory) {
        this.store = store;
        this.directory = directory;
    }

    @EventHandler
    void on(TenantRegistered event, @SequenceNumber long sequence) {
        change(event.tenantId(), sequence, entry -> new TenantEntry(event.tenantId(), sequence, event.profile(),
                entry == null ? null : entry.configuration(), entry == null ? 0 : entry.configurationVersion(),
                null, false));
    }

    @EventHandler
    void on(TenantConfigured event, @SequenceNumber long sequence) {
        change(event.tenantId(), sequence, entry -> new TenantEntry(entry.id(), sequence, entry.profile(),
                event.configuration(), event.configurationVersion(), entry.identityProvider(), entry.suspended()));
    }

    @EventHandler
    void on(IdentityProviderBound event, @SequenceNumber long sequence) {
        change(event.tenantId(), sequence, entry -> new TenantEntry(entry.id(), sequence, entry.profile(),
                entry.configuration(), entry.configurationVersion(), event.provider(), entry.suspended()));
    }

    @EventHandler
    void on(TenantSuspended event, @SequenceNumber long sequence) {
        change(event.tenantId(), sequence, entry -> suspended(entry, sequence, true));
    }

    @EventHandler
    void on(TenantReactivated event, @SequenceNumber long sequence) {
        change(event.tenantId(), sequence, entry -> suspended(entry, sequence, false));
    }

    private static TenantEntry suspended(TenantEntry entry, long sequence, boolean suspended) {
        return new TenantEntry(entry.id(), sequence, entry.profile(), entry.configuration(),
                entry.configurationVersion(), entry.identityProvider(), suspended);
    }

    private void change(String tenantId, long sequence, UnaryOperator<TenantEntry> change) {
        TenantEntry current = store.find(tenantId);
        if (current != null && current.version() >= sequence) {
            return;
        }
        if (current == null && sequence > 0) {
            throw new IllegalStateException("Tenant " + tenantId + " event " + sequence + " without its registration");
        }
        TenantEntry next = change.apply(current);
        store.save(next);
        if (next.configuration() != null) {
            directory.update(next);
        }
    }
}
