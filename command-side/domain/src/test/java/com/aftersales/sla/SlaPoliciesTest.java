package com.aftersales.sla;

import static com.aftersales.sla.SlaMetric.COMPLAINT_FEEDBACK;
import static com.aftersales.sla.SlaMetric.COMPLAINT_SECOND_RESULT;
import static com.aftersales.sla.SlaMetric.CUSTOMER_UPDATE;
import static com.aftersales.sla.SlaMetric.FIRST_RESPONSE;
import static com.aftersales.sla.SlaMetric.RESOLUTION;
import static com.aftersales.sla.SlaMetric.SECOND_HANDLING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The presets carry SPEC §3, §5, §6 and §7 figure by figure. */
class SlaPoliciesTest {

    @Test
    void urgent_normal_low_respond_in_24_h_48_h_and_3_working_days() {
        SlaPolicy policy = SlaPolicies.urgentNormalLow();
        assertThat(policy.levelNames()).containsExactly("urgent", "normal", "low");
        assertThat(policy.target("urgent", FIRST_RESPONSE)).contains(SlaTarget.calendarHours(24));
        assertThat(policy.target("normal", FIRST_RESPONSE)).contains(SlaTarget.calendarHours(48));
        assertThat(policy.target("low", FIRST_RESPONSE)).contains(SlaTarget.workingDays(3));
    }

    @Test
    void p0_to_p2_respond_in_1_h_4_h_and_24_h() {
        SlaPolicy policy = SlaPolicies.p0ToP2();
        assertThat(policy.levelNames()).containsExactly("P0", "P1", "P2");
        assertThat(policy.target("P0", FIRST_RESPONSE)).contains(SlaTarget.calendarHours(1));
        assertThat(policy.target("P1", FIRST_RESPONSE)).contains(SlaTarget.calendarHours(4));
        assertThat(policy.target("P2", FIRST_RESPONSE)).contains(SlaTarget.calendarHours(24));
    }

    @Test
    void p1_to_p4_respond_immediately_then_in_4_h_8_h_and_24_h() {
        SlaPolicy policy = SlaPolicies.p1ToP4();
        assertThat(policy.levelNames()).containsExactly("P1", "P2", "P3", "P4");
        assertThat(policy.target("P1", FIRST_RESPONSE)).contains(SlaTarget.calendar(Duration.ofMinutes(15)));
        assertThat(policy.target("P2", FIRST_RESPONSE)).contains(SlaTarget.calendarHours(4));
        assertThat(policy.target("P3", FIRST_RESPONSE)).contains(SlaTarget.calendarHours(8));
        assertThat(policy.target("P4", FIRST_RESPONSE)).contains(SlaTarget.calendarHours(24));
    }

    @Test
    void customers_hear_every_12_h_at_the_two_highest_levels_and_every_24_h_below() {
        for (SlaPolicy policy : SlaPolicies.all()) {
            var levels = policy.levelNames();
            for (int i = 0; i < levels.size(); i++) {
                assertThat(policy.target(levels.get(i), CUSTOMER_UPDATE)).as("%s %s", policy.scheme(), levels.get(i))
                        .contains(SlaTarget.calendarHours(i < 2 ? 12 : 24));
            }
        }
    }

    @Test
    void second_results_in_3_working_days_and_complaint_feedback_in_24_h_at_every_level() {
        for (SlaPolicy policy : SlaPolicies.all()) {
            for (String level : policy.levelNames()) {
                assertThat(policy.target(level, SECOND_HANDLING)).contains(SlaTarget.workingDays(3));
                assertThat(policy.target(level, COMPLAINT_SECOND_RESULT)).contains(SlaTarget.workingDays(3));
                assertThat(policy.target(level, COMPLAINT_FEEDBACK)).contains(SlaTarget.calendarHours(24));
                assertThat(policy.target(level, RESOLUTION)).as("no figure in the SPEC").isEmpty();
            }
            assertThat(policy.warningPercent()).isEqualTo(80);
        }
    }

    @Test
    void a_warning_share_outside_1_to_100_and_partial_working_days_are_refused() {
        assertThatThrownBy(() -> SlaPolicies.p0ToP2().withWarningPercent(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SlaTarget(TimeBasis.WORKING_DAYS, Duration.ofHours(36)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SlaTarget.calendar(Duration.ofHours(-1))).isInstanceOf(IllegalArgumentException.class);
    }
}
