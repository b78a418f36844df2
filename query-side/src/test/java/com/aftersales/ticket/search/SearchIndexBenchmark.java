package com.aftersales.ticket.search;

import com.aftersales.sla.SlaClockEvents.SlaClockBreached;
import com.aftersales.sla.SlaClockEvents.SlaClockStarted;
import com.aftersales.sla.SlaClockEvents.SlaClockWarned;
import com.aftersales.sla.SlaMetric;
import com.aftersales.sla.SlaTarget;
import com.aftersales.ticket.LifecycleEvents.AssignmentAccepted;
import com.aftersales.ticket.LifecycleEvents.TicketAssigned;
import com.aftersales.ticket.search.SearchFixture.Event;
import com.aftersales.ticket.view.TicketQueries.ListTickets;
import com.aftersales.ticket.view.TicketQueries.Queue;
import com.aftersales.ticket.view.TicketQueries.TicketFilter;
import com.aftersales.ticket.view.TicketQueries.TicketSort;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.springframework.util.FileSystemUtils;

/**
 * The search index alone, in-process (no event store, no HTTP): how fast it applies events, and
 * how long its queries take at 10k and 100k tickets in a tenant with a tenant of the same size
 * beside it. Not a test; run with
 * {@code ./mvnw -q -pl query-side -am test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=com.aftersales.ticket.search.SearchIndexBenchmark}.
 */
public final class SearchIndexBenchmark {

    private static final String[] PROBLEMS = {"空调不制冷，室外机风扇不转", "洗衣机漏水，排水管破裂", "电视机黑屏，有声音没有图像",
            "冰箱噪音很大，晚上无法入睡", "热水器不出热水，显示E1故障", "扫地机器人无法充电", "空调遥控器失灵", "油烟机吸力变小"};
    private static final String[] MODELS = {"KFR-35GW", "XQB80-2", "TV-55A", "BCD-452", "JSQ25", "RV-10", "KFR-26GW"};

