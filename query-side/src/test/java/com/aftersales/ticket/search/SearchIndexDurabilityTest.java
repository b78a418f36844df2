package com.aftersales.ticket.search;

import static com.aftersales.ticket.search.SearchFixture.AT;
import static com.aftersales.ticket.search.SearchFixture.opened;
import static org.assertj.core.api.Assertions.assertThat;

import com.aftersales.ticket.HandlingEvents.TicketResolved;
import com.aftersales.ticket.LifecycleEvents.AssignmentAccepted;
import com.aftersales.ticket.LifecycleEvents.CoHandlerAdded;
import com.aftersales.ticket.LifecycleEvents.TicketAssigned;
import com.aftersales.ticket.LifecycleEvents.TicketClassified;
import com.aftersales.ticket.LifecycleEvents.TicketReassigned;
import com.aftersales.ticket.Responsibility;
import com.aftersales.ticket.search.SearchFixture.Event;
import com.aftersales.ticket.view.TicketQueries.CountTickets;
import com.aftersales.ticket.view.TicketQueries.Queue;
import com.aftersales.ticket.view.TicketQueries.TicketFilter;
import com.aftersales.ticket.view.TicketQueries.TicketSort;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index and its stream position survive crashes together, and a rebuild equals incremental indexing. */
class SearchIndexDurabilityTest {

    @TempDir
    Path directory;

    /** 60 tickets in two tenants, each with a random history; one stream, interleaved. */
    static List<Event> stream(long seed) {
        Random random = new Random(seed);
        List<Event> events = new ArrayList<>();
        Map<String, Integer> sequences = new HashMap<>();
        List<String> tickets = new ArrayList<>();
        String[] words = {"空调不制冷", "洗衣机漏水", "电视黑屏", "冰箱噪音大"};
        for (int step = 0; step < 400; step++) {
            if (tickets.size() < 60 && (tickets.isEmpty() || random.nextInt(3) == 0)) {
                String id = "t" + tickets.size();
                String tenant = tickets.size() % 2 == 0 ? "acme" : "nimbus";
                tickets.add(id);
                sequences.put(id, 0);
                events.add(new Event(events.size(), tenant, id, 0, opened(tenant, id, AT.plusSeconds(step),
                        words[random.nextInt(words.length)], "M-" + random.nextInt(5))));
                continue;
            }
            String id = tickets.get(random.nextInt(tickets.size()));
            String tenant = Integer.parseInt(id.substring(1)) % 2 == 0 ? "acme" : "nimbus";
            int sequence = sequences.merge(id, 1, Integer::sum);
            String person = "p" + random.nextInt(4);
            Object payload = switch (random.nextInt(6)) {
                case 0 -> new TicketAssigned(id, "d" + random.nextInt(3), person, "li", AT);
                case 1 -> new TicketReassigned(id, "d" + random.nextInt(3), person, "why", "li", AT);
                case 2 -> new CoHandlerAdded(id, person, "li", AT);
                case 3 -> new AssignmentAccepted(id, person, true, AT);
                case 4 -> new TicketClassified(id, "repair", random.nextBoolean() ? "urgent" : "low",
                        Responsibility.INTERNAL, "li", AT);
                default -> new TicketResolved(id, "done", person, AT);
            };
            events.add(new Event(events.size(), tenant, id, sequence, payload));
        }
        return events;
    }

    /** Everything a reader can learn from the indexes. */
    static Map<String, Object> everything(SearchFixture fixture) {
        Map<String, Object> seen = new HashMap<>();
        for (String tenant : List.of("acme", "nimbus")) {
            for (Queue queue : Queue.values()) {
                for (String person : List.of("p0", "p1", "p2", "p3")) {
                    seen.put(tenant + queue + person, fixture.ids(tenant, SearchFixture.queue(queue, person)));
                }
            }
            seen.put(tenant + "priority", fixture.ids(tenant, TicketFilter.none(), TicketSort.PRIORITY));
            seen.put(tenant + "text", fixture.ids(tenant, SearchFixture.text("空调", false)));
            for (String person : List.of("p0", "p1")) {
                seen.put(tenant + "counts" + person, fixture.search.count(new CountTickets(tenant, person)));
            }
            for (int i = 0; i < 60; i++) {
                seen.put(tenant + "t" + i, fixture.indexes.find(tenant, "t" + i));
            }
        }
        return seen;
    }

