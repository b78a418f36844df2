package com.aftersales.sla.compliance;

import com.aftersales.sla.compliance.SlaComplianceQueries.FindSlaCompliance;
import com.aftersales.sla.compliance.SlaComplianceQueries.SlaCompliance;
import java.util.concurrent.CompletableFuture;
import org.axonframework.queryhandling.QueryHandler;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Answers {@link FindSlaCompliance} from the counts (two key lookups), off the caller's thread. */
public class SlaComplianceQueryHandler {

    private final SlaComplianceStore store;

    SlaComplianceQueryHandler(SlaComplianceStore store) {
        this.store = store;
    }

    @QueryHandler
    public CompletableFuture<SlaCompliance> compliance(FindSlaCompliance query) {
        return Mono.fromCallable(() -> new SlaCompliance(query.from().toString(), query.to().toString(),
                        store.rows(query.tenantId(), query.from(), query.to())))
                .subscribeOn(Schedulers.boundedElastic())
                .toFuture();
    }
}