    private SearchIndexBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path directory = Files.createTempDirectory("search-benchmark");
        try {
            SearchFixture fixture = SearchFixture.asConfigured(directory);
            long position = 0;
            int have = 0;
            for (int size : new int[] {10_000, 100_000}) {
                List<Event> events = new ArrayList<>();
                for (int i = have; i < size; i++) {
                    for (String tenant : List.of("acme", "nimbus")) {
                        position = ticket(events, position, tenant, i);
                    }
                }
                long start = System.nanoTime();
                for (int from = 0; from < events.size(); from += 1000) {
                    fixture.apply(events.subList(from, Math.min(events.size(), from + 1000)));
                }
                fixture.indexes.commit();
                fixture.indexes.checkpoint(fixture.indexes.position()); // (visible now: refreshed by commit)
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("%,d tickets per tenant: indexed %,d events in %.1f s = %,.0f events/s%n",
                        size, events.size(), seconds, events.size() / seconds);
                have = size;
                queries(fixture);
            }
            fixture.indexes.close();
        } finally {
            FileSystemUtils.deleteRecursively(directory);
        }
    }

    private static long ticket(List<Event> events, long position, String tenant, int i) {
        Random random = new Random(i);
        String id = tenant + "-" + i;
        events.add(new Event(position++, tenant, id, 0, SearchFixture.opened(tenant, id,
                SearchFixture.AT.plusSeconds(i * 30L), PROBLEMS[random.nextInt(PROBLEMS.length)] + " 第" + i + "次",
                MODELS[random.nextInt(MODELS.length)], random.nextBoolean() ? "urgent" : "normal")));
        if (random.nextInt(3) > 0) {
            String handler = "handler-" + random.nextInt(50);
            events.add(new Event(position++, tenant, id, 1, new TicketAssigned(id, "dept-" + random.nextInt(5), handler,
                    "sup", SearchFixture.AT)));
            if (random.nextBoolean()) {
                events.add(new Event(position++, tenant, id, 2, new AssignmentAccepted(id, handler, true, SearchFixture.AT)));
            }
        }
        return clock(events, position, tenant, id, i, random);
    }

    /** A first-response clock on every ticket; a third warned, a tenth of those breached (the SLA queues). */
    private static long clock(List<Event> events, long position, String tenant, String id, int i, Random random) {
        String clock = "FIRST_RESPONSE#1";
        Instant start = SearchFixture.AT.plusSeconds(i * 30L);
        Instant due = start.plus(Duration.ofMinutes(60 + random.nextInt(48 * 60)));
        events.add(new Event(position++, tenant, id, 3, new SlaClockStarted(id, clock, SlaMetric.FIRST_RESPONSE, "urgent",
                SlaTarget.calendar(Duration.between(start, due)), 80, start, "cn-1", due, due)));
        if (random.nextInt(3) == 0) {
            events.add(new Event(position++, tenant, id, 4, new SlaClockWarned(id, clock, due, due, "cn-1")));
            if (random.nextInt(10) == 0) {
                events.add(new Event(position++, tenant, id, 5, new SlaClockBreached(id, clock, due, due, "cn-1")));
            }
        }
        return position;
    }

    private static void queries(SearchFixture fixture) {
        TicketSearch search = fixture.search;
        time("first page, no filter", () -> search.list(list(TicketFilter.none(), TicketSort.REGISTERED_AT, null), 20));
        TicketFilter mine = new TicketFilter(null, null, null, null, null, null, null, null, Queue.MINE, null,
                "handler-7", false);
        time("queue: mine, by priority", () -> search.list(list(mine, TicketSort.PRIORITY, null), 20));
        TicketFilter open = new TicketFilter("IN_PROGRESS", null, null, null, null, null, null, null, Queue.OPEN,
                "dept-2", null, false);
        time("queue: open, in progress, one department", () -> search.list(list(open, TicketSort.REGISTERED_AT, null), 20));
        TicketFilter text = new TicketFilter(null, null, null, null, null, null, null, "空调 制冷", Queue.ALL, null, null,
                false);
        time("text 空调 制冷, newest first", () -> search.list(list(text, TicketSort.REGISTERED_AT, null), 20));
        time("text 空调 制冷, by relevance", () -> search.list(list(text, TicketSort.RELEVANCE, null), 20));
        String cursor = null;
        for (int page = 0; page < 10; page++) {
            cursor = search.list(list(TicketFilter.none(), TicketSort.REGISTERED_AT, cursor), 20).nextCursor();
        }
        String tenth = cursor;
        time("11th page via cursor", () -> search.list(list(TicketFilter.none(), TicketSort.REGISTERED_AT, tenth), 20));
        TicketFilter atRisk = new TicketFilter(null, null, null, null, null, null, null, null, Queue.AT_RISK, null, null,
                false);
        time("queue: at risk, by next due time", () -> search.list(list(atRisk, TicketSort.DUE, null), 20));
        TicketFilter breached = new TicketFilter(null, null, null, null, null, null, null, null, Queue.BREACHED, null,
                null, false);
        time("queue: breached, by next due time", () -> search.list(list(breached, TicketSort.DUE, null), 20));
        time("queue: open, by next due time", () -> search.list(list(open, TicketSort.DUE, null), 20));
        time("queue counts", () -> search.count(new com.aftersales.ticket.view.TicketQueries.CountTickets("acme",
                "handler-7")));
    }

    private static ListTickets list(TicketFilter filter, TicketSort sort, String cursor) {
        return new ListTickets("acme", filter, sort, cursor, 20);
    }

    private static void time(String name, Supplier<?> query) {
        for (int i = 0; i < 200; i++) {
            query.get();
        }
        long[] nanos = new long[500];
        for (int i = 0; i < nanos.length; i++) {
            long start = System.nanoTime();
            query.get();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf("  %-42s p50 %6.2f ms   p99 %6.2f ms%n", name, nanos[nanos.length / 2] / 1e6,
                nanos[nanos.length * 99 / 100] / 1e6);
    }

}
