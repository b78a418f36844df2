package com.aftersales.infra.timer;

import com.aftersales.infra.eventstore.MutableClock;

import static com.mongodb.client.model.Filters.lte;

import com.aftersales.infra.mongo.EmbeddedMongo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.springframework.util.FileSystemUtils;

/**
 * What a tick costs with 100,000 timers scheduled (docs/sla.md): timers spread over 30 days, ticks
 * one minute apart, each firing the 2–3 timers due; compared with the range query a scheduler with
 * an index on the due time would send ({@code dueAt <= now}), which the embedded server answers by
 * scanning. Not a test: {@code nice -n 19 ./mvnw -o -q -pl infra test-compile exec:java
 * -Dexec.classpathScope=test -Dexec.mainClass=com.aftersales.infra.timer.TimerTickBenchmark}.
 */
public final class TimerTickBenchmark {

    private static final int TIMERS = 100_000;
    private static final Instant T0 = Instant.parse("2025-03-11T00:00:00Z");

    private TimerTickBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("timer-bench");
        try {
            if (args.length == 0 || !"file".equals(args[0])) {
                run("memory", EmbeddedMongo.inMemory(0), null);
            }
            run("H2 file (commit before ack)", EmbeddedMongo.onFile(dir, 64, 0), dir);
        } finally {
            FileSystemUtils.deleteRecursively(dir);
        }
        System.exit(0);
    }

    private static void run(String backend, EmbeddedMongo server, Path dir) {
        MutableClock clock = new MutableClock(T0);
        long heapBefore = usedHeap();
        try (server; Node node = new Node(server, "bench", clock)) {
            long start = System.nanoTime();
            Map<String, Instant> batch = new HashMap<>();
            for (int i = 0; i < TIMERS; i++) {
                batch.put("ticket-" + i + "/FIRST_RESPONSE#1", T0.plusSeconds(120 + (long) i * 30 * 24 * 3600 / TIMERS));
                if (batch.size() == 5_000) {
                    node.timers.scheduleNew("acme", batch, Map.of("ticket", "t"));
                    batch.clear();
                }
            }
            double bulkMicros = micros(start) / TIMERS;
            node.resetCommands();
            start = System.nanoTime();
            for (int i = 0; i < 500; i++) {
                node.timers.schedule("acme", "single-" + i, T0.plus(Duration.ofDays(40)).plusSeconds(i), Map.of());
            }
            double singleMicros = micros(start) / 500;
            String singleBreakdown = breakdown(node, 500);
            long heapAfter = usedHeap();

            node.ticker.tick(); // warm-up
            int ticks = 200;
            int fired = 0;
            node.resetCommands();
            start = System.nanoTime();
            for (int i = 0; i < ticks; i++) {
                clock.advance(Duration.ofMinutes(1));
                fired += node.ticker.tick();
            }
            double tickMillis = micros(start) / ticks / 1000;
            double commandsPerTick = node.commandCount() / (double) ticks;
            String tickBreakdown = breakdown(node, ticks);

            node.resetCommands();
            start = System.nanoTime();
            for (int i = 0; i < ticks; i++) {
                node.ticker.tick(); // same minute again: nothing due
            }
            double idleMillis = micros(start) / ticks / 1000;
            double idleCommands = node.commandCount() / (double) ticks;

            start = System.nanoTime();
            int rangeRuns = 5;
            long due = 0;
            for (int i = 0; i < rangeRuns; i++) {
                due = node.timers.timers.countDocuments(lte("dueAt", java.util.Date.from(clock.instant())));
            }
            double rangeMillis = micros(start) / rangeRuns / 1000;

            System.out.printf("%s, %,d timers over 30 days:%n", backend, TIMERS);
            System.out.printf("  schedule: %.0f µs per timer in bulks of 5,000, %.0f µs one by one%n", bulkMicros, singleMicros);
            System.out.printf("    server time per schedule: %s%n", singleBreakdown);
            System.out.printf("  tick firing the timers due (%d fired in %d ticks): %.2f ms, %.1f commands per tick%n",
                    fired, ticks, tickMillis, commandsPerTick);
            System.out.printf("    server time per tick: %s%n", tickBreakdown);
            System.out.printf("  tick with nothing due: %.2f ms, %.1f commands%n", idleMillis, idleCommands);
            System.out.printf("  range query dueAt <= now (what an index on the due time would be asked; %d due): %.1f ms%n",
                    due, rangeMillis);
            System.out.printf("  heap used by the in-process server and client after scheduling: +%.0f MiB%n",
                    (heapAfter - heapBefore) / 1048576.0);
            if (dir != null) {
                System.out.printf("  H2 file: %.1f MiB%n", dir.resolve("aftersales.mv.db").toFile().length() / 1048576.0);
            }
        }
    }

    private static String breakdown(Node node, int per) {
        StringBuilder text = new StringBuilder();
        node.micros.forEach((command, total) -> text.append(String.format("%s %.0f µs (%d×) ", command,
                total.get() / (double) per, node.commands.get(command).get())));
        return text.toString();
    }

    private static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static double micros(long start) {
        return (System.nanoTime() - start) / 1000.0;
    }
}
