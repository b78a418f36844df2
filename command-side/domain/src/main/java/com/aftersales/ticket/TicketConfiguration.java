package com.aftersales.ticket;

import com.aftersales.refusal.RefusalInterceptor;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The ticket aggregate's wiring: refusals as command results, its cache and its snapshots. */
@Configuration
public class TicketConfiguration {

    @Autowired
    void registerInterceptors(CommandBus commandBus) {
        commandBus.registerHandlerInterceptor(new RefusalInterceptor());
    }

    /**
     * Hot tickets skip the event store on load; a stale entry (another node wrote) makes the
     * append conflict on the stream key, the entry is evicted, and a retry reloads.
     */
    @Bean
    Cache ticketCache() {
        return new WeakReferenceCache();
    }

    @Bean
    SnapshotTriggerDefinition ticketSnapshotTrigger(Snapshotter snapshotter) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, 50);
    }
}
