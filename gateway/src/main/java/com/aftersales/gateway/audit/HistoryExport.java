package com.aftersales.gateway.audit;

import com.aftersales.infra.audit.Checkpoint;
import com.aftersales.infra.audit.CheckpointStore;
import com.aftersales.infra.audit.ExportLines;
import com.aftersales.infra.audit.SigningKeys;
import com.aftersales.infra.eventstore.EventHistory;
import com.aftersales.infra.eventstore.GlobalLog;
import com.aftersales.infra.eventstore.StoredEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * Audit exports as a stream of JSON Lines objects ({@link ExportLines}): read a page at a time on
 * demand, so an export of any length holds one page and one checkpoint in memory.
 */
@Component
public class HistoryExport {

    static final int PAGE = 200;
    /** Writers' clocks and the global order disagree by at most this much (gap timeout and clock skew). */
    static final Duration TIME_MARGIN = Duration.ofMinutes(1);

    private final EventHistory history;
    private final GlobalLog log;
    private final CheckpointStore checkpoints;
    private final SigningKeys keys;
    private final Clock clock;

    public HistoryExport(EventHistory history, GlobalLog log, CheckpointStore checkpoints, SigningKeys keys, Clock clock) {
        this.history = history;
        this.log = log;
        this.checkpoints = checkpoints;
        this.keys = keys;
        this.clock = clock;
    }

    /** One ticket's events (the caller checked that the ticket is the tenant's). */
    public Flux<AuditJson> ticket(String tenant, String ticketId, boolean personalData) {
        ExportLines lines = new ExportLines(covering(tenant), personalData, keys);
        Map<String, Object> scope = Map.of("ticketId", ticketId);
        Flux<List<StoredEvent>> pages = Flux.generate(() -> 0L, (from, sink) -> {
            List<StoredEvent> page = history.read(ticketId, from, PAGE);
            if (page.isEmpty()) {
                sink.complete();
                return from;
            }
            sink.next(page);
            return page.get(page.size() - 1).sequence() + 1;
        });
        return export(lines, tenant, scope, personalData, pages);
    }

    /** The tenant's events stamped in {@code [from, to)}, in global order. */
    public Flux<AuditJson> tenant(String tenant, Instant from, Instant to, boolean personalData) {
        ExportLines lines = new ExportLines(covering(tenant), personalData, keys);
        Map<String, Object> scope = new LinkedHashMap<>();
        scope.put("from", from.toString());
        scope.put("to", to.toString());
        Instant stopAfter = to.plus(TIME_MARGIN);
        Flux<List<StoredEvent>> pages = Flux.generate(() -> log.indexNear(from.minus(TIME_MARGIN)) - 1, (after, sink) -> {
            GlobalLog.Slice slice = log.read(after, PAGE);
            List<StoredEvent> page = new ArrayList<>();
            boolean past = false;
            for (StoredEvent event : slice.events()) {
                Instant at = event.instant();
                past |= at != null && at.isAfter(stopAfter);
                // an unreadable timestamp (tampered) cannot be placed: exported, so the verifier reports it
                if (tenant.equals(event.tenant()) && (at == null || !at.isBefore(from) && at.isBefore(to))) {
                    page.add(event);
                }
            }
            if (slice.through() <= after || past) {
                if (!page.isEmpty()) {
                    sink.next(page);
                }
                sink.complete();
            } else {
                sink.next(page);
            }
            return slice.through();
        });
        return export(lines, tenant, scope, personalData, pages);
    }

    private Flux<AuditJson> export(ExportLines lines, String tenant, Map<String, Object> scope, boolean personalData,
                                   Flux<List<StoredEvent>> pages) {
        return Flux.just(ExportLines.header(tenant, scope, personalData, clock.instant()))
                .concatWith(pages.concatMapIterable(page -> {
                    List<Map<String, Object>> out = new ArrayList<>();
                    for (StoredEvent event : page) {
                        out.addAll(lines.event(event));
                    }
                    return out;
                }))
                .concatWith(Flux.defer(() -> Flux.just(lines.end(tenant, scope))))
                .map(AuditJson::new)
                .subscribeOn(Schedulers.boundedElastic());
    }

    private LongFunction<Optional<Checkpoint>> covering(String tenant) {
        Checkpoint latest = checkpoints.latest(tenant).orElse(null);
        return index -> checkpoints.covering(tenant, index, latest);
    }
}
