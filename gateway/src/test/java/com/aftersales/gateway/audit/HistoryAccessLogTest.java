package com.aftersales.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftersales.access.Caller;
import com.aftersales.gateway.ApiTestSupport;
import com.aftersales.infra.eventstore.EventHistory;
import com.aftersales.infra.eventstore.StoredEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Reads of the history are recorded even when nodes race for a stream's first event; tenant exports too. */
class HistoryAccessLogTest extends ApiTestSupport {

    @Autowired
    EventStore eventStore;
    @Autowired
    EventHistory history;

    final Caller auditor = new Caller("acme", "acme-auditor", "user", Set.of("AUDITOR"));

    @Test
    void nodes_recording_a_tickets_first_read_at_once_all_succeed() {
        String ticket = UUID.randomUUID().toString();
        int nodes = 4;
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Void>> reads = new ArrayList<>();
        for (int node = 0; node < nodes; node++) {
            HistoryAccessLog log = new HistoryAccessLog(eventStore, Clock.systemUTC()); // each with its own cache
            reads.add(CompletableFuture.runAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                log.record(auditor, ticket, "history", false);
            }));
        }
        start.countDown();
        CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new)).join();
        assertThat(history.read(HistoryAccessLog.streamOf(ticket), 0, 100)).extracting(StoredEvent::sequence)
                .containsExactly(0L, 1L, 2L, 3L);
    }

    @Test
    void a_tenant_wide_export_is_recorded_in_the_tenants_access_stream() {
        // a range in the future: an empty export (the suite's events would overflow the test client's buffer)
        String from = Instant.now().plusSeconds(3600).toString();
        String to = Instant.now().plusSeconds(7200).toString();
        http.get().uri("/api/v1/audit/export?from=" + from + "&to=" + to)
                .headers(h -> h.setBearerAuth(token("acme", "AUDITOR"))).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult();
        List<StoredEvent> recorded = history.read(HistoryAccessLog.tenantStreamOf("acme"), 0, 10_000);
        assertThat(recorded).isNotEmpty();
        assertThat(recorded.get(recorded.size() - 1).payload()).contains("\"view\":\"export " + from + "/" + to + "\"")
                .contains("\"tenantId\":\"acme\"");
    }
}