    private static void applyInBatches(SearchFixture fixture, List<Event> events, int batch) {
        for (int from = 0; from < events.size(); from += batch) {
            fixture.apply(events.subList(from, Math.min(events.size(), from + batch)));
        }
    }

    private static int next(SearchFixture fixture) {
        var position = (GlobalSequenceTrackingToken) fixture.indexes.position();
        return position == null ? 0 : (int) position.getGlobalIndex() + 1;
    }

    @Test
    void a_rebuild_gives_the_same_results_as_incremental_indexing() {
        List<Event> events = stream(7);
        SearchFixture incremental = SearchFixture.onDisk(directory.resolve("incremental"));
        for (int from = 0; from < events.size(); from += 13) {
            incremental.apply(events.subList(from, Math.min(events.size(), from + 13)));
            if (from % 91 == 0) {
                incremental.indexes.close();
                incremental = SearchFixture.onDisk(directory.resolve("incremental"));
                assertThat(next(incremental)).isEqualTo(Math.min(events.size(), from + 13));
            }
        }
        SearchFixture rebuilt = SearchFixture.inMemory();
        applyInBatches(rebuilt, events, 1000);

        assertThat(everything(incremental)).isEqualTo(everything(rebuilt));
    }

    @Test
    void a_crash_before_the_commit_loses_nothing_once_the_stream_is_replayed() {
        crashReplayAndCompare(11, false);
    }

    @Test
    void a_crash_between_index_commit_and_position_commit_applies_nothing_twice() {
        crashReplayAndCompare(13, true);
    }

    /**
     * Commits after 150 events, writes 110 more and crashes (having committed the tenant indexes
     * but not the position, when {@code tenantIndexesCommitted}); the restarted indexes resume at
     * 150 and, fed the rest, equal indexes that never crashed.
     */
    private void crashReplayAndCompare(long seed, boolean tenantIndexesCommitted) {
        List<Event> events = stream(seed);
        SearchFixture expected = SearchFixture.inMemory();
        applyInBatches(expected, events, 1000);

        SearchFixture crashing = SearchFixture.onDisk(directory);
        applyInBatches(crashing, events.subList(0, 150), 50);
        crashing.indexes.commit();
        applyInBatches(crashing, events.subList(150, 260), 50);
        if (tenantIndexesCommitted) {
            crashing.indexes.commitTenantIndexesOnly();
        }
        crashing.indexes.abandon();

        SearchFixture restarted = SearchFixture.onDisk(directory);
        assertThat(next(restarted)).isEqualTo(150);
        applyInBatches(restarted, events.subList(150, events.size()), 50);
        assertThat(everything(restarted)).isEqualTo(everything(expected));
    }

    @Test
    void indexes_of_another_store_or_schema_are_rebuilt_from_the_start() {
        List<Event> events = stream(17);
        SearchFixture first = SearchFixture.onDisk(directory);
        applyInBatches(first, events, 100);
        first.indexes.close();

        TicketSearchIndexes otherStore = new TicketSearchIndexes(SearchIndexStorage.files(directory),
                new TokenCodec(org.axonframework.serialization.json.JacksonSerializer.defaultSerializer()),
                (tenant, priority) -> 0, Duration.ofDays(1), Duration.ZERO, java.time.Clock.systemUTC());
        assertThat(otherStore.start(() -> "store-2")).isNull();
        assertThat(otherStore.find("acme", "t0")).isEmpty();
        otherStore.close();
    }
}
