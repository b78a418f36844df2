package com.aftersales.sla;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftersales.sla.SlaQueries.TicketSla;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The example of docs/sla.md, "One ticket's clocks recomputed from its history": worked example 1
 * (urgent, tenant acme, calendar cn-1) registered Monday 2024-05-20 09:30 Beijing time; the technician
 * calls at 10:10; the ticket waits for the customer from 11:00 to 12:00; asked at 13:00. The JSON is
 * written to target/sla-example.json, as GET /api/v1/tickets/{id}/sla answers it.
 */
class SlaAnswerExampleTest {

    static final String TICKET = "0b6f3a52-6c1e-4f25-9d0e-3f1c2a7d9e11";
    final WorkingCalendar calendar = WorkingCalendar.of(ChineseOfficialCalendar.preset("cn-1", LocalDate.of(2024, 1, 1)));
    final SlaPolicy policy = SlaPolicies.urgentNormalLow();

    @Test
    void the_documented_answer_is_what_the_history_gives() throws Exception {
        Instant registered = Instant.parse("2024-05-20T01:30:00Z");
        List<Object> history = new ArrayList<>();
        SlaClock first = record(history, SlaClock.start(TICKET, "FIRST_RESPONSE#1", SlaMetric.FIRST_RESPONSE, "urgent",
                policy, calendar, registered));
        SlaClock update = record(history, SlaClock.start(TICKET, "CUSTOMER_UPDATE#1", SlaMetric.CUSTOMER_UPDATE, "urgent",
                policy, calendar, registered));
        history.add(apply(first, first.fulfil(Instant.parse("2024-05-20T02:10:00Z"))));
        history.add(apply(update, update.pause(PauseReason.WAITING_FOR_CUSTOMER, Instant.parse("2024-05-20T03:00:00Z"))));
        history.add(apply(update, update.resume(Instant.parse("2024-05-20T04:00:00Z"))));
        Instant now = Instant.parse("2024-05-20T05:00:00Z");

        List<SlaClockStatus> clocks = SlaFacts.clocks(history, calendar).stream().map(c -> c.status(now)).toList();

        assertThat(clocks.get(0).state()).isEqualTo(SlaClockState.FULFILLED);
        assertThat(clocks.get(0).met()).isTrue();
        assertThat(clocks.get(0).elapsed()).hasMinutes(40);
        assertThat(clocks.get(1).state()).isEqualTo(SlaClockState.RUNNING);
        assertThat(clocks.get(1).elapsed()).hasMinutes(150);
        assertThat(clocks.get(1).dueAt()).isEqualTo("2024-05-20T14:30:00Z");
        assertThat(clocks.get(1).warnAt()).isEqualTo("2024-05-20T12:06:00Z");
        String json = JsonMapper.builder().addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .enable(SerializationFeature.INDENT_OUTPUT).build()
                .writeValueAsString(new TicketSla(TICKET, now, clocks));
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "sla-example.json"), json);
    }

    private SlaClock record(List<Object> history, SlaClockEvents.SlaClockStarted started) {
        history.add(started);
        return SlaClock.of(started, calendar);
    }

    private static Object apply(SlaClock clock, Object fact) {
        clock.apply(fact);
        return fact;
    }
}
