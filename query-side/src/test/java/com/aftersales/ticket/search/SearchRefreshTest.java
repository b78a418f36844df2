package com.aftersales.ticket.search;

import static com.aftersales.ticket.search.SearchFixture.AT;
import static com.aftersales.ticket.search.SearchFixture.opened;
import static org.assertj.core.api.Assertions.assertThat;

import com.aftersales.ticket.search.SearchFixture.Event;
import com.aftersales.ticket.view.TicketQueries.TicketFilter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** In a burst, a batch written within the refresh interval of the last refresh shows up when the interval ends. */
class SearchRefreshTest {

    @TempDir
    Path directory;

    @Test
    void a_batch_in_a_burst_becomes_visible_when_the_refresh_interval_ends() throws Exception {
        SearchFixture fixture = new SearchFixture(SearchIndexStorage.files(directory), Duration.ofDays(1),
                Duration.ofSeconds(2));
        fixture.apply(List.of(new Event(0, "acme", "t1", 0, opened("acme", "t1", AT, "空调不制冷", "A"))));
        assertThat(fixture.ids("acme", TicketFilter.none())).as("the first batch refreshes at once").containsExactly("t1");

        fixture.apply(List.of(new Event(1, "acme", "t2", 0, opened("acme", "t2", AT.plusSeconds(1), "洗衣机漏水", "B"))));
        assertThat(fixture.ids("acme", TicketFilter.none())).as("within the interval").containsExactly("t1");
        assertThat(fixture.indexes.find("acme", "t2")).as("the next event of t2 reads what was written").isPresent();

        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (fixture.ids("acme", TicketFilter.none()).size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(fixture.ids("acme", TicketFilter.none())).containsExactly("t2", "t1");
        fixture.indexes.close();
    }
}
