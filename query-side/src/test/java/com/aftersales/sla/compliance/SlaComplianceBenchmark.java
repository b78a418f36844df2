package com.aftersales.sla.compliance;

import com.aftersales.infra.mongo.EmbeddedMongo;
import com.aftersales.infra.tenancy.CallerMetaData;
import com.aftersales.sla.SlaClockEvents.SlaClockBreached;
import com.aftersales.sla.SlaClockEvents.SlaClockFulfilled;
import com.aftersales.sla.SlaClockEvents.SlaClockStarted;
import com.aftersales.sla.SlaMetric;
import com.aftersales.sla.SlaTarget;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.springframework.util.FileSystemUtils;

/**
 * The compliance projection's catch-up on the embedded default (H2 file, the service's deferred
 * write concern for derived data): per ticket a first-response and a resolution clock started and
 * fulfilled (a tenth breached first), spread over 3 priority levels and one month, fed through the
 * projection's own handlers as the {@code sla-compliance} processor feeds it (a rebuild). Prints
 * facts per second and the question's time. Not a test; run with
 * {@code ./mvnw -q -pl query-side -am test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=com.aftersales.sla.compliance.SlaComplianceBenchmark -Dexec.args=10000}.
 */
public final class SlaComplianceBenchmark {

    private static final Instant START = Instant.parse("2026-11-02T02:00:00Z");
    private static final String[] LEVELS = {"urgent", "normal", "low"};

    private SlaComplianceBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int tickets = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        Path directory = Files.createTempDirectory("compliance-benchmark");
        try (EmbeddedMongo server = EmbeddedMongo.onFile(directory, 64, 0);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoDatabase database = client.getDatabase("aftersales").withWriteConcern(WriteConcern.W1.withJournal(false));
            SlaComplianceStore store = new SlaComplianceStore(database);
            AnnotationEventHandlerAdapter handlers = new AnnotationEventHandlerAdapter(
                    new SlaComplianceProjection(store, SlaComplianceProjectionTest.tenants()));
            long facts = 0;
            long start = System.nanoTime();
            for (int i = 0; i < tickets; i++) {
                facts += ticket(handlers, "t" + i, LEVELS[i % LEVELS.length], i % 10 == 0);
                if ((i + 1) % (tickets / 2) == 0) {
                    double seconds = (System.nanoTime() - start) / 1e9;
                    System.out.printf("%,d tickets, %,d facts: %.1f s, %,.0f facts/s%n", i + 1, facts, seconds,
                            facts / seconds);
                }
            }
            long asked = System.nanoTime();
            int rows = store.rows("acme", YearMonth.of(2026, 11), YearMonth.of(2026, 11)).size();
            System.out.printf("question for the month: %d rows in %.1f ms%n", rows, (System.nanoTime() - asked) / 1e6);
        } finally {
            FileSystemUtils.deleteRecursively(directory);
        }
    }

    private static int ticket(AnnotationEventHandlerAdapter handlers, String ticket, String level, boolean late)
            throws Exception {
        Instant at = START.plusSeconds(ticket.hashCode() & 0xFFFF);
        long sequence = 0;
        for (SlaMetric metric : new SlaMetric[] {SlaMetric.FIRST_RESPONSE, SlaMetric.RESOLUTION}) {
            handle(handlers, ticket, sequence++, new SlaClockStarted(ticket, metric + "#1", metric, level,
                    SlaTarget.calendar(Duration.ofHours(24)), 80, at, "cn-1", at.plus(Duration.ofHours(24)),
                    at.plus(Duration.ofMinutes(1152))));
        }
        if (late) {
            handle(handlers, ticket, sequence++, new SlaClockBreached(ticket, "FIRST_RESPONSE#1",
                    at.plus(Duration.ofHours(24)), at.plus(Duration.ofHours(24)), "cn-1"));
        }
        for (SlaMetric metric : new SlaMetric[] {SlaMetric.FIRST_RESPONSE, SlaMetric.RESOLUTION}) {
            handle(handlers, ticket, sequence++, new SlaClockFulfilled(ticket, metric + "#1",
                    at.plus(Duration.ofHours(late ? 30 : 2)), !late, Duration.ofHours(late ? 30 : 2), "cn-1"));
        }
        return (int) sequence;
    }

    private static void handle(AnnotationEventHandlerAdapter handlers, String ticket, long sequence, Object payload)
            throws Exception {
        handlers.handle(new GenericDomainEventMessage<>("Ticket", ticket, sequence, payload,
                MetaData.with(CallerMetaData.TENANT, "acme")));
    }
}
