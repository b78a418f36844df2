package com.aftersales.gateway.benchmark;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.aftersales.gateway.AftersalesApplication;
import com.aftersales.infra.mongo.EmbeddedMongo;
import com.aftersales.infra.tenancy.TenantDirectory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Read side and API over HTTP (docs/benchmarks.md, issue 8 point 5). Not a test. Prints, in one
 * run on the embedded default (H2 file in a temporary directory, deleted afterwards):
 * <ol>
 *   <li>the store's raw insert ceiling (driver {@code insertOne}, sequential and 16 threads);</li>
 *   <li>for each size (default 10,000 then 100,000 tickets in {@code acme} and as many in
 *       {@code nimbus}): the events seeded in-process, each streaming processor's catch-up rate to
 *       the head, then over HTTP at 16 connections p50/p99 and requests/s of a first list page, a
 *       filtered queue, a Chinese text search, the 11th page and the queue counts, and of intake
 *       ({@code POST /api/v1/tickets}) and a task command ({@code POST …/contacts}).</li>
 * </ol>
 * Arguments: sizes per tenant, comma-separated (default {@code 10000,100000}); optionally the
 * number of measured intake and task requests (default 2000); optionally {@code reads},
 * {@code writes} or {@code graphql} (a ticket read and a task over GraphQL next to REST) to run only
 * those (default {@code reads,writes,graphql}). The service runs in this JVM
 * (random port, an issuer of the harness's own), so the clients share its CPU. System properties:
 * {@code bench.connections} (16), {@code bench.warmup-seconds} of mixed reads before the first is
 * measured (60), {@code bench.read-warmup} and {@code bench.read-requests} per read (300, 1000),
 * {@code bench.timeout-seconds} per request (120), {@code bench.properties} (service properties,
 * {@code a=1,b=2}), {@code bench.jfr} and {@code bench.jfr.part}, {@code bench.exit}.
 */
public final class ApiBenchmark {

    static final int CONNECTIONS = Integer.getInteger("bench.connections", 16);
    /** Requests per read before measuring: with fewer, the JIT compiler was a quarter of the measured CPU. */
    private static final int READ_WARMUP = Integer.getInteger("bench.read-warmup", 300);
    private static final int READ_REQUESTS = Integer.getInteger("bench.read-requests", 1000);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(Long.getLong("bench.timeout-seconds", 120));
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpLoad http;
    private final String reader;
    private final String agent;
    private final List<Map<String, String>> table = new ArrayList<>();

    private ApiBenchmark(HttpLoad http, String reader, String agent) {
        this.http = http;
        this.reader = reader;
        this.agent = agent;
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("axoniq.update-checker.disabled", "true");
        List<Long> sizes = Stream.of((args.length > 0 ? args[0] : "10000,100000").split(","))
                .map(String::trim).map(Long::parseLong).toList();
        int writes = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        List<String> parts = List.of((args.length > 2 ? args[2] : "reads,writes,graphql").split(","));
        Path dir = Files.createTempDirectory("aftersales-api-bench");
        long started = System.nanoTime();
        System.out.printf(Locale.ROOT, "Aftersales API benchmark: embedded default (H2 file, commit before ack) in %s%n"
                        + "java %s, %d cores, max heap %d MB, %d connections, sizes %s per tenant%n", dir,
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, CONNECTIONS, sizes);
        try {
            Map<String, String> ceiling = rawInserts(dir.resolve("raw"));
            try (BenchmarkIssuer issuer = new BenchmarkIssuer();
                 ConfigurableApplicationContext service = start(issuer, dir.resolve("service"))) {
                int port = ((WebServerApplicationContext) service).getWebServer().getPort();
                Duration validity = Duration.ofHours(12);
                try (HttpLoad http = new HttpLoad(URI.create("http://127.0.0.1:" + port), CONNECTIONS)) {
                    ApiBenchmark benchmark = new ApiBenchmark(http,
                            issuer.token("acme", "acme-supervisor-bench", List.of("SUPERVISOR"), validity),
                            issuer.token("acme", "acme-agent-bench", List.of("AGENT"), validity));
                    benchmark.run(service, sizes, writes, parts, ceiling);
                }
            }
        } finally {
            deleteRecursively(dir);
            System.out.printf(Locale.ROOT, "run time %.0f s; %s deleted%n", (System.nanoTime() - started) / 1e9, dir);
        }
        if (Boolean.getBoolean("bench.exit")) {
            System.exit(0); // run with plain java: Axon's janitor thread is not a daemon
        }
    }

    private static ConfigurableApplicationContext start(BenchmarkIssuer issuer, Path dataDir) {
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--aftersales.mongo.embedded.data-dir=" + dataDir,
                "--aftersales.security.issuers[0].issuer-uri=" + issuer.issuerUri(),
                "--aftersales.security.issuers[0].jwk-set-uri=" + issuer.jwkSetUri(),
                "--aftersales.rate-limits.requests=1000000000",
                "--aftersales.rate-limits.client-requests=1000000000",
                "--aftersales.rate-limits.client-burst=1000000000",
                "--logging.level.root=WARN",
                "--logging.level.org.axonframework.eventhandling.TrackingEventProcessor=INFO"));
        // -Dbench.properties=a=1,b=2: more service properties, e.g. to compare settings
        for (String property : System.getProperty("bench.properties", "").split(",")) {
            if (!property.isBlank()) {
                arguments.add("--" + property.trim());
            }
        }
        // command-line arguments: they win over application.yml
        return new SpringApplicationBuilder(AftersalesApplication.class).run(arguments.toArray(String[]::new));
    }

    private void run(ConfigurableApplicationContext service, List<Long> sizes, int writes, List<String> parts,
                     Map<String, String> ceiling) throws Exception {
        EventStore eventStore = service.getBean(EventStore.class);
        TenantDirectory tenants = service.getBean(TenantDirectory.class);
        Processors processors = new Processors(service.getBean(EventProcessingConfiguration.class));
        TicketSeeder seeder = new TicketSeeder(eventStore);
        System.out.println("streaming processors: " + processors.describe()
                + (processors.others().isEmpty() ? "" : "; not measured: " + processors.others()));
        long seeded = 0;
        for (long size : sizes) {
            Map<String, String> column = new LinkedHashMap<>(table.isEmpty() ? ceiling : Map.of());
            column.put("tickets per tenant", String.format(Locale.ROOT, "%,d", size));
            table.add(column);
            System.out.printf(Locale.ROOT, "%n== %,d tickets in acme, %,d in nimbus ==%n", size, size);
            // where each processor stands once it has caught up with everything so far
            Map<String, Long> from = processors.awaitHead(head(eventStore), Duration.ofMinutes(30));
            processors.stopAll();
            long start = System.nanoTime();
            long events = seeder.seed(tenants.find("acme").orElseThrow(), seeded, size)
                    + seeder.seed(tenants.find("nimbus").orElseThrow(), seeded, size);
            double seconds = (System.nanoTime() - start) / 1e9;
            seeded = size;
            long head = head(eventStore);
            System.out.printf(Locale.ROOT, "seeded %,d events in %.1f s (%,.0f events/s appended); head %,d%n",
                    events, seconds, events / seconds, head);
            long cpu = HttpLoad.processCpuNanos();
            List<Processors.CatchUp> catchUps = profiled("catch-up", () -> processors.startAndTime(head, from, Duration.ofHours(2)));
            cpu = HttpLoad.processCpuNanos() - cpu;
            for (Processors.CatchUp catchUp : catchUps) {
                System.out.printf(Locale.ROOT, "catch-up %-22s %,10d events %8.1f s %,10.0f events/s%n",
                        catchUp.processor(), catchUp.events(), catchUp.seconds(), catchUp.perSecond());
                column.put("catch-up " + catchUp.processor(), String.format(Locale.ROOT, "%,.0f events/s", catchUp.perSecond()));
            }
            System.out.printf(Locale.ROOT, "catch-up cpu (all processors together) %.2f ms per event%n",
                    cpu / 1e6 / Math.max(1, head - from.values().stream().mapToLong(Long::longValue).min().orElse(-1)));
            if (parts.contains("reads")) {
                profiled("reads", () -> {
                    reads(column);
                    return null;
                });
            }
            if (parts.contains("writes")) {
                profiled("writes", () -> {
                    writes(column, writes);
                    return null;
                });
            }
            if (parts.contains("graphql")) {
                profiled("graphql", () -> {
                    graphQl(column, writes);
                    return null;
                });
            }
        }
        printTable();
    }

    private static long head(EventStore eventStore) {
        TrackingToken head = eventStore.createHeadToken();
        return head == null ? -1 : head.position().orElse(-1);
    }

    private void reads(Map<String, String> column) {
        System.out.printf(Locale.ROOT, "reads as an acme supervisor (%d connections; warm-up %d, then up to %d or 30 s):%n",
                CONNECTIONS, READ_WARMUP, READ_REQUESTS);
        String queue = "/api/v1/tickets?queue=all&department=" + encode("空调维修部") + "&status=IN_PROGRESS&limit=20";
        String search = "/api/v1/tickets?q=" + encode("不制冷") + "&limit=20";
        warmUp(List.of("/api/v1/tickets?limit=20", queue, search, "/api/v1/tickets/counts"));
        read(column, "list: first page", "/api/v1/tickets?limit=20");
        read(column, "list: queue by department and state", queue);
        read(column, "list: text search q=不制冷", search);
        String eleventh = eleventhPage();
        if (eleventh != null) {
            read(column, "list: 11th page (cursor)", eleventh);
        }
        read(column, "queue counts", "/api/v1/tickets/counts");
    }

    /** Follows nextCursor ten times from the first page; null (and says why) when the list ends sooner. */
    private String eleventhPage() {
        String page = "/api/v1/tickets?limit=20";
        for (int i = 0; i < 10; i++) {
            HttpResponse<String> response = http.send(get(page, reader));
            String cursor = null;
            if (response.statusCode() == 200) {
                try {
                    JsonNode next = JSON.readTree(response.body()).get("nextCursor");
                    cursor = next == null || next.isNull() ? null : next.asText();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
            if (cursor == null) {
                System.out.printf(Locale.ROOT, "  11th page: page %d answered %d without nextCursor: %s%n", i + 1,
                        response.statusCode(), HttpLoad.abbreviate(response.body()));
                return null;
            }
            page = "/api/v1/tickets?limit=20&cursor=" + encode(cursor);
        }
        return page;
    }

    /**
     * All reads in turn for {@code bench.warmup-seconds} (default 60) before any is measured: the JIT
     * compiler of a freshly started service otherwise takes a large share of two cores for minutes.
     */
    private void warmUp(List<String> paths) {
        long seconds = Long.getLong("bench.warmup-seconds", 60);
        if (seconds > 0) {
            HttpLoad.Result warm = http.run("warm-up", 0, 100_000, Duration.ofSeconds(seconds),
                    i -> get(paths.get(i % paths.size()), reader));
            System.out.printf(Locale.ROOT, "  warm-up: %d reads in %.0f s (%s)%n", warm.requests(), warm.seconds(),
                    warm.statusText());
        }
    }

    private void read(Map<String, String> column, String name, String pathAndQuery) {
        HttpResponse<String> sample = http.send(get(pathAndQuery, reader));
        String items = "";
        if (sample.statusCode() == 200) {
            try {
                JsonNode body = JSON.readTree(sample.body());
                items = body.has("items") ? body.get("items").size() + " items" : HttpLoad.abbreviate(sample.body());
            } catch (IOException e) {
                items = "unreadable body";
            }
        }
        HttpLoad.Result result = http.run(name, READ_WARMUP, READ_REQUESTS, Duration.ofSeconds(30), i -> get(pathAndQuery, reader));
        report(column, result, items);
    }

    private void writes(Map<String, String> column, int requests) {
        System.out.printf(Locale.ROOT, "writes as an acme agent (%d connections; warm-up %d, then %d):%n", CONNECTIONS,
                requests / 2, requests);
        SampleTickets samples = new SampleTickets("acme");
        List<String> created = Collections.synchronizedList(new ArrayList<>());
        IntFunction<HttpRequest> intake = i -> {
            Map<String, Object> body = samples.requestBody(new SplittableRandom(System.nanoTime() ^ i), 5_000_000L + i);
            return post("/api/v1/tickets", body).header("Idempotency-Key", UUID.randomUUID().toString()).build();
        };
        HttpLoad.Result opened = http.run("intake POST /api/v1/tickets", requests / 2, requests, Duration.ofMinutes(5),
                i -> intake.apply(i));
        report(column, opened, "");
        // the tickets of the intake above: each task goes to another one than the 15 before it
        for (int i = 0; created.size() < 64 && i < 64; i++) {
            HttpResponse<String> response = http.send(intake.apply(-1 - i));
            response.headers().firstValue("Location").ifPresent(location ->
                    created.add(location.substring(location.lastIndexOf('/') + 1)));
        }
        if (created.isEmpty()) {
            System.out.println("  no ticket registered: task commands skipped");
            return;
        }
        Map<String, Object> contact = Map.of("channel", "PHONE", "direction", "OUTBOUND",
                "summary", "已电话联系客户，确认故障现象，约定明天上午上门检修。");
        HttpLoad.Result tasks = http.run("task POST /api/v1/tickets/{id}/contacts", requests / 2, requests,
                Duration.ofMinutes(5), i -> post("/api/v1/tickets/" + created.get(i % created.size()) + "/contacts",
                        contact).build());
        report(column, tasks, created.size() + " tickets");
    }

    /**
     * Issue 10's figure: one ticket read and one task over GraphQL, each next to its REST equivalent
     * on the same tickets and connections (goal: GraphQL within 1.5× of REST).
     */
    private void graphQl(Map<String, String> column, int requests) {
        System.out.printf(Locale.ROOT, "GraphQL beside REST (%d connections; warm-up %d, then up to %d or 30 s):%n",
                CONNECTIONS, READ_WARMUP, READ_REQUESTS);
        List<String> ids = new ArrayList<>();
        try {
            JSON.readTree(http.send(get("/api/v1/tickets?limit=64", reader)).body()).get("items")
                    .forEach(item -> ids.add(item.get("id").asText()));
        } catch (IOException | NullPointerException e) {
            System.out.println("  no tickets listed: GraphQL part skipped");
            return;
        }
        if (ids.isEmpty()) {
            System.out.println("  no tickets listed: GraphQL part skipped");
            return;
        }
        String query = "query($id: ID!) { ticket(id: $id) { id number status type priority version registeredAt "
                + "registration { customer { name phone } product { model } problem { description } } "
                + "assignment { department assigneeId } handling { progress } } }";
        HttpLoad.Result rest = http.run("ticket GET /api/v1/tickets/{id}", READ_WARMUP, READ_REQUESTS,
                Duration.ofSeconds(30), i -> get("/api/v1/tickets/" + ids.get(i % ids.size()), reader));
        report(column, rest, "REST");
        HttpLoad.Result graphQl = http.run("ticket GraphQL query ticket(id)", READ_WARMUP, READ_REQUESTS,
                Duration.ofSeconds(30), i -> graphQlRequest(reader, query, Map.of("id", ids.get(i % ids.size()))));
        report(column, graphQl, "GraphQL");
        Map<String, Object> contact = Map.of("channel", "PHONE", "direction", "OUTBOUND",
                "summary", "已电话联系客户，确认故障现象，约定明天上午上门检修。");
        HttpLoad.Result restTask = http.run("task POST /api/v1/tickets/{id}/contacts", requests / 2, requests,
                Duration.ofMinutes(5), i -> post("/api/v1/tickets/" + ids.get(i % ids.size()) + "/contacts", contact).build());
        report(column, restTask, "REST");
        String mutation = "mutation($id: ID!, $input: ContactInput!) { logContact(id: $id, input: $input) { id version } }";
        HttpLoad.Result graphQlTask = http.run("task GraphQL mutation logContact", requests / 2, requests,
                Duration.ofMinutes(5), i -> graphQlRequest(agent, mutation,
                        Map.of("id", ids.get(i % ids.size()), "input", contact)));
        report(column, graphQlTask, "GraphQL");
    }

    private HttpRequest graphQlRequest(String token, String document, Map<String, Object> variables) {
        try {
            return HttpRequest.newBuilder(http.uri("/graphql")).timeout(REQUEST_TIMEOUT)
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(
                            Map.of("query", document, "variables", variables)))).build();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A part of the run that may be profiled. */
    private interface Part<T> {
        T run() throws Exception;
    }

    /**
     * With {@code -Dbench.jfr=<file>} and {@code -Dbench.jfr.part=} {@code catch-up}, {@code reads}
     * or {@code writes} (the default), records a JFR profile (Java Flight Recorder, settings
     * "profile") of that part alone, the last of them if there are several sizes.
     */
    private static <T> T profiled(String name, Part<T> part) throws Exception {
        String file = System.getProperty("bench.jfr");
        if (file == null || file.isBlank() || !name.equals(System.getProperty("bench.jfr.part", "writes"))) {
            return part.run();
        }
        try (Recording recording = new Recording(Configuration.getConfiguration("profile"))) {
            recording.start();
            T result = part.run();
            recording.stop();
            recording.dump(Path.of(file));
            System.out.println("  JFR profile of " + name + ": " + file);
            return result;
        }
    }

    private HttpRequest get(String pathAndQuery, String token) {
        return HttpRequest.newBuilder(http.uri(pathAndQuery)).timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + token).header("Accept", "application/json").GET().build();
    }

    private HttpRequest.Builder post(String path, Map<String, Object> body) {
        try {
            return HttpRequest.newBuilder(http.uri(path)).timeout(REQUEST_TIMEOUT)
                    .header("Authorization", "Bearer " + agent).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void report(Map<String, String> column, HttpLoad.Result result, String note) {
        System.out.printf(Locale.ROOT, "  %-42s %-14s n=%-5d %8.1f req/s  p50 %8.1f ms  p99 %8.1f ms  cpu %5.1f ms/req  %s%n",
                result.name(), result.statusText(), result.requests(), result.perSecond(),
                result.percentileMillis(50), result.percentileMillis(99), result.cpuMillisPerRequest(), note);
        if (result.firstFailure() != null) {
            System.out.println("    first failure (≥ 300, or GraphQL errors): " + result.firstFailure());
        }
        column.put(result.name(), String.format(Locale.ROOT, "%.1f / %.1f ms, %.0f/s (%s)", result.percentileMillis(50),
                result.percentileMillis(99), result.perSecond(), result.statusText()));
    }

    private void printTable() {
        System.out.printf(Locale.ROOT, "%n| measurement | %s |%n|---|%s%n",
                String.join(" | ", table.stream().map(column -> column.get("tickets per tenant") + " per tenant").toList()),
                "---|".repeat(table.size()));
        List<String> rows = new ArrayList<>();
        table.forEach(column -> column.keySet().forEach(key -> {
            if (!rows.contains(key) && !key.equals("tickets per tenant")) {
                rows.add(key);
            }
        }));
        for (String row : rows) {
            System.out.printf(Locale.ROOT, "| %s | %s |%n", row,
                    String.join(" | ", table.stream().map(column -> column.getOrDefault(row, "")).toList()));
        }
        System.out.println("(list, search and write rows: p50 / p99, requests/s, HTTP status × count)");
    }

    /** The driver's insertOne on a fresh file of the embedded default: sequential, then 16 threads. */
    private static Map<String, String> rawInserts(Path dir) throws Exception {
        Map<String, String> rows = new LinkedHashMap<>();
        try (EmbeddedMongo server = EmbeddedMongo.onFile(dir, 64, 0);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> raw = client.getDatabase("raw").getCollection("raw");
            for (int i = 0; i < 1_000; i++) {
                raw.insertOne(new Document("warmup", i));
            }
            int n = 3_000;
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                raw.insertOne(new Document("i", i).append("payload", "x".repeat(200)));
            }
            double sequential = n / ((System.nanoTime() - start) / 1e9);
            ExecutorService threads = Executors.newFixedThreadPool(CONNECTIONS);
            start = System.nanoTime();
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < CONNECTIONS; t++) {
                int thread = t;
                done.add(threads.submit(() -> {
                    for (int i = 0; i < n / CONNECTIONS; i++) {
                        raw.insertOne(new Document("t", thread).append("i", i).append("payload", "x".repeat(200)));
                    }
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
            double parallel = (n / CONNECTIONS * CONNECTIONS) / ((System.nanoTime() - start) / 1e9);
            threads.shutdown();
            rows.put("store: insertOne sequential (the limit)", String.format(Locale.ROOT, "%,.0f docs/s", sequential));
            rows.put("store: insertOne, 16 threads", String.format(Locale.ROOT, "%,.0f docs/s", parallel));
            System.out.printf(Locale.ROOT, "driver insertOne, sequential (the limit) %10.0f docs/s%n"
                    + "driver insertOne, %d threads            %10.0f docs/s%n", sequential, CONNECTIONS, parallel);
        }
        return rows;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, UTF_8);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
