package com.aftersales.ticket.view;

import com.aftersales.infra.tenancy.Tenant;
import com.aftersales.infra.tenancy.TenantDirectory;
import com.aftersales.sla.compliance.SlaComplianceProjection;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The read models that can be rebuilt from the event store on demand (issue 13 §4), by processing
 * group: the ticket views and the process log (one collection per tenant each) and the SLA
 * compliance counts. Each projection empties its read model in its own {@code @ResetHandler}, which
 * Axon runs inside the token reset, once every segment's claim is held. The search index keeps its
 * stream position in its own files and is rebuilt by starting on an empty index directory
 * (docs/privacy.md, "Rebuilding projections").
 */
@Component
public class RebuildableReadModels {

    /** How long a rebuild lock holds if its node dies before releasing it. */
    static final Duration LOCK_LEASE = Duration.ofMinutes(10);

    private final TicketViewStore store;
    private final TenantDirectory tenants;

    public RebuildableReadModels(TicketViewStore store, TenantDirectory tenants) {
        this.store = store;
        this.tenants = tenants;
    }

    public Set<String> groups() {
        return Set.of(TicketViewProjection.PROCESSING_GROUP, TicketTimelineProjection.PROCESSING_GROUP,
                SlaComplianceProjection.PROCESSING_GROUP);
    }

    /** Empties every tenant's views or process log; from the projection's reset handler only. */
    void clear(String group) {
        List<String> ids = tenants.all().stream().map(Tenant::id).filter(Tenant::isValidId).toList();
        Flux.fromIterable(ids)
                .concatMap(tenantId -> (TicketViewProjection.PROCESSING_GROUP.equals(group)
                        ? store.collection(tenantId) : store.timeline(tenantId)).deleteMany(new Document()))
                .blockLast();
    }

    /**
     * Takes the group's rebuild lock for {@code holder}, across nodes: one document {@code _id} =
     * group, taken when absent or its lease ran out (a conditional upsert; a duplicate key means
     * another holder has it). False when someone else holds it.
     */
    public boolean lock(String group, String holder) {
        Instant now = Instant.now(); // the lease is real time across nodes, not the tenants' business clock
        Document lock = new Document("_id", group).append("holder", holder)
                .append("until", Date.from(now.plus(LOCK_LEASE)));
        try {
            Mono.from(store.rebuildLocks().replaceOne(Filters.and(Filters.eq("_id", group),
                    Filters.lt("until", Date.from(now))), lock, new ReplaceOptions().upsert(true))).block();
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    /** Releases the lock if {@code holder} still has it. */
    public void unlock(String group, String holder) {
        Mono.from(store.rebuildLocks().deleteOne(Filters.and(Filters.eq("_id", group), Filters.eq("holder", holder))))
                .block();
    }
}
