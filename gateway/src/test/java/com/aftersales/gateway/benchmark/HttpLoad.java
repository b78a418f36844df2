package com.aftersales.gateway.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;

/**
 * A closed loop of {@code connections} clients over HTTP/1.1 (JDK HttpClient, kept-alive
 * connections): each sends its next request as soon as the previous answer is read in full.
 * Latency is from sending to the last byte of the body.
 */
final class HttpLoad implements AutoCloseable {

    private final HttpClient client;
    private final URI base;
    private final int connections;
    private final ExecutorService workers;

    HttpLoad(URI base, int connections) {
        this.base = base;
        this.connections = connections;
        this.workers = Executors.newFixedThreadPool(connections, runnable -> {
            Thread thread = new Thread(runnable, "bench-client");
            thread.setDaemon(true);
            return thread;
        });
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).executor(Executors.newCachedThreadPool(runnable -> {
                    Thread thread = new Thread(runnable, "bench-http");
                    thread.setDaemon(true);
                    return thread;
                })).build();
    }

    URI uri(String pathAndQuery) {
        return base.resolve(pathAndQuery);
    }

    /** One request, answered in full (status, body). */
    HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(request.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What one run measured. */
    record Result(String name, int requests, double seconds, long[] latenciesNanos, Map<Integer, Integer> statuses,
                  String firstFailure, long cpuNanos) {

        /** CPU time of this whole process (service and clients) per request: less noisy than rates on a shared machine. */
        double cpuMillisPerRequest() {
            return cpuNanos / 1e6 / Math.max(1, requests);
        }

        double perSecond() {
            return requests / seconds;
        }

        double percentileMillis(double percentile) {
            if (latenciesNanos.length == 0) {
                return Double.NaN;
            }
            int rank = (int) Math.ceil(percentile / 100.0 * latenciesNanos.length) - 1;
            return latenciesNanos[Math.max(0, Math.min(rank, latenciesNanos.length - 1))] / 1e6;
        }

        String statusText() {
            StringBuilder text = new StringBuilder();
            statuses.forEach((status, count) -> text.append(text.isEmpty() ? "" : " ")
                    .append(status == 0 ? "error" : status == GRAPHQL_ERRORS ? "200-with-errors" : status).append(count == requests ? "" : "×" + count));
            return text.toString();
        }
    }

    /**
     * Runs {@code warmup} requests (not reported), then up to {@code requests} more or until
     * {@code maxTime} has passed, whichever comes first; {@code request} builds the i-th request.
     */
    Result run(String name, int warmup, int requests, Duration maxTime, IntFunction<HttpRequest> request) {
        AtomicInteger sequence = new AtomicInteger();
        if (warmup > 0) {
            loop(warmup, maxTime, sequence, request);
        }
        return loop(requests, maxTime, sequence, request).named(name);
    }

    private Partial loop(int requests, Duration maxTime, AtomicInteger sequence, IntFunction<HttpRequest> request) {
        AtomicInteger remaining = new AtomicInteger(requests);
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        long cpuStart = processCpuNanos();
        long start = System.nanoTime();
        long deadline = start + maxTime.toNanos();
        List<Future<long[]>> clients = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            clients.add(workers.submit(() -> {
                long[] latencies = new long[requests];
                int count = 0;
                while (System.nanoTime() < deadline && remaining.getAndDecrement() > 0) {
                    HttpRequest next = request.apply(sequence.getAndIncrement());
                    long sent = System.nanoTime();
                    int status;
                    try {
                        HttpResponse<String> response = client.send(next, HttpResponse.BodyHandlers.ofString());
                        status = outcome(next.uri().getPath(), response.statusCode(), response.body());
                        if (status >= 300 || status == GRAPHQL_ERRORS) {
                            firstFailure.compareAndSet(null, status + " " + next.uri() + " " + abbreviate(response.body()));
                        }
                    } catch (IOException e) {
                        status = 0;
                        firstFailure.compareAndSet(null, next.uri() + " " + e);
                    }
                    latencies[count++] = System.nanoTime() - sent;
                    statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                }
                return Arrays.copyOf(latencies, count);
            }));
        }
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> future : clients) {
            try {
                all.add(future.get());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long cpu = processCpuNanos() - cpuStart;
        long[] latencies = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        Map<Integer, Integer> counted = new TreeMap<>();
        statuses.forEach((status, count) -> counted.put(status, count.get()));
        return new Partial(latencies.length, seconds, latencies, counted, firstFailure.get(), cpu);
    }

    private record Partial(int requests, double seconds, long[] latencies, Map<Integer, Integer> statuses,
                           String firstFailure, long cpuNanos) {
        Result named(String name) {
            return new Result(name, requests, seconds, latencies, statuses, firstFailure, cpuNanos);
        }
    }

    /** Counted as the status of a GraphQL answer 200 with errors: a refusal, not a success. */
    static final int GRAPHQL_ERRORS = -1;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The HTTP status, or {@link #GRAPHQL_ERRORS} for a GraphQL answer whose {@code errors} are not empty. */
    static int outcome(String path, int status, String body) {
        if (status != 200 || !path.endsWith("/graphql")) {
            return status;
        }
        try {
            JsonNode errors = JSON.readTree(body).path("errors");
            return errors.isArray() && !errors.isEmpty() ? GRAPHQL_ERRORS : status;
        } catch (IOException unreadable) {
            return GRAPHQL_ERRORS;
        }
    }

    static long processCpuNanos() {
        return ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class).getProcessCpuTime();
    }

    static String abbreviate(String text) {
        String flat = text == null ? "" : text.replaceAll("\\s+", " ");
        return flat.length() > 160 ? flat.substring(0, 160) + "…" : flat;
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
