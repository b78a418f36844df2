package com.aftersales.ticket.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aftersales.privacy.PrivacyEvents.DataSubjectErased;
import com.aftersales.privacy.PrivacyEvents.TicketPersonalDataDisposed;
import com.aftersales.ticket.Channel;
import com.aftersales.ticket.CustomerEmotion;
import com.aftersales.ticket.Registration;
import com.aftersales.ticket.TicketOpened;
import com.aftersales.ticket.search.SearchFixture.Event;
import com.aftersales.ticket.view.ReadSideErasureTest;
import com.aftersales.ticket.view.TicketQueries.Queue;
import com.aftersales.ticket.view.TicketQueries.TicketFilter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13: after a disposal or an erasure the customer cannot be found any more, and the words and
 * number are gone from the index files too (deleted documents are merged away at the next commit).
 */
class SearchErasureTest {

    static final String PHONE = "13977779999";

    static TicketOpened opened(String ticketId, String customer, String phone, String customerId) {
        Registration registration = new Registration(Channel.PHONE, "repair", "normal",
                new Registration.Customer(customer, null, phone, null, customerId, false),
                new Registration.Product("model-x", "SN-1", LocalDate.parse("2023-05-10"), null),
                new Registration.Problem("fan noisy", null, null, null, null, SearchFixture.AT, null), List.of(), null,
                CustomerEmotion.CALM);
        return new TicketOpened(ticketId, "acme", "N-" + ticketId, registration, "agent", SearchFixture.AT);
    }

    static String files(Path directory) throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.filter(Files::isRegularFile).toList()) {
                all.append(new String(Files.readAllBytes(path), StandardCharsets.ISO_8859_1));
            }
        }
        return all.toString();
    }

    static TicketFilter customer(String value) {
        return new TicketFilter(null, null, null, null, value, null, null, null, Queue.ALL, null, null, true);
    }

    @Test
    void a_disposed_or_erased_ticket_is_not_found_by_its_customer_and_its_words_leave_the_files(@TempDir Path directory)
            throws IOException {
        SearchFixture fixture = SearchFixture.onDisk(directory);
        List<Event> events = new ArrayList<>();
        events.add(new Event(1, "acme", "disposed", 0, opened("disposed", "Qzxwvyk Trading", PHONE, "CUST-QZX")));
        events.add(new Event(2, "acme", "erased", 0, opened("erased", "Plorbix Works", "15800001111", "CUST-PLB")));
        for (int i = 0; i < 20; i++) {
            events.add(new Event(3 + i, "acme", "other-" + i, 0, opened("other-" + i, "Other " + i, "0571-8888" + i, "O-" + i)));
        }
        fixture.apply(events);
        fixture.indexes.commit();
        assertThat(fixture.ids("acme", customer(PHONE))).containsExactly("disposed");
        assertThat(files(directory)).as("the positive control: the index files hold the customer id")
                .contains("CUST-QZX", "CUST-PLB");

        fixture.apply(List.of(new Event(30, "acme", "disposed", 9,
                        new TicketPersonalDataDisposed("disposed", SearchFixture.AT, "retention", SearchFixture.AT)),
                new Event(31, "acme", "subject-1", 0, new DataSubjectErased("subject-1", "acme", "asked",
                        List.of("erased"), "admin", SearchFixture.AT))));
        fixture.indexes.commit();

        for (String probe : List.of(PHONE, "CUST-QZX", "Qzxwvyk", "15800001111", "CUST-PLB", "Plorbix")) {
            assertThat(fixture.ids("acme", customer(probe))).as(probe).isEmpty();
        }
        assertThat(fixture.ids("acme", SearchFixture.text("model-x", false))).as("the ticket itself stays")
                .contains("disposed", "erased");
        assertThat(files(directory)).doesNotContain("CUST-QZX", "CUST-PLB", "qzxwvyk", "plorbix");
        fixture.indexes.close();
    }

    /** Review finding 3: the phone written into every personal field and free text of every event. */
    @Test
    void the_phone_in_every_free_text_of_every_event_is_not_found_after_the_erasure(@TempDir Path directory)
            throws IOException {
        SearchFixture fixture = SearchFixture.onDisk(directory);
        List<Event> events = new ArrayList<>();
        long sequence = 0;
        for (Object event : ReadSideErasureTest.everyTicketEvent("all")) {
            events.add(new Event(sequence + 1, "acme", "all", sequence++, event));
        }
        fixture.apply(events);
        fixture.indexes.commit();
        String phone = ReadSideErasureTest.PHONE;
        assertThat(fixture.ids("acme", customer(phone))).as("the positive control").containsExactly("all");
        assertThat(files(directory)).contains(phone);

        fixture.apply(List.of(new Event(sequence + 1, "acme", "all", sequence,
                new TicketPersonalDataDisposed("all", SearchFixture.AT, "retention", SearchFixture.AT))));
        fixture.indexes.commit();

        assertThat(fixture.ids("acme", customer(phone))).isEmpty();
        assertThat(fixture.ids("acme", SearchFixture.text(phone, true))).isEmpty();
        assertThat(files(directory)).doesNotContain(phone);
        fixture.indexes.close();
    }

    /** Review finding 4: an erasure of a ticket the index lacks (lagging, dead-lettered) is not skipped. */
    @Test
    void an_erasure_of_a_ticket_missing_from_the_index_throws_so_that_it_is_dead_lettered() {
        SearchFixture fixture = SearchFixture.inMemory();
        assertThatThrownBy(() -> fixture.apply(List.of(new Event(1, "acme", "subject-1", 0,
                new DataSubjectErased("subject-1", "acme", "asked", List.of("missing"), "admin", SearchFixture.AT)))))
                .hasStackTraceContaining("No index entry of ticket missing");
        fixture.indexes.close();
    }
}
