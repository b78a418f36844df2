package com.aftersales.infra.eventstore;

import com.aftersales.infra.mongo.EmbeddedMongo;
import com.aftersales.infra.privacy.FieldCipher;
import com.aftersales.infra.privacy.MasterKeys;
import com.aftersales.infra.privacy.MongoSubjectKeys;
import com.aftersales.infra.privacy.PersonalDataModule;
import com.aftersales.infra.privacy.PersonalField;
import com.aftersales.infra.privacy.SubjectKeys;
import com.aftersales.infra.tenancy.CallerMetaData;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.util.FileSystemUtils;

/**
 * What encrypting personal fields costs the event store (docs/privacy.md, "Cost"): appends one event
 * per call, as commands do, then loads every aggregate, with the personal-data module on and off,
 * alternating, on fresh databases. The events are shaped like the ticket's: a registration with 9
 * personal fields, then contact logs with 1. Not a test: {@code nice -n 19 ./mvnw -o -q -pl infra
 * test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=com.aftersales.infra.eventstore.EncryptionCostBenchmark}.
 */
public final class EncryptionCostBenchmark {

    private static final MetaData CALLER = MetaData.from(CallerMetaData.of("acme", "acme-agent", "user", List.of("AGENT")));
    private static final int AGGREGATES = 200;
    private static final int EVENTS = 10;
    private static final int ROUNDS = 5;

    public record Customer(@PersonalField String name, @PersonalField String contactPerson, @PersonalField String phone,
                           @PersonalField String email, @PersonalField String customerId, boolean vip) {
    }

    public record Problem(@PersonalField String description, @PersonalField String symptom, String frequency,
                          @PersonalField String occurredPlace) {
    }

    public record Registered(String ticketId, String tenantId, String number, String channel, String type,
                             String priority, Customer customer, String model, Problem problem, String registrar) {
    }

    public record ContactLogged(String ticketId, String channel, String direction, @PersonalField String summary,
                                String by) {
    }

