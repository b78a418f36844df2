package com.aftersales.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Laws of the working-time arithmetic on the Chinese preset (holidays, make-up days, lunch break)
 * and on Berlin (clock changes): starts at any minute of 2025–2026, amounts up to 400 working hours.
 */
class WorkingCalendarPropertiesTest {

    private static final Instant FROM = Instant.parse("2024-12-25T00:00:00Z");
    private static final long MINUTES = Duration.ofDays(2 * 366).toMinutes();

    @Property(tries = 400)
    void elapsed_working_time_up_to_the_due_time_is_the_amount_added(@ForAll("calendars") CalendarVersion calendar,
                                                                      @ForAll("starts") Instant start,
                                                                      @ForAll("amounts") Duration amount) {
        Instant due = calendar.addWorkingTime(start, amount);
        assertThat(calendar.workingTimeBetween(start, due)).isEqualTo(amount);
    }

    @Property(tries = 400)
    void a_due_time_never_falls_after_a_non_working_minute(@ForAll("calendars") CalendarVersion calendar,
                                                          @ForAll("starts") Instant start,
                                                          @ForAll("amounts") Duration amount) {
        Instant due = calendar.addWorkingTime(start, amount.plusMinutes(1));
        assertThat(calendar.isWorkingTime(due.minusSeconds(60)))
                .as("the minute before %s is working time", due).isTrue();
    }

    @Property(tries = 300)
    void adding_is_monotonic_in_the_amount_and_in_the_start(@ForAll("calendars") CalendarVersion calendar,
                                                            @ForAll("starts") Instant start,
                                                            @ForAll("amounts") Duration amount,
                                                            @ForAll("amounts") Duration more) {
        assertThat(calendar.addWorkingTime(start, amount.plus(more)))
                .isAfterOrEqualTo(calendar.addWorkingTime(start, amount));
        assertThat(calendar.addWorkingTime(start.plus(more), amount))
                .isAfterOrEqualTo(calendar.addWorkingTime(start, amount));
    }

    @Property(tries = 300)
    void elapsed_working_time_adds_up_over_consecutive_ranges(@ForAll("calendars") CalendarVersion calendar,
                                                              @ForAll("starts") Instant a,
                                                              @ForAll("amounts") Duration first,
                                                              @ForAll("amounts") Duration second) {
        Instant b = a.plus(first.multipliedBy(3));
        Instant c = b.plus(second.multipliedBy(3));
        assertThat(calendar.workingTimeBetween(a, c))
                .isEqualTo(calendar.workingTimeBetween(a, b).plus(calendar.workingTimeBetween(b, c)));
        assertThat(calendar.workingTimeBetween(a, c)).isLessThanOrEqualTo(Duration.between(a, c));
    }

    @Property(tries = 300)
    void working_days_end_on_a_working_day_and_later_with_more_days(@ForAll("calendars") CalendarVersion calendar,
                                                                    @ForAll("starts") Instant start,
                                                                    @ForAll("days") int days) {
        Instant end = calendar.addWorkingDays(start, days);
        assertThat(calendar.isWorkingDay(calendar.localDate(end.minusNanos(1)))).isTrue();
        assertThat(calendar.addWorkingDays(start, days + 1)).isAfter(end);
    }

    @Provide
    Arbitrary<CalendarVersion> calendars() {
        return Arbitraries.of(Calendars.CN, Calendars.BERLIN_CAL);
    }

    @Provide
    Arbitrary<Instant> starts() {
        return Arbitraries.longs().between(0, MINUTES).map(minute -> FROM.plusSeconds(minute * 60));
    }

    @Provide
    Arbitrary<Duration> amounts() {
        return Combinators.combine(Arbitraries.integers().between(0, 400), Arbitraries.integers().between(0, 59))
                .as((hours, minutes) -> Duration.ofHours(hours).plusMinutes(minutes));
    }

    @Provide
    Arbitrary<Integer> days() {
        return Arbitraries.integers().between(1, 30);
    }
}
