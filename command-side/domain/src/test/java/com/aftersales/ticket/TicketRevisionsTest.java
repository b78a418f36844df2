package com.aftersales.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftersales.infra.serialization.StateShapeRevisionResolver;
import java.time.Instant;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;

/** Snapshots carry the revision of the state's shape, and events stored without a revision stay readable. */
class TicketRevisionsTest {

    private final StateShapeRevisionResolver revisions = new StateShapeRevisionResolver();
    private final JacksonSerializer serializer = JacksonSerializer.builder().revisionResolver(revisions).build();
    private final SnapshotFilter filter = TicketConfiguration.ticketSnapshotFilter(revisions);

    private DomainEventData<?> snapshot(String revision) {
        return new GenericDomainEventEntry<>("Ticket", TicketFixtures.ID, 50, "snapshot-1", Instant.EPOCH,
                Ticket.class.getName(), revision, "{}", "{}");
    }

    @Test
    void a_snapshot_is_stored_with_the_revision_of_the_tickets_state_shape_and_loads() {
        Ticket ticket = new Ticket();
        SerializedObject<String> stored = serializer.serialize(ticket, String.class);
        assertThat(stored.getType().getRevision()).isEqualTo(StateShapeRevisionResolver.shapeRevision(Ticket.class))
                .startsWith("state-");
        assertThat(filter.allow(snapshot(stored.getType().getRevision()))).isTrue();
    }

    @Test
    void a_snapshot_reads_the_sla_clock_facts_back_as_the_events_they_were() {
        Ticket ticket = new Ticket();
        var started = TicketFixtures.clockStarted(com.aftersales.sla.SlaMetric.FIRST_RESPONSE, 1, "urgent", TicketFixtures.NOW);
        var paused = new com.aftersales.sla.SlaClockEvents.SlaClockPaused(TicketFixtures.ID, "FIRST_RESPONSE#1",
                com.aftersales.sla.PauseReason.WAITING_FOR_PARTS, TicketFixtures.NOW, "cn-1");
        ticket.clocks.facts.addAll(java.util.List.of(started, paused));

        Ticket read = serializer.deserialize(serializer.serialize(ticket, String.class));

        assertThat(read.clocks.facts).containsExactly(started, paused);
    }

    @Test
    void a_snapshot_of_another_shape_or_without_a_revision_is_discarded() {
        assertThat(filter.allow(snapshot("state-0000000000000000"))).isFalse();
        assertThat(filter.allow(snapshot(null))).as("snapshots taken before revisions existed").isFalse();
    }

    @Test
    void an_event_stored_without_a_revision_is_upcast_to_the_first_and_reads_as_before() {
        TicketOpened opened = TicketFixtures.opened();
        String payload = serializer.serialize(opened, String.class).getData();
        var stored = new GenericDomainEventEntry<>("Ticket", TicketFixtures.ID, 0, "event-1", Instant.EPOCH,
                TicketOpened.class.getName(), null, payload, "{}");
        EventUpcasterChain chain = new EventUpcasterChain(TicketConfiguration.ticketEventsInitialRevision());

        IntermediateEventRepresentation upcast = chain.upcast(Stream.of(new InitialEventRepresentation(stored, serializer)))
                .findFirst().orElseThrow();

        assertThat(upcast.getType().getRevision()).isEqualTo(EventRevisions.FIRST);
        Object read = serializer.deserialize(new org.axonframework.serialization.SimpleSerializedObject<>(
                upcast.getData(String.class).getData(), String.class, upcast.getType()));
        assertThat(read).isEqualTo(opened);
        assertThat(serializer.serialize(opened, String.class).getType().getRevision()).isEqualTo(EventRevisions.FIRST);
    }

    @Test
    void a_classification_of_revision_1_reads_as_revision_2_under_no_configuration_version() {
        String stored = "{\"ticketId\":\"t-1\",\"type\":\"repair\",\"priority\":\"urgent\",\"by\":\"li-agent\","
                + "\"at\":\"2024-05-20T01:30:00Z\"}";
        var entry = new GenericDomainEventEntry<>("Ticket", TicketFixtures.ID, 1, "event-2", Instant.EPOCH,
                LifecycleEvents.TicketClassified.class.getName(), EventRevisions.FIRST, stored, "{}");
        EventUpcasterChain chain = new EventUpcasterChain(TicketConfiguration.ticketEventsInitialRevision(),
                TicketConfiguration.classificationsWithoutConfigurationVersion());

        IntermediateEventRepresentation upcast = chain.upcast(Stream.of(new InitialEventRepresentation(entry, serializer)))
                .findFirst().orElseThrow();

        assertThat(upcast.getType().getRevision()).isEqualTo(EventRevisions.CLASSIFIED_WITH_CONFIGURATION);
        Object read = serializer.deserialize(new org.axonframework.serialization.SimpleSerializedObject<>(
                upcast.getData(String.class).getData(), String.class, upcast.getType()));
        assertThat(read).isEqualTo(new LifecycleEvents.TicketClassified(TicketFixtures.ID, "repair", "urgent", null,
                "li-agent", TicketFixtures.NOW, null));
    }

    @Test
    void marks_of_revision_1_read_as_revision_2_with_no_reason_related_tickets_or_batch() {
        String stored = "{\"ticketId\":\"t-1\",\"marks\":[\"VIP\"],\"by\":\"li-agent\",\"at\":\"2024-05-20T01:30:00Z\"}";
        var entry = new GenericDomainEventEntry<>("Ticket", TicketFixtures.ID, 1, "event-2", Instant.EPOCH,
                LifecycleEvents.TicketMarked.class.getName(), EventRevisions.FIRST, stored, "{}");
        EventUpcasterChain chain = new EventUpcasterChain(TicketConfiguration.ticketEventsInitialRevision(),
                TicketConfiguration.marksWithoutReason());

        IntermediateEventRepresentation upcast = chain.upcast(Stream.of(new InitialEventRepresentation(entry, serializer)))
                .findFirst().orElseThrow();

        assertThat(upcast.getType().getRevision()).isEqualTo(EventRevisions.MARKED_WITH_REASON);
        Object read = serializer.deserialize(new org.axonframework.serialization.SimpleSerializedObject<>(
                upcast.getData(String.class).getData(), String.class, upcast.getType()));
        assertThat(read).isEqualTo(new LifecycleEvents.TicketMarked(TicketFixtures.ID, java.util.Set.of(Mark.VIP), "li-agent",
                TicketFixtures.NOW));
    }
}
