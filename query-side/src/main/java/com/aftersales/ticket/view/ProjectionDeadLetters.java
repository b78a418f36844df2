package com.aftersales.ticket.view;

import com.aftersales.infra.deadletter.DeadLetterQueues;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A view that cannot apply an event must not skip it: the event is dead-lettered, and the ticket's
 * later events wait behind it (its view stays at the last good version) until an operator retries.
 */
@Configuration
public class ProjectionDeadLetters {

    @Bean
    ConfigurerModule projectionDeadLetterQueues(DeadLetterQueues queues) {
        return configurer -> configurer.eventProcessing(processing -> {
            queues.register(processing, TicketViewProjection.PROCESSING_GROUP);
            queues.register(processing, TicketTimelineProjection.PROCESSING_GROUP);
        });
    }
}
