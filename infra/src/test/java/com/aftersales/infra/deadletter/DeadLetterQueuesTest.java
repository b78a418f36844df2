package com.aftersales.infra.deadletter;

import static com.aftersales.infra.deadletter.Letters.event;
import static com.aftersales.infra.deadletter.Letters.key;
import static com.aftersales.infra.deadletter.Letters.sequence;
import static org.assertj.core.api.Assertions.assertThat;

import com.aftersales.infra.mongo.EmbeddedMongo;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Mongo dead-letter queue on the embedded server (memory backend). */
class DeadLetterQueuesTest {

    static EmbeddedMongo server;
    static MongoClient client;
    DeadLetterQueues queues;

    @BeforeAll
    static void start() {
        server = EmbeddedMongo.inMemory(0);
        client = MongoClients.create(server.connectionString());
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    @BeforeEach
    void freshDatabase() {
        queues = new DeadLetterQueues(client.getDatabase("dlq_" + UUID.randomUUID().toString().replace("-", "")),
                Letters.SERIALIZER);
    }

    @Test
    void a_letter_keeps_the_serialized_event_its_cause_diagnostics_and_times() {
        var queue = queues.queue("views");
        DomainEventMessage<Letters.Changed> event = event("t1", 3);
        queue.enqueue("t1", new GenericDeadLetter<EventMessage<?>>("t1", event, new IllegalStateException("write failed"))
                .withDiagnostics(MetaData.with("attempt", 1)));

        DeadLetter<? extends EventMessage<?>> letter = queue.deadLetterSequence("t1").iterator().next();
        DomainEventMessage<?> stored = (DomainEventMessage<?>) letter.message();
        assertThat(stored.getPayload()).isEqualTo(event.getPayload());
        assertThat(stored.getIdentifier()).isEqualTo(event.getIdentifier());
        assertThat(stored.getSequenceNumber()).isEqualTo(3);
        assertThat(stored.getMetaData()).containsEntry("tenantId", "acme");
        assertThat(letter.cause()).hasValueSatisfying(cause -> {
            assertThat(cause.type()).isEqualTo(IllegalStateException.class.getName());
            assertThat(cause.message()).isEqualTo("write failed");
        });
        assertThat(letter.diagnostics()).containsEntry("attempt", 1);
        assertThat(letter.enqueuedAt()).isNotNull();
        assertThat(letter.lastTouched()).isNotNull();
    }

    @Test
    void letters_of_a_ticket_keep_their_order_and_groups_do_not_share_letters() {
        var views = queues.queue("views");
        for (long sequence = 1; sequence <= 3; sequence++) {
            views.enqueue("t1", new GenericDeadLetter<>("t1", event("t1", sequence)));
        }
        views.enqueue("t2", new GenericDeadLetter<>("t2", event("t2", 0)));
        queues.queue("timeline").enqueue("t1", new GenericDeadLetter<>("t1", event("t1", 7)));

        assertThat(sequence(views, "t1")).containsExactly("t1/1", "t1/2", "t1/3");
        assertThat(views.size()).isEqualTo(4);
        assertThat(views.amountOfSequences()).isEqualTo(2);
        assertThat(queues.queue("timeline").size()).isEqualTo(1);
        assertThat(queues.groups()).containsExactly("timeline", "views");
    }

    @Test
    void a_failed_retry_keeps_the_letter_first_with_its_new_cause_and_a_later_retry_runs_the_sequence_in_order() {
        var queue = queues.queue("views");
        for (long sequence = 1; sequence <= 3; sequence++) {
            queue.enqueue("t1", new GenericDeadLetter<>("t1", event("t1", sequence), new IllegalStateException("x")));
        }

        List<String> tried = new ArrayList<>();
        boolean done = queue.process(letter -> {
            tried.add(key(letter));
            return Decisions.requeue(new IllegalArgumentException("still broken"));
        });
        assertThat(done).isFalse();
        assertThat(tried).containsExactly("t1/1");
        assertThat(queue.deadLetterSequence("t1").iterator().next().cause())
                .hasValueSatisfying(cause -> assertThat(cause.type()).isEqualTo(IllegalArgumentException.class.getName()));

        List<String> processed = new ArrayList<>();
        assertThat(queue.process(letter -> {
            processed.add(key(letter));
            return Decisions.evict();
        })).isTrue();
        assertThat(processed).containsExactly("t1/1", "t1/2", "t1/3");
        assertThat(queue.contains("t1")).isFalse();
        assertThat(queue.size()).isZero();
    }

    @Test
    void a_group_is_registered_once_with_one_queue() {
        SequencedDeadLetterQueue<EventMessage<?>> first = queues.queue("views");
        assertThat(queues.queue("views")).isSameAs(first);
        assertThat(queues.find("views")).containsSame(first);
        assertThat(queues.find("other")).isEmpty();
    }
}
