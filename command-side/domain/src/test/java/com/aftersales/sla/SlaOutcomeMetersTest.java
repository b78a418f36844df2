package com.aftersales.sla;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The outcome counters: the four tags only, never a ticket, clock or person. */
class SlaOutcomeMetersTest {

    final WorkingCalendar calendar = WorkingCalendar.of(ChineseOfficialCalendar.preset("cn-1", LocalDate.of(2024, 1, 1)));
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final SlaOutcomeMeters meters = new SlaOutcomeMeters(registry);
    final Instant start = Instant.parse("2024-05-20T01:30:00Z");

    SlaClock clock(String clockId, SlaMetric metric) {
        return SlaClock.of(SlaClock.start("ticket-with-a-customer", clockId, metric, "P1", SlaPolicies.p0ToP2(),
                calendar, start), calendar);
    }

    double count(String metric, String outcome) {
        var counter = registry.find(SlaOutcomeMeters.NAME).tags("tenant", "acme", "priority", "P1", "metric", metric,
                "outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void warnings_breaches_and_fulfilments_are_counted_by_tenant_priority_metric_and_outcome() {
        SlaClock late = clock("FIRST_RESPONSE#1", SlaMetric.FIRST_RESPONSE); // P1: 4 h
        List<Object> due = late.deadlineFacts(start.plus(Duration.ofHours(5)));
        due.forEach(fact -> meters.record("acme", late, fact));
        SlaClock onTime = clock("CUSTOMER_UPDATE#1", SlaMetric.CUSTOMER_UPDATE);
        meters.record("acme", onTime, onTime.fulfil(start.plus(Duration.ofHours(1))));
        meters.record("acme", late, late.fulfil(start.plus(Duration.ofHours(6))));
        meters.record("acme", late, new Object());

        assertThat(count("FIRST_RESPONSE", "warned")).isEqualTo(1);
        assertThat(count("FIRST_RESPONSE", "breached")).isEqualTo(1);
        assertThat(count("FIRST_RESPONSE", "missed")).isEqualTo(1);
        assertThat(count("CUSTOMER_UPDATE", "met")).isEqualTo(1);
        for (Meter meter : registry.getMeters()) {
            assertThat(meter.getId().getTags()).extracting(Tag::getKey)
                    .containsExactlyInAnyOrder("tenant", "priority", "metric", "outcome");
            assertThat(meter.getId().getTags()).extracting(Tag::getValue)
                    .doesNotContain("ticket-with-a-customer", "FIRST_RESPONSE#1");
        }
    }
}
