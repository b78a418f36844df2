package com.aftersales.ticket.search;

import static com.aftersales.ticket.search.SearchFixture.AT;
import static com.aftersales.ticket.search.SearchFixture.customer;
import static com.aftersales.ticket.search.SearchFixture.opened;
import static com.aftersales.ticket.search.SearchFixture.queue;
import static com.aftersales.ticket.search.SearchFixture.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aftersales.ticket.HandlingEvents.ResolutionAccepted;
import com.aftersales.ticket.HandlingEvents.TicketArchived;
import com.aftersales.ticket.HandlingEvents.TicketResolved;
import com.aftersales.ticket.LifecycleEvents.AssignmentAccepted;
import com.aftersales.ticket.LifecycleEvents.CoHandlerAdded;
import com.aftersales.ticket.LifecycleEvents.TicketAssigned;
import com.aftersales.ticket.LifecycleEvents.TicketClassified;
import com.aftersales.ticket.LifecycleEvents.TicketReassigned;
import com.aftersales.ticket.Responsibility;
import com.aftersales.ticket.search.SearchFixture.Event;
import com.aftersales.ticket.view.TicketQueries.CountTickets;
import com.aftersales.ticket.view.TicketQueries.ListTickets;
import com.aftersales.ticket.view.TicketQueries.Queue;
import com.aftersales.ticket.view.TicketQueries.TicketCounts;
import com.aftersales.ticket.view.TicketQueries.TicketFilter;
import com.aftersales.ticket.view.TicketQueries.TicketSort;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TicketSearchTest {

    final SearchFixture fixture = SearchFixture.inMemory();
    long position;

    private void apply(String tenantId, String ticketId, long sequence, Object payload) {
        fixture.apply(List.of(new Event(position++, tenantId, ticketId, sequence, payload)));
    }

    private void open(String tenantId, String ticketId, int minutes, String description, String model) {
        apply(tenantId, ticketId, 0, opened(tenantId, ticketId, AT.plusSeconds(60L * minutes), description, model));
    }

    private List<String> in(Queue queue, String handler) {
        return fixture.ids("acme", queue(queue, handler));
    }

    private TicketCounts counts(String handler) {
        return fixture.search.count(new CountTickets("acme", handler));
    }

    @Test
    void a_ticket_is_in_exactly_the_right_queues_at_each_step() {
        open("acme", "t1", 0, "空调不制冷", "KFR-35GW");
        assertThat(in(Queue.OPEN, "wang")).containsExactly("t1");
        assertThat(in(Queue.UNASSIGNED, "wang")).containsExactly("t1");
        assertThat(in(Queue.MINE, "wang")).isEmpty();
        assertThat(counts("wang")).isEqualTo(new TicketCounts(1, 1, 1, 0, statuses(Map.of("REGISTERED", 1L)), Map.of()));

        apply("acme", "t1", 1, new TicketClassified("t1", "complaint", "urgent", Responsibility.INTERNAL, "li", AT));
        apply("acme", "t1", 2, new TicketAssigned("t1", "technical", "wang", "li", AT));
        assertThat(in(Queue.UNASSIGNED, "wang")).isEmpty();
        assertThat(in(Queue.MINE, "wang")).containsExactly("t1");
        assertThat(fixture.ids("acme", new TicketFilter("ASSIGNED", "complaint", "urgent", "KFR-35GW", null, null, null,
                null, Queue.OPEN, "technical", null, false))).containsExactly("t1");
        assertThat(counts("wang")).isEqualTo(new TicketCounts(1, 1, 0, 1, statuses(Map.of("ASSIGNED", 1L)),
                Map.of("technical", 1L)));

        apply("acme", "t1", 3, new TicketReassigned("t1", "complaint-team", "liu", "complaint", "sup", AT));
        assertThat(in(Queue.MINE, "wang")).isEmpty();
        assertThat(in(Queue.MINE, "liu")).containsExactly("t1");
        assertThat(counts("liu").byDepartment()).isEqualTo(Map.of("complaint-team", 1L));
        apply("acme", "t1", 4, new CoHandlerAdded("t1", "wang", "sup", AT));
        assertThat(in(Queue.MINE, "wang")).containsExactly("t1");
        apply("acme", "t1", 5, new AssignmentAccepted("t1", "liu", true, AT));
        assertThat(counts("liu").byStatus().get("IN_PROGRESS")).isEqualTo(1);

        apply("acme", "t1", 6, new TicketResolved("t1", "replaced the compressor", "liu", AT));
        apply("acme", "t1", 7, new ResolutionAccepted("t1", "ok", "li", AT));
        assertThat(in(Queue.OPEN, "liu")).isEmpty();
        assertThat(in(Queue.MINE, "liu")).isEmpty();
        assertThat(in(Queue.ALL, "liu")).containsExactly("t1");
        assertThat(counts("liu")).isEqualTo(new TicketCounts(1, 0, 0, 0, statuses(Map.of("CLOSED", 1L)), Map.of()));

        apply("acme", "t1", 8, new TicketArchived("t1", "li", AT));
        assertThat(counts("liu")).isEqualTo(new TicketCounts(1, 0, 0, 0, statuses(Map.of("ARCHIVED", 1L)), Map.of()));
        assertThat(fixture.ids("acme", new TicketFilter("ARCHIVED", null, null, null, null, null, null, null)))
                .containsExactly("t1");
    }

    private static Map<String, Long> statuses(Map<String, Long> nonZero) {
        Map<String, Long> all = new java.util.LinkedHashMap<>();
        for (var status : com.aftersales.ticket.TicketStatus.values()) {
            all.put(status.name(), nonZero.getOrDefault(status.name(), 0L));
        }
        return all;
    }

    @Test
    void an_event_at_or_below_the_indexed_version_changes_nothing() {
        open("acme", "t1", 0, "空调不制冷", "A");
        apply("acme", "t1", 1, new TicketAssigned("t1", "technical", "wang", "li", AT));
        apply("acme", "t1", 1, new TicketAssigned("t1", "other", "zhao", "li", AT));
        apply("acme", "t1", 0, opened("acme", "t1", AT, "洗衣机漏水", "B"));

        assertThat(fixture.indexes.find("acme", "t1").orElseThrow())
                .extracting(IndexedTicket::department, IndexedTicket::assigneeId, IndexedTicket::productModel,
                        IndexedTicket::version)
                .containsExactly("technical", "wang", "A", 1L);
    }

    @Test
    void chinese_text_is_searched_by_words_with_model_numbers_and_ranked_on_request() {
        open("acme", "t1", 0, "空调不制冷，室外机风扇不转", "KFR-35GW");
        open("acme", "t2", 1, "洗衣机漏水，排水管破裂", "XQB80");
        open("acme", "t3", 2, "空调噪音很大", "KFR-26GW");
        open("acme", "t4", 3, "电视机黑屏 no signal after update", "TV-55");

        assertThat(fixture.ids("acme", text("空调", false))).containsExactly("t3", "t1");
        assertThat(fixture.ids("acme", text("制冷", false))).containsExactly("t1");
        assertThat(fixture.ids("acme", text("空调 风扇", false))).containsExactly("t1");
        assertThat(fixture.ids("acme", text("kfr-35gw", false))).containsExactly("t1");
        assertThat(fixture.ids("acme", text("XQB80", false))).containsExactly("t2");
        assertThat(fixture.ids("acme", text("signal", false))).containsExactly("t4");
        assertThat(fixture.ids("acme", text("N-t2", false))).containsExactly("t2");
        assertThat(fixture.ids("acme", text("冰箱", false))).isEmpty();
        assertThat(fixture.ids("acme", text("空调不制冷", false), TicketSort.RELEVANCE)).first().isEqualTo("t1");
    }

    @Test
    void customers_are_found_only_by_readers_of_personal_data() {
        open("acme", "t1", 0, "请拨打 13912345678 联系我", "A");

        assertThat(fixture.ids("acme", customer("华东科技", true))).containsExactly("t1");
        assertThat(fixture.ids("acme", customer("13800005678", true))).containsExactly("t1");
        assertThat(fixture.ids("acme", customer("C-77", true))).containsExactly("t1");
        assertThat(fixture.ids("acme", customer("华东科技", false))).isEmpty();
        assertThat(fixture.ids("acme", text("张经理", true))).containsExactly("t1");
        assertThat(fixture.ids("acme", text("张经理", false))).isEmpty();
        // the description is indexed as masked readers see it: a phone number in it is no probe
        assertThat(fixture.ids("acme", text("13912345678", false))).isEmpty();
        assertThat(fixture.ids("acme", text("13912345678", true))).isEmpty();
    }

    @Test
    void pages_chain_newest_first_and_a_cursor_pages_only_its_own_list() {
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            open("acme", String.format("t%02d", i), i / 2, "空调不制冷", "A");
        }
        for (int i = 44; i >= 0; i--) {
            expected.add(String.format("t%02d", i));
        }
        expected.sort((a, b) -> {
            int minutes = Integer.compare(Integer.parseInt(b.substring(1)) / 2, Integer.parseInt(a.substring(1)) / 2);
            return minutes != 0 ? minutes : b.compareTo(a);
        });
        assertThat(fixture.ids("acme", TicketFilter.none())).containsExactlyElementsOf(expected);

        TicketSearch.Hits first = fixture.search.list(new ListTickets("acme", TicketFilter.none(), null, 20), 20);
        assertThat(first.ids()).hasSize(20);
        ListTickets otherList = new ListTickets("acme", text("空调", false), TicketSort.REGISTERED_AT,
                first.nextCursor(), 20);
        assertThat(TicketSearch.isValidCursor(otherList)).isFalse();
        assertThatThrownBy(() -> fixture.search.list(otherList, 20)).isInstanceOf(SearchCursor.InvalidCursorException.class);
        assertThat(TicketSearch.isValidCursor(new ListTickets("nimbus", TicketFilter.none(), first.nextCursor(), 20)))
                .isFalse();
        assertThat(TicketSearch.isValidCursor(new ListTickets("acme", TicketFilter.none(), "bm9wZQ", 20))).isFalse();
        assertThat(TicketSearch.isValidCursor(new ListTickets("acme", TicketFilter.none(), first.nextCursor(), 20)))
                .isTrue();
    }

    @Test
    void priority_sorts_highest_first_then_newest() {
        apply("acme", "low", 0, opened("acme", "low", AT.plusSeconds(300), "空调", "A", "low"));
        apply("acme", "none", 0, opened("acme", "none", AT.plusSeconds(400), "空调", "A", null));
        apply("acme", "urgent-old", 0, opened("acme", "urgent-old", AT, "空调", "A", "urgent"));
        apply("acme", "urgent-new", 0, opened("acme", "urgent-new", AT.plusSeconds(100), "空调", "A", "urgent"));
        apply("acme", "normal", 0, opened("acme", "normal", AT.plusSeconds(200), "空调", "A", "normal"));
        apply("acme", "low", 1, new TicketClassified("low", "repair", "urgent", Responsibility.INTERNAL, "li", AT));

        assertThat(fixture.ids("acme", TicketFilter.none(), TicketSort.PRIORITY))
                .containsExactly("low", "urgent-new", "urgent-old", "normal", "none");
    }

    @Test
    void no_query_of_one_tenant_returns_another_tenants_ticket() {
        open("acme", "a1", 0, "空调不制冷", "KFR-35GW");
        open("nimbus", "n1", 0, "空调不制冷", "KFR-35GW");
        apply("nimbus", "n1", 1, new TicketAssigned("n1", "technical", "wang", "li", AT));
        // an event naming a ticket of another tenant is not applied to it
        apply("nimbus", "a1", 1, new TicketAssigned("a1", "technical", "wang", "li", AT));

        for (TicketFilter filter : List.of(TicketFilter.none(), text("空调", true), customer("华东科技", true),
                queue(Queue.MINE, "wang"), queue(Queue.OPEN, null), queue(Queue.UNASSIGNED, null))) {
            assertThat(fixture.ids("acme", filter)).as("%s", filter).doesNotContain("n1");
            assertThat(fixture.ids("nimbus", filter)).as("%s", filter).doesNotContain("a1");
        }
        assertThat(in(Queue.UNASSIGNED, null)).containsExactly("a1");
        assertThat(fixture.search.count(new CountTickets("nimbus", "wang")).mine()).isEqualTo(1);
        assertThat(fixture.ids("other", TicketFilter.none())).isEmpty();
        assertThat(fixture.search.count(new CountTickets("other", "wang")).all()).isZero();
    }
}
