package com.aftersales.ticket.view;

import com.aftersales.infra.tenancy.Tenant;
import com.aftersales.infra.tenancy.TenantDirectory;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * The read models that can be rebuilt from the event store on demand (issue 13 §4), by processing
 * group: the ticket views and the process log, one collection per tenant each. The search index
 * keeps its stream position in its own files and is rebuilt by starting on an empty index directory
 * (docs/privacy.md, "Rebuilding projections").
 */
@Component
public class RebuildableReadModels {

    private final TicketViewStore store;
    private final TenantDirectory tenants;

    public RebuildableReadModels(TicketViewStore store, TenantDirectory tenants) {
        this.store = store;
        this.tenants = tenants;
    }

    public Set<String> groups() {
        return Set.of(TicketViewProjection.PROCESSING_GROUP, TicketTimelineProjection.PROCESSING_GROUP);
    }

    /** Empties every tenant's read model of {@code group}; the processor must be stopped. */
    public void clear(String group) {
        List<String> ids = tenants.all().stream().map(Tenant::id).filter(Tenant::isValidId).toList();
        Flux.fromIterable(ids)
                .concatMap(tenantId -> (TicketViewProjection.PROCESSING_GROUP.equals(group)
                        ? store.collection(tenantId) : store.timeline(tenantId)).deleteMany(new Document()))
                .blockLast();
    }
}
