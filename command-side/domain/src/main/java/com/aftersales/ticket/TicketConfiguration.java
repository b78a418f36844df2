package com.aftersales.ticket;

import com.aftersales.infra.eventstore.FreshAggregateCache;
import com.aftersales.infra.eventstore.MongoEventStorageEngine;
import com.aftersales.infra.serialization.InitialRevisionUpcaster;
import com.aftersales.refusal.RefusalInterceptor;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.snapshotting.RevisionSnapshotFilter;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import com.aftersales.infra.serialization.RevisionUpcaster;

/** The ticket aggregate's wiring: refusals as command results, its cache and its snapshots. */
@Configuration
public class TicketConfiguration {

    @Autowired
    void registerInterceptors(CommandBus commandBus) {
        commandBus.registerHandlerInterceptor(new RefusalInterceptor());
    }

    /**
     * Hot tickets skip reading their events on load, but never a stale one: one key lookup checks
     * that no other node appended since (with Axon Server, its last sequence number is asked).
     */
    @Bean
    Cache ticketCache(ObjectProvider<EventStorageEngine> engines, ObjectProvider<EventStore> eventStore) {
        return new FreshAggregateCache(new WeakReferenceCache(), (ticketId, version) ->
                engines.getIfAvailable() instanceof MongoEventStorageEngine engine
                        ? engine.hasEventsAfter(ticketId, version)
                        : eventStore.getObject().lastSequenceNumberFor(ticketId).map(last -> last > version).orElse(false));
    }

    @Bean
    SnapshotTriggerDefinition ticketSnapshotTrigger(Snapshotter snapshotter) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, 50);
    }

    /**
     * A snapshot of another shape of the ticket's state is ignored: the ticket loads from its events.
     * Snapshots name the aggregate type as Axon does, by its simple class name.
     */
    @Bean
    static SnapshotFilter ticketSnapshotFilter(RevisionResolver revisions) {
        return RevisionSnapshotFilter.builder().type(Ticket.class.getSimpleName())
                .revision(revisions.revisionOf(Ticket.class)).build();
    }

    /** Ticket events stored before they had revisions are read as the first revision. */
    @Bean
    @Order(0)
    static EventUpcaster ticketEventsInitialRevision() {
        return new InitialRevisionUpcaster(type -> type.startsWith(EventRevisions.PACKAGE), EventRevisions.FIRST);
    }

    /** A classification of revision 1 names no configuration version: read as revision 2 with none. */
    @Bean
    @Order(1)
    static EventUpcaster classificationsWithoutConfigurationVersion() {
        return new RevisionUpcaster(LifecycleEvents.TicketClassified.class.getName(), EventRevisions.FIRST,
                EventRevisions.CLASSIFIED_WITH_CONFIGURATION);
    }

    /** Marks of revision 1 were set by hand: read as revision 2 with no reason, related tickets or batch. */
    @Bean
    @Order(2)
    static EventUpcaster marksWithoutReason() {
        return new RevisionUpcaster(LifecycleEvents.TicketMarked.class.getName(), EventRevisions.FIRST,
                EventRevisions.MARKED_WITH_REASON);
    }
}
