package com.aftersales.infra.deadletter;

import static com.aftersales.infra.deadletter.Letters.event;
import static com.aftersales.infra.deadletter.Letters.key;
import static com.aftersales.infra.deadletter.Letters.sequence;
import static org.assertj.core.api.Assertions.assertThat;

import com.aftersales.infra.mongo.EmbeddedMongo;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded default keeps dead letters in its H2 file: a restart loses none and keeps their order. */
class DeadLetterRestartTest {

    @TempDir
    Path dataDir;

    @Test
    void dead_letters_survive_a_restart_in_order_with_their_cause() {
        try (Store store = new Store(dataDir)) {
            var queue = store.queues.queue("views");
            queue.enqueue("t1", new GenericDeadLetter<EventMessage<?>>("t1", event("t1", 4),
                    new IllegalStateException("write failed")));
            queue.enqueue("t1", new GenericDeadLetter<>("t1", event("t1", 5)));
            queue.enqueue("t2", new GenericDeadLetter<>("t2", event("t2", 1), new IllegalStateException("x")));
        }

        try (Store store = new Store(dataDir)) {
            var queue = store.queues.queue("views");
            assertThat(queue.size()).isEqualTo(3);
            assertThat(sequence(queue, "t1")).containsExactly("t1/4", "t1/5");
            assertThat(queue.deadLetterSequence("t1").iterator().next().cause())
                    .hasValueSatisfying(cause -> assertThat(cause.message()).isEqualTo("write failed"));

            List<String> processed = new ArrayList<>();
            while (queue.process(letter -> {
                processed.add(key(letter));
                return Decisions.evict();
            })) {
                // one sequence per call
            }
            assertThat(processed).containsSubsequence("t1/4", "t1/5").contains("t2/1").hasSize(3);
        }

        try (Store store = new Store(dataDir)) {
            assertThat(store.queues.queue("views").size()).as("evictions are durable too").isZero();
        }
    }

    /** The embedded server on the H2 file in {@code dir}, and the queues on it. */
    static final class Store implements AutoCloseable {
        final EmbeddedMongo server;
        final MongoClient client;
        final DeadLetterQueues queues;

        Store(Path dir) {
            server = EmbeddedMongo.onFile(dir, 16, 0);
            client = MongoClients.create(server.connectionString());
            queues = new DeadLetterQueues(client.getDatabase("aftersales"), Letters.SERIALIZER);
        }

        @Override
        public void close() {
            client.close();
            server.close();
        }
    }
}
