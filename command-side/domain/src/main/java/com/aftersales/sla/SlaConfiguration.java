package com.aftersales.sla;

import com.aftersales.infra.deadletter.DeadLetterQueues;
import com.aftersales.infra.tenancy.TenantDirectory;
import com.aftersales.infra.timer.DurableTimers;
import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The SLA settings port (read from the tenant directory), the durable timers on MongoDB and the
 * processor that keeps one timer per open clock. A fact the processor cannot apply is
 * dead-lettered, never skipped.
 */
@Configuration
public class SlaConfiguration {

    @Bean
    SlaSettings slaSettings(TenantDirectory tenants) {
        return new TenantSlaSettings(tenants);
    }

    @Bean
    DurableTimers durableTimers(MongoDatabase database, Clock clock) {
        return new DurableTimers(database, clock);
    }

    @Bean
    SlaTimerProcessor slaTimerProcessor(DurableTimers timers, SlaSettings settings, EventStore events,
                                        ObjectProvider<MeterRegistry> registry) {
        return new SlaTimerProcessor(new SlaTimers(timers), settings, events,
                new SlaOutcomeMeters(registry.getIfAvailable(SimpleMeterRegistry::new)));
    }

    @Bean
    SlaQueryHandler slaQueryHandler(EventStore events, SlaSettings settings, Clock clock) {
        return new SlaQueryHandler(events, settings, clock);
    }

    @Bean
    ConfigurerModule slaTimerDeadLetters(DeadLetterQueues queues) {
        return configurer -> configurer.eventProcessing(processing ->
                queues.register(processing, SlaTimerProcessor.PROCESSING_GROUP));
    }
}
