package com.aftersales.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftersales.ticket.BatchReplay.Decision;
import com.aftersales.ticket.BatchReplay.Outcome;
import com.aftersales.ticket.MarkKeys.Entry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The batch decision each registration makes from the registrations before it. */
class BatchReplayTest {

    static final Instant T0 = Instant.parse("2024-05-20T01:30:00Z");
    static final Duration WINDOW = Duration.ofHours(24);

    final List<Entry> entries = new ArrayList<>();

    Decision next(String ticketId, Duration after) {
        entries.add(new Entry(ticketId, T0.plus(after)));
        return BatchReplay.decide(entries, WINDOW, 3);
    }

    @Test
    void the_threshold_th_ticket_forms_the_batch_and_none_before_it() {
        assertThat(next("t-1", Duration.ZERO).outcome()).isEqualTo(Outcome.NONE);
        assertThat(next("t-2", Duration.ofHours(1)).outcome()).isEqualTo(Outcome.NONE);
        Decision third = next("t-3", Duration.ofHours(2));
        assertThat(third).isEqualTo(new Decision(Outcome.FORMED, "batch-t-3", List.of("t-1", "t-2", "t-3"), T0.plus(Duration.ofHours(2))));
    }

    @Test
    void tickets_within_a_window_of_the_forming_join_it_and_later_ones_count_again_from_zero() {
        next("t-1", Duration.ZERO);
        next("t-2", Duration.ofHours(1));
        next("t-3", Duration.ofHours(2));
        Decision fourth = next("t-4", Duration.ofHours(26));
        assertThat(fourth.outcome()).isEqualTo(Outcome.JOINED);
        assertThat(fourth.batchId()).isEqualTo("batch-t-3");
        assertThat(next("t-5", Duration.ofHours(27)).outcome()).isEqualTo(Outcome.NONE);
        assertThat(next("t-6", Duration.ofHours(28)).outcome())
                .as("t-4 is in a batch already: only t-5 and t-6 wait").isEqualTo(Outcome.NONE);
        assertThat(next("t-7", Duration.ofHours(29))).extracting(Decision::outcome, Decision::members)
                .containsExactly(Outcome.FORMED, List.of("t-5", "t-6", "t-7"));
    }

    @Test
    void tickets_older_than_the_window_do_not_count() {
        next("t-1", Duration.ZERO);
        next("t-2", Duration.ofHours(1));
        assertThat(next("t-3", Duration.ofHours(25).plusSeconds(1)).outcome()).isEqualTo(Outcome.NONE);
        assertThat(next("t-4", Duration.ofHours(26)).members()).isEmpty();
        assertThat(next("t-5", Duration.ofHours(26)).members()).containsExactly("t-3", "t-4", "t-5");
    }
}