    private EncryptionCostBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("encryption-bench");
        try {
            cpuOnly(EmbeddedMongo.inMemory(0));
            run("memory", EmbeddedMongo.inMemory(0));
            run("H2 file (commit before ack)", EmbeddedMongo.onFile(dir, 64, 0));
        } finally {
            FileSystemUtils.deleteRecursively(dir);
        }
        System.exit(0);
    }

    private static void run(String backend, EmbeddedMongo server) {
        try (server; MongoClient client = MongoClients.create(server.connectionString())) {
            List<double[]> plain = new ArrayList<>();
            List<double[]> encrypted = new ArrayList<>();
            measure(client, false, 60); // warm-up of both paths
            measure(client, true, 60);
            for (int round = 0; round < ROUNDS; round++) { // alternating which goes first: the machine's load drifts
                boolean encryptedFirst = round % 2 == 1;
                double[] first = measure(client, encryptedFirst, AGGREGATES);
                double[] second = measure(client, !encryptedFirst, AGGREGATES);
                plain.add(encryptedFirst ? second : first);
                encrypted.add(encryptedFirst ? first : second);
            }
            System.out.printf(Locale.ROOT, "%nPersonal-field encryption, embedded %s backend, java %s, %d cores, "
                            + "%d aggregates x %d events, median of %d rounds%n", backend,
                    System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), AGGREGATES, EVENTS,
                    ROUNDS);
            report("append, 1 event per call", median(plain, 0), median(encrypted, 0));
            report("  its CPU time (process)", median(plain, 3), median(encrypted, 3));
            report("load an aggregate (per event)", median(plain, 1), median(encrypted, 1));
            report("  its CPU time (process)", median(plain, 4), median(encrypted, 4));
            System.out.printf(Locale.ROOT, "  %-32s %8.1f µs/registration (subject lookup and link, key created)%n",
                    "registration: link to subject", median(encrypted, 2));
        }
    }

    /** The CPU cost alone: serializing and deserializing the same events in memory, no store. */
    private static void cpuOnly(EmbeddedMongo server) {
        try (server; MongoClient client = MongoClients.create(server.connectionString())) {
            MongoDatabase database = client.getDatabase("bench_cpu");
            JacksonSerializer plain = serializer(null);
            JacksonSerializer encrypted = serializer(keys(database));
            List<DomainEventMessage<?>> events = new ArrayList<>();
            for (int a = 0; a < 200; a++) {
                for (int sequence = 0; sequence < EVENTS; sequence++) {
                    events.add(event("t-" + a, sequence));
                }
            }
            List<double[]> rounds = new ArrayList<>();
            serializeAndBack(encrypted, events); // creates the keys
            for (int round = 0; round < 7; round++) {
                boolean encryptedFirst = round % 2 == 1;
                double first = serializeAndBack(encryptedFirst ? encrypted : plain, events);
                double second = serializeAndBack(encryptedFirst ? plain : encrypted, events);
                rounds.add(encryptedFirst ? new double[] {second, first} : new double[] {first, second});
            }
            double off = median(rounds, 0);
            double on = median(rounds, 1);
            System.out.printf(Locale.ROOT, "%nSerialize + deserialize only (thread CPU time, no store), median of 7 rounds of %d events%n",
                    events.size());
            System.out.printf(Locale.ROOT, "  %-32s off %8.1f µs/event   on %8.1f µs/event   +%.1f µs/event%n",
                    "write and read one event", off, on, on - off);
        }
    }

    private static double serializeAndBack(JacksonSerializer serializer, List<DomainEventMessage<?>> events) {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long start = threads.getCurrentThreadCpuTime();
        for (DomainEventMessage<?> event : events) {
            var stored = com.aftersales.infra.privacy.PersonalFields.serialize(event.getPayload(), serializer,
                    new com.aftersales.infra.privacy.KeyScope("acme", event.getAggregateIdentifier()));
            if (serializer.deserialize(stored) == null) {
                throw new IllegalStateException();
            }
        }
        return (threads.getCurrentThreadCpuTime() - start) / 1e3 / events.size();
    }

    private static MongoSubjectKeys keys(MongoDatabase database) {
        return new MongoSubjectKeys(database, new MasterKeys(1, Map.of(1, new byte[32])), 10_000,
                Duration.ofSeconds(2), Clock.systemUTC());
    }

    /** With the personal-data module when there are keys. */
    private static JacksonSerializer serializer(MongoSubjectKeys keys) {
        ObjectMapper json = new ObjectMapper();
        if (keys != null) {
            json.registerModule(new PersonalDataModule(new FieldCipher(keys)));
        }
        return JacksonSerializer.builder().objectMapper(json).build();
    }

    private static void report(String what, double plain, double encrypted) {
        System.out.printf(Locale.ROOT, "  %-32s off %8.1f µs/event   on %8.1f µs/event   cost %+6.1f %%%n", what, plain,
                encrypted, 100 * (encrypted - plain) / plain);
    }

    /** µs per event: {append, load}. */
    private static double[] measure(MongoClient client, boolean encrypt, int aggregates) {
        MongoDatabase database = client.getDatabase("bench_" + UUID.randomUUID().toString().replace("-", ""));
        MongoSubjectKeys keys = encrypt ? keys(database) : null;
        JacksonSerializer serializer = serializer(keys);
        MongoEventStorageEngine engine = MongoEventStorageEngine.builder().database(database)
                .eventSerializer(serializer).snapshotSerializer(serializer).build();
        long start = System.nanoTime();
        for (int a = 0; a < aggregates && keys != null; a++) { // as registration does, before the first event
            keys.linkTicket("acme", "t-" + a, keys.subjectOf("acme", new SubjectKeys.SubjectIdentity(
                    "C-" + a, "138" + (10_000_000 + a), null)));
        }
        double link = micros(start) / aggregates;
        start = System.nanoTime();
        long cpu = cpuNanos();
        for (int sequence = 0; sequence < EVENTS; sequence++) {
            for (int a = 0; a < aggregates; a++) {
                engine.appendEvents(event("t-" + a, sequence));
            }
        }
        double append = micros(start) / (aggregates * EVENTS);
        double appendCpu = (cpuNanos() - cpu) / 1e3 / (aggregates * EVENTS);
        start = System.nanoTime();
        cpu = cpuNanos();
        long read = 0;
        for (int a = 0; a < aggregates; a++) {
            read += engine.readEvents("t-" + a, 0).asStream().map(DomainEventMessage::getPayload).count();
        }
        double load = micros(start) / read;
        double loadCpu = (cpuNanos() - cpu) / 1e3 / read;
        database.drop();
        return new double[] {append, load, link, appendCpu, loadCpu};
    }

    private static DomainEventMessage<?> event(String ticket, long sequence) {
        Object payload = sequence == 0
                ? new Registered(ticket, "acme", "20240520001", "PHONE", "repair", "urgent",
                        new Customer("张三丰", "张夫人", "13800138000", "zhang.sanfeng@example.com", "C-" + ticket, false),
                        "KFR-35GW", new Problem("空调不制冷，室外风扇不转", "no cold air", "always", "北京市朝阳区建国路88号"),
                        "acme-agent")
                : new ContactLogged(ticket, "PHONE", "OUTBOUND",
                        "called back the customer about the outdoor fan, arrives 10:00", "acme-agent");
        return new GenericDomainEventMessage<>("Ticket", ticket, sequence, payload, CALLER);
    }

    private static double median(List<double[]> rounds, int which) {
        List<Double> values = new ArrayList<>();
        rounds.forEach(round -> values.add(round[which]));
        Collections.sort(values);
        return values.get(values.size() / 2);
    }

    private static double micros(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e3;
    }

    /**
     * CPU time of the whole process (the in-process MongoDB included), in ns: on a machine shared
     * with other work, wall time says more about the neighbours than about this code.
     */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
