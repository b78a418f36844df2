package com.aftersales.gateway.audit;

import com.aftersales.access.Caller;
import com.aftersales.infra.tenancy.Role;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.common.AxonException;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateStreamCreationException;
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
    private final Map<String, Long> last = Collections.synchronizedMap(
            new LinkedHashMap<>(1024, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
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

    /** The stream of the reads that are not of one ticket: the tenant-wide export. */
    static String tenantStreamOf(String tenantId) {
        return "tenant-access:" + tenantId;
    }

    public void record(Caller caller, String ticketId, String view, boolean personalData) {
        append(streamOf(ticketId), caller, new HistoryAccessed(caller.tenantId(), ticketId, caller.actorId(),
                caller.actorKind(), view, personalData && caller.has(Role.PII_READER), clock.instant()));
    }

    /** Records a tenant-wide export of {@code [from, to)} in the tenant's access stream. */
    public void recordTenantExport(Caller caller, Instant from, Instant to) {
        append(tenantStreamOf(caller.tenantId()), caller, new HistoryAccessed(caller.tenantId(), null, caller.actorId(),
                caller.actorKind(), "export " + from + "/" + to, caller.has(Role.PII_READER), clock.instant()));
    }

    /**
     * Appends at the stream's next sequence number; when another node took it (ConcurrencyException,
     * or AggregateStreamCreationException for a stream's first event), reads the end again and retries.
     */
    private void append(String stream, Caller caller, HistoryAccessed accessed) {
        for (int attempt = 1; ; attempt++) {
            Long known = last.get(stream);
            long next = known != null ? known + 1 : events.lastSequenceNumberFor(stream).map(n -> n + 1).orElse(0L);
            try {
                events.publish(new GenericDomainEventMessage<>(TYPE, stream, next, accessed, caller.toMetaData()));
                last.put(stream, next);
                return;
            } catch (ConcurrencyException | AggregateStreamCreationException e) {
                last.remove(stream); // another node appended: read the stream's end again
                if (attempt == ATTEMPTS) {
                    throw (AxonException) e; // another reader took the sequence number every time
                }
            }
        }
    }
}
