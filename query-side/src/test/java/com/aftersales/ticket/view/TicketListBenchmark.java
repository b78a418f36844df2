package com.aftersales.ticket.view;

import com.aftersales.infra.mongo.EmbeddedMongo;
import com.aftersales.ticket.view.TicketQueries.ListTickets;
import com.aftersales.ticket.view.TicketQueries.TicketFilter;
import com.aftersales.ticket.view.TicketQueries.TicketPage;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.bson.Document;
import reactor.core.publisher.Mono;

/**
 * Prints list-query times at 10,000 tickets per tenant on the embedded H2 store (next to another
 * tenant's 10,000). Not a test: {@code ./mvnw -q -pl query-side test-compile exec:java
 * -Dexec.classpathScope=test -Dexec.mainClass=com.aftersales.ticket.view.TicketListBenchmark}.
 */
public final class TicketListBenchmark {

    private TicketListBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int perTenant = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        try (EmbeddedMongo server = EmbeddedMongo.onFile(Files.createTempDirectory("list-bench"), 64, 0);
             MongoClient client = MongoClients.create(server.connectionString())) {
            TicketViewStore store = new TicketViewStore(client.getDatabase("aftersales"));
            fill(store, "acme", perTenant);
            fill(store, "nimbus", perTenant);
            TicketQueryHandler queries = new TicketQueryHandler(store);
            System.out.printf(Locale.ROOT, "list queries at %d tickets per tenant (H2 file backend), median of 15:%n", perTenant);
            time("first page of 20, no filter", () -> queries.list(list(TicketFilter.none(), null)).get());
            time("filter: product model", () -> queries.list(list(filter(null, "MODEL-7", null, null), null)).get());
            time("filter: text in description", () -> queries.list(list(filter(null, null, null, "fan 4242"), null)).get());
            time("filter: customer name", () -> queries.list(list(filter(null, null, "customer 77", null), null)).get());
            time("filter: registered within one day", () -> queries.list(list(new TicketFilter(null, null, null, null,
                    null, Instant.parse("2024-05-20T00:00:00Z"), Instant.parse("2024-05-21T00:00:00Z"), null), null)).get());
            TicketPage page = queries.list(list(TicketFilter.none(), null)).get();
            for (int i = 0; i < 9; i++) {
                page = queries.list(list(TicketFilter.none(), page.nextCursor())).get();
            }
            String tenthCursor = page.nextCursor();
            time("11th page via cursor", () -> queries.list(list(TicketFilter.none(), tenthCursor)).get());
            time("one ticket by id", () -> queries.find(new TicketQueries.FindTicket("acme", "acme-5000")).get());
        }
    }

    private static ListTickets list(TicketFilter filter, String cursor) {
        return new ListTickets("acme", filter, cursor, 20);
    }

    private static TicketFilter filter(String type, String model, String customer, String text) {
        return new TicketFilter(null, type, null, model, customer, null, null, text);
    }

    private static void fill(TicketViewStore store, String tenant, int count) {
        List<Document> batch = new ArrayList<>();
        Instant start = Instant.parse("2024-01-01T00:00:00Z");
        for (int i = 0; i < count; i++) {
            var registration = TicketViewProjectionTest.registration("MODEL-" + (i % 50));
            registration = new com.aftersales.ticket.Registration(registration.channel(), registration.type(),
                    registration.priority(), new com.aftersales.ticket.Registration.Customer("customer " + i, "contact",
                    "1380000" + i, null, null, false), registration.product(),
                    new com.aftersales.ticket.Registration.Problem("outdoor fan " + i + " not turning", null, null, null,
                            null, null, null), registration.attachments(), null, registration.emotion());
            batch.add(store.toDocument(new TicketView(tenant + "-" + i, tenant, "N" + i, "REGISTERED",
                    registration.type(), registration.priority(), null, java.util.Set.of(), null, registration,
                    "agent", start.plusSeconds(i * 1800L), null, null, 0)));
            if (batch.size() == 500) {
                Mono.from(store.collection(tenant).insertMany(batch)).block();
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            Mono.from(store.collection(tenant).insertMany(batch)).block();
        }
    }

    private static void time(String label, Callable<?> query) throws Exception {
        query.call();
        double[] millis = new double[15];
        for (int i = 0; i < millis.length; i++) {
            long start = System.nanoTime();
            query.call();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        System.out.printf(Locale.ROOT, "  %-40s %8.1f ms%n", label, millis[millis.length / 2]);
    }
}
