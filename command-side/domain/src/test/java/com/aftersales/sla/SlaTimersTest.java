package com.aftersales.sla;

import static com.aftersales.sla.Calendars.CN;
import static com.aftersales.sla.Calendars.at;
import static org.assertj.core.api.Assertions.assertThat;

import com.aftersales.infra.mongo.EmbeddedMongo;
import com.aftersales.infra.timer.DurableTimers;
import com.aftersales.infra.timer.Timer;
import com.aftersales.infra.timer.TimerSettings;
import com.aftersales.infra.timer.TimerTicker;
import com.aftersales.sla.SlaClockEvents.SlaClockBreached;
import com.aftersales.sla.SlaClockEvents.SlaClockWarned;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The loop the ticket will run: a clock's facts set its timer, the timer's firing gives the
 * warning and then the breach, a pause cancels the timer and a resume sets it again.
 */
class SlaTimersTest {

    private final WorkingCalendar calendar = WorkingCalendar.of(CN);

    @Test
    void a_clocks_timer_follows_its_facts_and_fires_the_warning_then_the_breach() {
        Instant start = at(CN, "2025-03-11T09:00");
        MovableClock time = new MovableClock(start);
        try (EmbeddedMongo server = EmbeddedMongo.inMemory(0); MongoClient client = MongoClients.create(server.connectionString())) {
            DurableTimers store = new DurableTimers(client.getDatabase("aftersales"), time);
            SlaTimers timers = new SlaTimers(store);
            SlaClock clock = SlaClock.of(SlaClock.start("t1", "FIRST_RESPONSE#1", SlaMetric.FIRST_RESPONSE, "P1",
                    SlaPolicies.p0ToP2(), calendar, start), calendar);
            List<Object> recorded = new ArrayList<>();
            TimerTicker ticker = new TimerTicker(store, timer -> {
                assertThat(timer.payload()).containsEntry(SlaTimers.TICKET, "t1").containsEntry(SlaTimers.CLOCK, "FIRST_RESPONSE#1");
                List<Object> facts = clock.deadlineFacts(time.instant());
                facts.forEach(clock::apply);
                recorded.addAll(facts);
                timers.sync("acme", "t1", clock);
            }, "node", TimerSettings.defaults(), time);

            assertThat(timers.sync("acme", "t1", clock)).map(Timer::dueAt).contains(at(CN, "2025-03-11T12:12"));

            time.set(at(CN, "2025-03-11T10:00"));
            clock.apply(clock.pause(PauseReason.WAITING_FOR_CUSTOMER, time.instant()));
            assertThat(timers.sync("acme", "t1", clock)).isEmpty();
            time.set(at(CN, "2025-03-11T11:00"));
            clock.apply(clock.resume(time.instant()));
            assertThat(timers.sync("acme", "t1", clock)).map(Timer::dueAt).contains(at(CN, "2025-03-11T13:12"));

            time.set(at(CN, "2025-03-11T13:12"));
            assertThat(ticker.tick()).isEqualTo(1);
            assertThat(recorded).singleElement().isInstanceOf(SlaClockWarned.class);
            assertThat(store.find("acme", SlaTimers.timerId("t1", "FIRST_RESPONSE#1"))).map(Timer::dueAt)
                    .contains(at(CN, "2025-03-11T14:00"));

            time.set(at(CN, "2025-03-11T14:00:30"));
            assertThat(ticker.tick()).isEqualTo(1);
            assertThat(recorded).hasSize(2).last().isEqualTo(new SlaClockBreached("t1", "FIRST_RESPONSE#1",
                    at(CN, "2025-03-11T14:00"), at(CN, "2025-03-11T14:00"), "cn-1"));
            assertThat(store.find("acme", SlaTimers.timerId("t1", "FIRST_RESPONSE#1"))).isEmpty();
            time.set(at(CN, "2025-03-12T14:00"));
            assertThat(ticker.tick()).isZero();
        }
    }

    private static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
