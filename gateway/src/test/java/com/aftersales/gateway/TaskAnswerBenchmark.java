package com.aftersales.gateway;

import com.aftersales.infra.tenancy.CallerMetaData;
import com.aftersales.ticket.Channel;
import com.aftersales.ticket.HandlingCommands.Direction;
import com.aftersales.ticket.HandlingCommands.LogContact;
import com.aftersales.ticket.view.TicketQueries.FindTicket;
import com.aftersales.ticket.view.TicketQueries.TicketViewUpdated;
import com.aftersales.ticket.view.TicketQueries.WatchTicket;
import com.aftersales.ticket.view.TicketView;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import com.aftersales.ticket.view.TicketViewProjection;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.util.FileSystemUtils;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * Prints task-answer and timeline-page times over HTTP on the embedded default (H2 file), one
 * request at a time, each on a new connection (written when Reactor Netty 1.2.18 now and then stopped
 * reading a reused keep-alive connection, reactor-netty#4361, see the root pom; a loopback connect
 * costs ~0.1 ms);
 * then where a task's time goes, measured in-process. Not part of the suite:
 * {@code ./mvnw -o -q -pl gateway -am test -Dtest=TaskAnswerBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * ({@code -Dbenchmark.samples=300}).
 */
class TaskAnswerBenchmark {

    private static final int SAMPLES = Integer.getInteger("benchmark.samples", 300);
    private static final String AGENT = ApiTestSupport.token("acme", "AGENT");
    private static final MetaData CALLER = CallerMetaData.of("acme", "acme-agent", "user", List.of("AGENT"));
    private final ObjectMapper json = new ObjectMapper();
    private WebClient http;

    @Test
    void print() throws Exception {
        Path data = Files.createTempDirectory("task-answer-bench");
        try (ConfigurableApplicationContext node = start(data)) {
            http = WebClient.builder()
                    .baseUrl("http://localhost:" + ((WebServerApplicationContext) node).getWebServer().getPort())
                    .clientConnector(new ReactorClientHttpConnector(HttpClient.create(
                            ConnectionProvider.newConnection())))
                    .defaultHeader("Authorization", "Bearer " + AGENT).build();
            freshTickets(SAMPLES); // warm-up, not reported
            System.out.printf(Locale.ROOT, "%nTask answers over HTTP (embedded H2 file store, %d samples each)%n", SAMPLES);
            report("task on a fresh ticket (1 event)", freshTickets(SAMPLES));
            String long1000 = open();
            for (int i = 1; i < 1000; i++) {
                task(long1000);
            }
            report("task on a 1,000-event ticket", sameTicket(long1000, SAMPLES));
            timeline(long1000);
            report("GET one ticket (for comparison)", pageTimes(List.of("/api/v1/tickets/" + long1000), SAMPLES));
            breakdown(node, "each on a ticket registered just before", this::open);
            breakdown(node, "on the 1,000-event ticket", () -> long1000);
        } finally {
            FileSystemUtils.deleteRecursively(data);
        }
    }

    private static ConfigurableApplicationContext start(Path data) {
        String[] arguments = {"--server.port=0", "--spring.jmx.enabled=false",
                "--aftersales.mongo.embedded.backend=h2", "--aftersales.mongo.embedded.data-dir=" + data,
                "--aftersales.api.read-your-writes-safety-net=1s",
                "--aftersales.rate-limits.requests=100000000", "--aftersales.rate-limits.client-requests=100000000",
                "--aftersales.rate-limits.client-burst=100000000",
                "--aftersales.security.issuers[0].issuer-uri=" + ApiTestSupport.ISSUERS.issuerUrl("shared"),
                "--aftersales.security.issuers[0].jwk-set-uri=" + ApiTestSupport.ISSUERS.jwksUrl("shared"),
                "--logging.level.root=WARN"};
        return new SpringApplicationBuilder(AftersalesApplication.class).run(arguments);
    }

    private long[] freshTickets(int samples) throws Exception {
        long[] times = new long[samples];
        for (int i = 0; i < samples; i++) {
            String id = open();
            times[i] = timed(() -> task(id));
        }
        return times;
    }

    private long[] sameTicket(String id, int samples) throws Exception {
        long[] times = new long[samples];
        for (int i = 0; i < samples; i++) {
            times[i] = timed(() -> task(id));
        }
        return times;
    }

    /** The first page, and pages from the middle and the end, of a ticket's log. */
    private void timeline(String id) throws Exception {
        List<String> pages = new ArrayList<>();
        String page = "/api/v1/tickets/" + id + "/timeline";
        while (page != null) {
            pages.add(page);
            JsonNode body = json.readTree(get(page));
            page = body.get("hasMore").asBoolean() ? "/api/v1/tickets/" + id + "/timeline?cursor="
                    + body.get("nextCursor").asText() : null;
        }
        int entries = (int) json.readTree(get(pages.get(0))).get("items").size();
        report("timeline page of " + entries + " (" + pages.size() + " pages in all)", pageTimes(pages, SAMPLES));
        report("timeline first page", pageTimes(pages.subList(0, 1), SAMPLES));
        System.out.printf(Locale.ROOT, "  (a first page is %d bytes)%n", get(pages.get(0)).length());
    }

    private long[] pageTimes(List<String> pages, int samples) throws Exception {
        long[] times = new long[samples];
        for (int i = 0; i < samples; i++) {
            String page = pages.get(i % pages.size());
            times[i] = timed(() -> get(page));
        }
        return times;
    }

    /**
     * In-process, step by step: the command; until the view projection starts on its event; the
     * projection's handler; until the notice arrives (the processor's unit of work commits, token
     * included); the view read.
     */
    private void breakdown(ConfigurableApplicationContext node, String title, Callable<String> tickets) throws Exception {
        CommandGateway commands = node.getBean(CommandGateway.class);
        QueryGateway queries = node.getBean(QueryGateway.class);
        AtomicReference<String> probed = new AtomicReference<>();
        AtomicLong handlerStart = new AtomicLong();
        AtomicLong handlerEnd = new AtomicLong();
        var probe = node.getBean(EventProcessingConfiguration.class).eventProcessor(TicketViewProjection.PROCESSING_GROUP)
                .orElseThrow().registerHandlerInterceptor((unitOfWork, chain) -> {
                    boolean mine = unitOfWork.getMessage() instanceof DomainEventMessage<?> event
                            && event.getAggregateIdentifier().equals(probed.get());
                    long started = System.nanoTime();
                    Object result = chain.proceed();
                    if (mine) {
                        handlerStart.set(started);
                        handlerEnd.set(System.nanoTime());
                    }
                    return result;
                });
        long[][] steps = new long[5][SAMPLES];
        try {
            for (int i = 0; i < SAMPLES; i++) {
                String id = tickets.call();
                probed.set(id);
                var watch = queries.subscriptionQuery(new WatchTicket("acme", id),
                        ResponseTypes.optionalInstanceOf(TicketView.class), ResponseTypes.instanceOf(TicketViewUpdated.class));
                try {
                    long start = System.nanoTime();
                    Number version = commands.sendAndWait(GenericCommandMessage.asCommandMessage(new LogContact(id, null,
                            Channel.PHONE, Direction.OUTBOUND, "bench")).andMetaData(CALLER));
                    long sent = System.nanoTime();
                    watch.updates().filter(update -> update.version() >= version.longValue()).blockFirst(Duration.ofSeconds(10));
                    long noticed = System.nanoTime();
                    queries.query(new FindTicket("acme", id), ResponseTypes.optionalInstanceOf(TicketView.class)).get();
                    long[] step = {sent - start, handlerStart.get() - sent, handlerEnd.get() - handlerStart.get(),
                            noticed - handlerEnd.get(), System.nanoTime() - noticed};
                    for (int s = 0; s < step.length; s++) {
                        steps[s][i] = step[s];
                    }
                } finally {
                    watch.cancel();
                }
            }
        } finally {
            probe.cancel();
        }
        System.out.printf(Locale.ROOT, "%nWhere a task's time goes, in-process, %s%n", title);
        report("command (load, checks, append)", steps[0]);
        report("until the view projection starts on the event", steps[1]);
        report("view projection handler (read + update by _id)", steps[2]);
        report("until the notice arrives (unit of work, token)", steps[3]);
        report("view read by _id", steps[4]);
    }

    private String open() throws Exception {
        String body = send(HttpMethod.POST, "/api/v1/tickets", TicketRequests.airConditionerRepair(), 201);
        return json.readTree(body).get("id").asText();
    }

    private void task(String id) {
        send(HttpMethod.POST, "/api/v1/tickets/" + id + "/contacts",
                java.util.Map.of("channel", "PHONE", "direction", "OUTBOUND", "summary", "called back"), 200);
    }

    private String get(String path) {
        return send(HttpMethod.GET, path, null, 200);
    }

    private String send(HttpMethod method, String path, Object body, int expected) {
        var request = http.method(method).uri(path);
        var sent = body == null ? request : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body);
        ResponseEntity<String> answer = sent.exchangeToMono(response -> response.toEntity(String.class))
                .block(Duration.ofSeconds(30));
        if (answer == null || answer.getStatusCode().value() != expected) {
            throw new IllegalStateException(answer == null ? "no answer" : answer.getStatusCode() + " " + answer.getBody());
        }
        return answer.getBody();
    }

    private interface Call {
        void run() throws Exception;
    }

    private static long timed(Call call) throws Exception {
        long start = System.nanoTime();
        call.run();
        return System.nanoTime() - start;
    }

    private static void report(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "  %-52s p50 %6.1f ms   p99 %6.1f ms%n", what,
                ms(sorted[sorted.length / 2]), ms(sorted[(int) Math.ceil(sorted.length * 0.99) - 1]));
    }

    private static double ms(long nanos) {
        return nanos / (double) TimeUnit.MILLISECONDS.toNanos(1);
    }
}
