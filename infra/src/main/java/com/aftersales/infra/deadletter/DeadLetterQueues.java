package com.aftersales.infra.deadletter;

import com.mongodb.client.MongoDatabase;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventhandling.deadletter.MongoSequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dead-letter queues of processing groups, in MongoDB (axon-mongo's
 * {@link MongoSequencedDeadLetterQueue}, collection {@value #COLLECTION}), so letters survive a
 * restart. A group registered here does not skip an event its handlers fail on: the event is
 * dead-lettered, and later events of the same aggregate queue behind it until it is retried.
 */
public class DeadLetterQueues {

    public static final String COLLECTION = "deadletters";
    private static final Logger log = LoggerFactory.getLogger(DeadLetterQueues.class);

    private final MongoTemplate template;
    private final Serializer serializer;
    private final Map<String, SequencedDeadLetterQueue<EventMessage<?>>> queues = new ConcurrentSkipListMap<>();

    public DeadLetterQueues(MongoDatabase database, Serializer serializer) {
        this.template = DefaultMongoTemplate.builder().mongoDatabase(database)
                .deadLetterCollectionName(COLLECTION).build();
        this.serializer = serializer;
    }

    /**
     * Sequenced per aggregate (the group's default policy). The propagating error handler lets a
     * handler's failure reach the dead-lettering invoker instead of being logged and skipped; the
     * sequence cache spares a queue lookup per event while a segment's queue is empty.
     */
    public void register(EventProcessingConfigurer processing, String group) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(group);
        processing.registerDeadLetterQueue(group, configuration -> queue)
                .registerListenerInvocationErrorHandler(group, configuration -> PropagatingErrorHandler.instance())
                .registerDeadLetterPolicy(group, configuration -> policy(group))
                .registerDeadLetteringEventHandlerInvokerConfiguration(group,
                        (configuration, builder) -> builder.enableSequenceIdentifierCache());
    }

    /** The queue of {@code group}, created on first use. */
    public SequencedDeadLetterQueue<EventMessage<?>> queue(String group) {
        return queues.computeIfAbsent(group, this::create);
    }

    /** The queue of a registered group. */
    public Optional<SequencedDeadLetterQueue<EventMessage<?>>> find(String group) {
        return Optional.ofNullable(queues.get(group));
    }

    /** The groups with a queue, in name order. */
    public Set<String> groups() {
        return queues.keySet();
    }

    private SequencedDeadLetterQueue<EventMessage<?>> create(String group) {
        return MongoSequencedDeadLetterQueue.<EventMessage<?>>builder()
                .processingGroup(group)
                .mongoTemplate(template)
                .serializer(serializer)
                .build();
    }

    /** Axon's default decision (enqueue, cause truncated), logged without the event's payload. */
    private static EnqueuePolicy<EventMessage<?>> policy(String group) {
        return (letter, cause) -> {
            log.warn("Dead-lettered {} event {} in processing group {}", letter.message().getPayloadType().getName(),
                    letter.message().getIdentifier(), group, cause);
            return Decisions.enqueue(ThrowableCause.truncated(cause));
        };
    }
}
