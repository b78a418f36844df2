package com.aftersales.privacy;

import com.aftersales.infra.deadletter.DeadLetterQueues;
import com.aftersales.infra.privacy.SubjectKeys;
import com.aftersales.infra.tenancy.TenantDirectory;
import com.aftersales.infra.timer.DurableTimers;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Retention, legal hold, erasure and disposal (SPEC §8, issue 13); docs/privacy.md. */
@Configuration
@EnableConfigurationProperties(RetentionProperties.class)
public class PrivacyConfiguration {

    @Bean
    Retention retention(RetentionProperties properties) {
        return new Retention(properties);
    }

    @Bean
    TicketRecords ticketRecords(EventStore events) {
        return new StoredTicketRecords(events);
    }

    /** The {@link SubjectKeys} of the encryption; required (see {@link SubjectKeyring}). */
    @Bean
    SubjectKeyring subjectKeyring(SubjectKeys keys) {
        return new SubjectKeyring(keys);
    }

    @Bean
    PrivacyQueryHandler privacyQueryHandler(TicketRecords records, Retention retention, TenantDirectory tenants,
                                            SubjectKeyring keyring) {
        return new PrivacyQueryHandler(records, retention, tenants, keyring);
    }

    @Bean
    DisposalTimers disposalTimers(DurableTimers timers, CommandGateway commands, TicketRecords records,
                                  TenantDirectory tenants, Retention retention) {
        return new DisposalTimers(timers, commands, records, tenants, retention);
    }

    @Bean
    DisposalScheduler disposalScheduler(DisposalTimers timers, SubjectKeyring keyring) {
        return new DisposalScheduler(timers, keyring);
    }

    @Bean
    KeyShredder keyShredder(SubjectKeyring keyring) {
        return new KeyShredder(keyring);
    }

    /** A failed shred stops the processor, which retries it, instead of skipping the event. */
    @Bean
    ConfigurerModule keyShredderErrors() {
        return configurer -> configurer.eventProcessing(processing -> processing.registerListenerInvocationErrorHandler(
                KeyShredder.PROCESSING_GROUP, configuration -> PropagatingErrorHandler.instance()));
    }

    @Bean
    ConfigurerModule disposalDeadLetters(DeadLetterQueues queues) {
        return configurer -> configurer.eventProcessing(processing ->
                queues.register(processing, DisposalScheduler.PROCESSING_GROUP));
    }
}
