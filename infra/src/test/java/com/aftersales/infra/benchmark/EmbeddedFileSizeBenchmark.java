package com.aftersales.infra.benchmark;

import com.aftersales.infra.mongo.EmbeddedMongo;
import com.aftersales.infra.mongo.MongoStorageProperties;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.lang.management.ManagementFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.h2.mvstore.MVStoreTool;

/**
 * Prints the "Embedded file size" figures of docs/benchmarks.md: the H2 file's size against its
 * live data during a sustained load of ticket commands and after an idle pause, and the command
 * rate, with and without compaction. Not a test: run it with
 * {@code ./mvnw -q -pl infra test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=com.aftersales.infra.benchmark.EmbeddedFileSizeBenchmark [-Dexec.args="10000 off,on 5"]}
 * (commands, modes, idle seconds). The file grown without compaction is then opened with it and
 * left idle until it stops shrinking, as after an upgrade.
 * <p>
 * Live size: the size of a copy of the file after {@code MVStoreTool.compact}, which writes the
 * live pages into a fresh file. Copies are taken between two commands (every write is committed
 * then) and compacted after the run.
 */
public final class EmbeddedFileSizeBenchmark {

    private EmbeddedFileSizeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int commands = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        String[] modes = (args.length > 1 ? args[1] : "off,on").split(",");
        int idleSeconds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        System.out.printf(Locale.ROOT, "H2 file backend, %d commands of 3 writes each, java %s, %d cores%n",
                commands, System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
        warmUp();
        for (String mode : modes) {
            run(mode.equals("on"), commands, idleSeconds);
        }
    }

    /** Not reported: the first mode would otherwise pay for the JIT. */
    private static void warmUp() throws Exception {
        Path dir = Files.createTempDirectory("aftersales-file-size-warmup");
        try (EmbeddedMongo server = EmbeddedMongo.onFile(dir, 64, 0);
             MongoClient client = MongoClients.create(server.connectionString())) {
            TicketLoad load = new TicketLoad(client.getDatabase("warmup"));
            for (int i = 0; i < 1_000; i++) {
                load.command(i);
            }
        }
        deleteRecursively(dir);
    }

    private static void run(boolean compaction, int commands, int idleSeconds) throws Exception {
        Path dir = Files.createTempDirectory("aftersales-file-size");
        Path file = dir.resolve("aftersales.mv.db");
        List<Snapshot> snapshots = new ArrayList<>();
        long busyNanos = 0;
        long busyCpu = 0;
        try (EmbeddedMongo server = EmbeddedMongo.onFile(dir, 64, 0, settings(compaction));
             MongoClient client = MongoClients.create(server.connectionString())) {
            TicketLoad load = new TicketLoad(client.getDatabase("bench"));
            int quarter = Math.max(1, commands / 4);
            for (int done = 0; done < commands; ) {
                long start = System.nanoTime();
                long cpu = cpuNanos();
                int until = Math.min(commands, done + quarter);
                for (; done < until; done++) {
                    load.command(done);
                }
                busyNanos += System.nanoTime() - start;
                busyCpu += cpuNanos() - cpu;
                snapshots.add(Snapshot.of(file, dir, done + " commands"));
            }
            Thread.sleep(idleSeconds * 1000L);
            snapshots.add(Snapshot.of(file, dir, "after " + idleSeconds + " s idle"));
        }
        if (!compaction) {
            snapshots.add(reopenWithCompaction(dir, file));
        }
        print(compaction, commands, busyNanos, busyCpu, snapshots);
        deleteRecursively(dir);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** The upgrade case: a file grown without compaction, opened with it and left idle until it stops shrinking. */
    private static Snapshot reopenWithCompaction(Path dir, Path file) throws Exception {
        long start = System.nanoTime();
        try (EmbeddedMongo server = EmbeddedMongo.onFile(dir, 64, 0)) {
            long size = -1;
            while (size != Files.size(file)) {
                size = Files.size(file);
                Thread.sleep(3_000);
            }
        }
        return Snapshot.of(file, dir, String.format(Locale.ROOT, "reopened, %.0f s idle", seconds(start)));
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static MongoStorageProperties.Compaction settings(boolean compaction) {
        MongoStorageProperties.Compaction settings = new MongoStorageProperties.Compaction();
        if (!compaction) {
            settings.setFillRate(0);
        }
        return settings;
    }

    private static void print(boolean compaction, int commands, long busyNanos, long busyCpu, List<Snapshot> snapshots)
            throws Exception {
        System.out.printf(Locale.ROOT, "%ncompaction %s: %.0f commands/s, %.1f ms CPU per command%n",
                compaction ? "on" : "off", commands / (busyNanos / 1e9), busyCpu / 1e6 / commands);
        System.out.printf(Locale.ROOT, "%-26s %10s %10s %7s%n", "when", "file MB", "live MB", "ratio");
        for (Snapshot snapshot : snapshots) {
            long live = snapshot.liveBytes();
            System.out.printf(Locale.ROOT, "%-26s %10.1f %10.1f %6.1fx%n", snapshot.when(),
                    snapshot.fileBytes() / 1e6, live / 1e6, (double) snapshot.fileBytes() / live);
        }
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** The file's size at one moment, and a copy of it to measure its live data later. */
    private record Snapshot(String when, long fileBytes, Path copy) {

        static Snapshot of(Path file, Path dir, String when) throws Exception {
            Path copy = dir.resolve("copy-" + System.nanoTime() + ".mv.db");
            Files.copy(file, copy);
            return new Snapshot(when, Files.size(copy), copy);
        }

        long liveBytes() throws Exception {
            MVStoreTool.compact(copy.toString(), false);
            long size = Files.size(copy);
            Files.delete(copy);
            return size;
        }
    }
}
