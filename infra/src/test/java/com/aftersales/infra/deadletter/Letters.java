package com.aftersales.infra.deadletter;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;

/** Events and helpers shared by the dead-letter tests. */
final class Letters {

    /** Like the service's event serializer: Jackson with java.time support. */
    static final Serializer SERIALIZER = JacksonSerializer.builder()
            .objectMapper(new ObjectMapper().registerModule(new JavaTimeModule())).build();

    record Changed(String ticketId, Instant at, BigDecimal amount) {
    }

    private Letters() {
    }

    static DomainEventMessage<Changed> event(String ticketId, long sequence) {
        Changed payload = new Changed(ticketId, Instant.parse("2024-05-20T01:30:00Z").plusSeconds(sequence),
                new BigDecimal("12.50"));
        return new GenericDomainEventMessage<>("Ticket", ticketId, sequence, payload, Map.of("tenantId", "acme"));
    }

    /** "ticketId/sequence" of each letter of the queue's sequence, in queue order. */
    static List<String> sequence(SequencedDeadLetterQueue<EventMessage<?>> queue, String ticketId) {
        List<String> keys = new ArrayList<>();
        queue.deadLetterSequence(ticketId).forEach(letter -> keys.add(key(letter)));
        return keys;
    }

    static String key(DeadLetter<? extends EventMessage<?>> letter) {
        DomainEventMessage<?> event = (DomainEventMessage<?>) letter.message();
        return event.getAggregateIdentifier() + "/" + event.getSequenceNumber();
    }
}
