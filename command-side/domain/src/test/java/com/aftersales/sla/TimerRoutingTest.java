package com.aftersales.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aftersales.infra.timer.RoutedTimerHandler;
import com.aftersales.infra.timer.Timer;
import com.aftersales.infra.timer.TimerHandler;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One ticker per node fires every timer of the shared store: each to the handler of its purpose. */
class TimerRoutingTest {

    @Test
    void a_timer_goes_to_the_routed_handler_that_claims_it_and_the_rest_to_the_sla_deadlines() throws Exception {
        List<String> fired = new ArrayList<>();
        RoutedTimerHandler disposal = new RoutedTimerHandler() {
            @Override
            public boolean handles(Timer timer) {
                return "disposal".equals(timer.payload().get("purpose"));
            }

            @Override
            public void fire(Timer timer) {
                fired.add("disposal " + timer.id());
            }
        };
        TimerHandler deadlines = timer -> fired.add("sla " + timer.id());
        TimerHandler routed = SlaTimerConfiguration.routed(List.of(disposal), deadlines);

        routed.fire(new Timer("acme", "t-1/FIRST_RESPONSE#1", Instant.EPOCH, Map.of(SlaTimers.TICKET, "t-1"), 1));
        routed.fire(new Timer("acme", "disposal/t-1", Instant.EPOCH, Map.of("purpose", "disposal", "ticketId", "t-1"), 1));

        assertThat(fired).containsExactly("sla t-1/FIRST_RESPONSE#1", "disposal disposal/t-1");
    }

    @Test
    void with_the_sla_deadlines_off_disposals_still_fire_and_sla_timers_stay_for_another_node() throws Exception {
        List<String> fired = new ArrayList<>();
        RoutedTimerHandler disposal = new RoutedTimerHandler() {
            @Override
            public boolean handles(Timer timer) {
                return "disposal".equals(timer.payload().get("purpose"));
            }

            @Override
            public void fire(Timer timer) {
                fired.add("disposal " + timer.id());
            }
        };
        TimerHandler routed = SlaTimerConfiguration.routed(List.of(disposal), SlaTimerConfiguration::slaDisabled);

        routed.fire(new Timer("acme", "disposal/t-1", Instant.EPOCH, Map.of("purpose", "disposal", "ticketId", "t-1"), 1));
        assertThatThrownBy(() -> routed.fire(new Timer("acme", "t-1/FIRST_RESPONSE#1", Instant.EPOCH,
                Map.of(SlaTimers.TICKET, "t-1"), 1))).as("a failed firing keeps the timer (TimerTicker)")
                .isInstanceOf(IllegalStateException.class);

        assertThat(fired).containsExactly("disposal disposal/t-1");
    }
}
