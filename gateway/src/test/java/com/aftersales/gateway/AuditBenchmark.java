package com.aftersales.gateway;

import com.aftersales.infra.audit.CheckpointWriter;
import com.aftersales.infra.tenancy.CallerMetaData;
import com.aftersales.ticket.Channel;
import com.aftersales.ticket.HandlingCommands.Direction;
import com.aftersales.ticket.HandlingCommands.LogContact;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.util.FileSystemUtils;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * Prints the audit figures of docs/benchmarks.md over HTTP on the embedded default (H2 file), one
 * request at a time on a new connection (see TaskAnswerBenchmark): history, past states,
 * verification and export of a 1,000-event ticket. Every history read also appends its
 * HistoryAccessed event, which is part of the figure. Not part of the suite:
 * {@code nice -n 19 ./mvnw -o -q -pl gateway -am test -Dtest=AuditBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * ({@code -Dbenchmark.samples=100}).
 */
class AuditBenchmark {

    private static final int SAMPLES = Integer.getInteger("benchmark.samples", 100);
    private static final String AUDITOR = ApiTestSupport.token("acme", "AUDITOR");
    private static final String PII_AUDITOR = ApiTestSupport.token("acme", "AUDITOR", "PII_READER");
    private static final MetaData CALLER = CallerMetaData.of("acme", "acme-agent", "user", List.of("AGENT"));
    private final ObjectMapper json = new ObjectMapper();
    private WebClient http;

    @Test
    void print() throws Exception {
        Path data = Files.createTempDirectory("audit-bench");
        try (ConfigurableApplicationContext node = start(data)) {
            http = WebClient.builder()
                    .baseUrl("http://localhost:" + ((WebServerApplicationContext) node).getWebServer().getPort())
                    .clientConnector(new ReactorClientHttpConnector(HttpClient.create(ConnectionProvider.newConnection())))
                    .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(64 * 1024 * 1024))
                    .build();
            CommandGateway commands = node.getBean(CommandGateway.class);
            String agent = ApiTestSupport.token("acme", "AGENT");
            String id = json.readTree(http.post().uri("/api/v1/tickets").header("Authorization", "Bearer " + agent)
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(TicketRequests.airConditionerRepair())
                    .retrieve().bodyToMono(String.class).block(Duration.ofSeconds(30))).get("id").asText();
            for (int n = 1; n < 1000; n++) {
                commands.sendAndWait(GenericCommandMessage.asCommandMessage(new LogContact(id, null, Channel.PHONE,
                        Direction.OUTBOUND, "call " + n + " on 13800005678")).andMetaData(CALLER));
            }
            long checkpointStart = System.nanoTime();
            node.getBean(CheckpointWriter.class).checkpointNow("acme");
            System.out.printf(Locale.ROOT, "%nAudit over HTTP (embedded H2 file store, a 1,000-event ticket, %d samples each)%n", SAMPLES);
            System.out.printf(Locale.ROOT, "  %-52s %6.1f ms%n", "checkpoint of ~1,000 events (write, once)", ms(System.nanoTime() - checkpointStart));
            String base = "/api/v1/tickets/" + id;
            measure("warm-up (not a figure)", () -> get(AUDITOR, base + "/history?limit=200"));
            report("GET ticket (for comparison)", measure(() -> get(AUDITOR, base)));
            report("history, first page of 50 (default)", measure(() -> get(AUDITOR, base + "/history")));
            report("history, first page of 200", measure(() -> get(AUDITOR, base + "/history?limit=200")));
            report("history, page of 200 at sequence 800", measure(() -> get(AUDITOR, base + "/history?limit=200&cursor="
                    + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(("history:" + id + ":800").getBytes()))));
            report("history, all 1,000 events (5 pages of 200)", measure(() -> {
                String page = base + "/history?limit=200";
                int events = 0;
                while (page != null) {
                    var body = read(get(AUDITOR, page));
                    events += body.get("items").size();
                    page = body.get("hasMore").asBoolean() ? base + "/history?limit=200&cursor=" + body.get("nextCursor").asText() : null;
                }
                return String.valueOf(events);
            }));
            report("as-of sequence 500", measure(() -> get(AUDITOR, base + "/history/state?sequence=500")));
            report("as-of now (all 1,000 events)", measure(() -> get(AUDITOR, base + "/history/state")));
            report("verification of the 1,000-event stream", measure(() -> get(AUDITOR, base + "/history/verification")));
            report("export of 1,000 events with proofs (PII_READER)", measure(() -> get(PII_AUDITOR, base + "/history/export")));
            System.out.printf(Locale.ROOT, "  (an export of the ticket is %d bytes)%n", get(PII_AUDITOR, base + "/history/export").length());
            System.out.printf(Locale.ROOT, "In-process, where the time of as-of goes (%d samples)%n", SAMPLES);
            var eventStore = node.getBean(org.axonframework.eventsourcing.eventstore.EventStore.class);
            var history = node.getBean(com.aftersales.infra.eventstore.EventHistory.class);
            var asOf = node.getBean(com.aftersales.ticket.view.TicketAsOf.class);
            var access = node.getBean(com.aftersales.gateway.audit.HistoryAccessLog.class);
            report("read 1,000 stored events (EventHistory)", measure(() -> String.valueOf(history.read(id, 0, 1000).size())));
            report("read and deserialize 1,000 events (EventStore)", measure(() -> String.valueOf(
                    eventStore.readEvents(id, 0).asStream().map(event -> event.getPayload()).count())));
            report("as-of now, in-process (TicketAsOf)", measure(() -> String.valueOf(asOf.find(
                    new com.aftersales.ticket.view.TicketQueries.FindTicketAsOf("acme", id, null, null)).isPresent())));
            var caller = new com.aftersales.access.Caller("acme", "acme-auditor", "client", java.util.Set.of("AUDITOR"));
            report("recording one HistoryAccessed (durable append)", measure(() -> {
                access.record(caller, id, "benchmark", false);
                return "";
            }));
        } finally {
            FileSystemUtils.deleteRecursively(data);
        }
    }

    private static ConfigurableApplicationContext start(Path data) {
        String[] arguments = {"--server.port=0", "--spring.jmx.enabled=false",
                "--aftersales.mongo.embedded.backend=h2", "--aftersales.mongo.embedded.data-dir=" + data,
                "--aftersales.rate-limits.requests=100000000", "--aftersales.rate-limits.client-requests=100000000",
                "--aftersales.rate-limits.client-burst=100000000",
                "--aftersales.security.issuers[0].issuer-uri=" + ApiTestSupport.ISSUERS.issuerUrl("shared"),
                "--aftersales.security.issuers[0].jwk-set-uri=" + ApiTestSupport.ISSUERS.jwksUrl("shared"),
                "--logging.level.root=WARN"};
        return new SpringApplicationBuilder(AftersalesApplication.class).run(arguments);
    }

    private com.fasterxml.jackson.databind.JsonNode read(String body) {
        try {
            return json.readTree(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String get(String token, String path) {
        ResponseEntity<String> answer = http.get().uri(path).header("Authorization", "Bearer " + token)
                .exchangeToMono(response -> response.toEntity(String.class)).block(Duration.ofSeconds(60));
        if (answer == null || !answer.getStatusCode().is2xxSuccessful()) {
            throw new IllegalStateException(answer == null ? "no answer" : answer.getStatusCode() + " " + answer.getBody());
        }
        return answer.getBody();
    }

    private static long[] measure(Supplier<String> call) {
        return measure(null, call);
    }

    private static long[] measure(String ignored, Supplier<String> call) {
        long[] times = new long[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            long start = System.nanoTime();
            call.get();
            times[i] = System.nanoTime() - start;
        }
        return times;
    }

    private static void report(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "  %-52s p50 %6.1f ms   p90 %6.1f ms%n", what,
                ms(sorted[sorted.length / 2]), ms(sorted[(int) Math.ceil(sorted.length * 0.9) - 1]));
    }

    private static double ms(long nanos) {
        return nanos / (double) TimeUnit.MILLISECONDS.toNanos(1);
    }
}
