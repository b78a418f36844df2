package com.aftersales.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Policies, timers and working hours at their edges. */
class SlaPolicyEdgesTest {

    private static final Map<String, Map<SlaMetric, SlaTarget>> ONE_LEVEL =
            Map.of("high", Map.of(SlaMetric.RESOLUTION, SlaTarget.workingHours(4)));

    @Test
    void a_warning_share_of_1_or_100_percent_is_valid_0_or_101_is_not() {
        assertThat(new SlaPolicy("p", ONE_LEVEL, 1).warningPercent()).isEqualTo(1);
        assertThat(new SlaPolicy("p", ONE_LEVEL, 100).warningPercent()).isEqualTo(100);
        assertThatThrownBy(() -> new SlaPolicy("p", ONE_LEVEL, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SlaPolicy("p", ONE_LEVEL, 101)).isInstanceOf(IllegalArgumentException.class);
        SlaPolicy changed = new SlaPolicy("p", ONE_LEVEL, 80).withWarningPercent(50);
        assertThat(changed.warningPercent()).isEqualTo(50);
        assertThat(changed.target("high", SlaMetric.RESOLUTION)).contains(SlaTarget.workingHours(4));
        assertThat(changed.hasLevel("high")).isTrue();
        assertThat(changed.hasLevel("low")).isFalse();
    }

    @Test
    void there_are_three_preset_schemes() {
        assertThat(SlaPolicies.all()).extracting(SlaPolicy::scheme).containsExactly("urgent-normal-low", "P0-P2", "P1-P4");
    }

    @Test
    void a_clocks_timer_is_named_by_its_ticket_and_clock() {
        assertThat(SlaTimers.timerId("t-1", "FIRST_RESPONSE#1")).isEqualTo("t-1/FIRST_RESPONSE#1");
    }

    @Test
    void working_hours_print_as_they_are_written_with_midnight_as_24_00() {
        assertThat(WorkingInterval.parse("09:00-12:00")).hasToString("09:00-12:00");
        assertThat(WorkingInterval.parse("18:00-24:00")).hasToString("18:00-24:00");
    }
}
