package com.aftersales.gateway.audit;

import com.aftersales.access.Caller;
import com.aftersales.infra.tenancy.Role;
import java.time.Clock;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.stereotype.Component;

/**
 * Records each read of a ticket's history as a {@link HistoryAccessed} event, before the history is
 * answered: if it cannot be recorded, the read fails. Reading the access log itself is not recorded.
 */
@Component
public class HistoryAccessLog {

    static final String TYPE = "HistoryAccess";
    private static final int ATTEMPTS = 5;

    private final EventStore events;
    private final Clock clock;
    /** The last sequence number this node appended per access stream: no walk of a long stream per read. */
    private final java.util.Map<String, Long> last = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(1024, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(java.util.Map.Entry<String, Long> eldest) {
                    return size() > 10_000;
                }
            });

    public HistoryAccessLog(EventStore events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    static String streamOf(String ticketId) {
        return "history-access:" + ticketId;
    }

    public void record(Caller caller, String ticketId, String view, boolean personalData) {
        HistoryAccessed accessed = new HistoryAccessed(caller.tenantId(), ticketId, caller.actorId(), caller.actorKind(),
                view, personalData && caller.has(Role.PII_READER), clock.instant());
        String stream = streamOf(ticketId);
        for (int attempt = 1; ; attempt++) {
            Long known = last.get(stream);
            long next = known != null ? known + 1 : events.lastSequenceNumberFor(stream).map(n -> n + 1).orElse(0L);
            try {
                events.publish(new GenericDomainEventMessage<>(TYPE, stream, next, accessed, caller.toMetaData()));
                last.put(stream, next);
                return;
            } catch (ConcurrencyException e) {
                last.remove(stream); // another node appended: read the stream's end again
                if (attempt == ATTEMPTS) {
                    throw e; // another reader took the sequence number every time
                }
            }
        }
    }
}
