package com.aftersales.gateway.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aftersales.gateway.problem.RefusalException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** A page cursor names its kind and ticket: any other use is refused like a made-up one. */
class SequenceCursorTest {

    @Test
    void a_cursor_leads_back_to_its_sequence_number() {
        assertThat(SequenceCursor.TIMELINE.start("t-1", SequenceCursor.TIMELINE.next("t-1", 50))).isEqualTo(50);
        assertThat(SequenceCursor.HISTORY.start("t-1", SequenceCursor.HISTORY.next("t-1", 200))).isEqualTo(200);
        assertThat(SequenceCursor.HISTORY.start("t-1", null)).isZero();
    }

    @Test
    void a_cursor_of_another_kind_or_ticket_or_made_up_is_refused() {
        String history = SequenceCursor.HISTORY.next("t-1", 50);
        assertThatThrownBy(() -> SequenceCursor.TIMELINE.start("t-1", history)).isInstanceOf(RefusalException.class);
        assertThatThrownBy(() -> SequenceCursor.HISTORY.start("t-2", history)).isInstanceOf(RefusalException.class);
        assertThatThrownBy(() -> SequenceCursor.HISTORY.start("t-1", "not base64!")).isInstanceOf(RefusalException.class);
        String negative = Base64.getUrlEncoder().withoutPadding().encodeToString("history:t-1:-3".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> SequenceCursor.HISTORY.start("t-1", negative)).isInstanceOf(RefusalException.class);
    }
}
