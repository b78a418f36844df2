package com.aftersales.gateway.deadletter;

import com.aftersales.gateway.deadletter.DeadLetterList.Group;
import com.aftersales.gateway.deadletter.DeadLetterList.Letter;
import com.aftersales.gateway.deadletter.DeadLetterList.Sequence;
import com.aftersales.infra.deadletter.DeadLetterQueues;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.Cause;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.stereotype.Component;

/** Lists the dead letters of every processing group and retries a group's queued sequences. Blocking. */
@Component
public class DeadLetterAdmin {

    private final DeadLetterQueues queues;
    private final EventProcessingConfiguration processing;

    public DeadLetterAdmin(DeadLetterQueues queues, EventProcessingConfiguration processing) {
        this.queues = queues;
        this.processing = processing;
    }

    public Set<String> groups() {
        return queues.groups();
    }

    public DeadLetterList list() {
        List<Group> groups = queues.groups().stream().map(group -> group(group, queues.queue(group))).toList();
        return new DeadLetterList(groups.stream().mapToLong(Group::letters).sum(), groups);
    }

    /**
     * Tries each queued sequence once: Axon processes a sequence oldest letter first and stops it at
     * the first letter that fails again, which then moves behind the other sequences.
     */
    public DeadLetterRetry retry(String group) {
        var queue = queues.find(group).orElseThrow(UnknownProcessingGroupException::new);
        var processor = processing.sequencedDeadLetterProcessor(group).orElseThrow(UnknownProcessingGroupException::new);
        long before = queue.size();
        for (long sequence = queue.amountOfSequences(); sequence > 0; sequence--) {
            processor.processAny();
        }
        long remaining = queue.size();
        return new DeadLetterRetry(group, Math.max(0, before - remaining), remaining);
    }

    private static Group group(String name, SequencedDeadLetterQueue<EventMessage<?>> queue) {
        List<Sequence> sequences = new ArrayList<>();
        queue.deadLetters().forEach(letters -> sequence(letters).ifPresent(sequences::add));
        return new Group(name, sequences.stream().mapToLong(sequence -> sequence.letters().size()).sum(), sequences);
    }

    /** Empty when the sequence was retried away while listing. */
    private static Optional<Sequence> sequence(Iterable<DeadLetter<? extends EventMessage<?>>> letters) {
        List<DeadLetter<? extends EventMessage<?>>> all = new ArrayList<>();
        letters.forEach(all::add);
        if (all.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Sequence(sequenceOf(all.get(0).message()),
                all.stream().map(DeadLetterAdmin::letter).toList()));
    }

    private static Letter letter(DeadLetter<? extends EventMessage<?>> letter) {
        EventMessage<?> event = letter.message();
        Long sequenceNumber = event instanceof DomainEventMessage<?> domain ? domain.getSequenceNumber() : null;
        return new Letter(event.getPayloadType().getName(), sequenceNumber,
                letter.cause().map(Cause::type).orElse(null), letter.enqueuedAt(), letter.lastTouched());
    }

    /** The groups are sequenced per aggregate (the ticket); other events are sequenced alone. */
    private static String sequenceOf(EventMessage<?> event) {
        return event instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : event.getIdentifier();
    }
}
