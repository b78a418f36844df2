package com.aftersales.gateway.privacy;

import com.aftersales.access.Caller;
import com.aftersales.gateway.privacy.PrivacyRequests.SubjectProbe;
import com.aftersales.gateway.privacy.PrivacyResponses.ErasureRecorded;
import com.aftersales.gateway.problem.RefusalException;
import com.aftersales.privacy.PrivacyCommands.EraseSubject;
import com.aftersales.privacy.PrivacyCommands.PlaceSubjectHold;
import com.aftersales.privacy.PrivacyCommands.ReleaseSubjectHold;
import com.aftersales.privacy.PrivacyQueries.FindSubjects;
import com.aftersales.privacy.PrivacyQueries.FindTicketRetention;
import com.aftersales.privacy.PrivacyQueries.SubjectRetention;
import com.aftersales.privacy.PrivacyQueries.TicketRetention;
import com.aftersales.refusal.Refusal;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Finds a customer's data subject by customer id, phone or email and sends it the hold and erasure
 * commands. A probe must name exactly one subject, so that a refusal never leaves some subjects changed.
 */
@Component
public class DataSubjects {

    private final QueryGateway queries;
    private final CommandGateway commands;
    private final Clock clock;

    public DataSubjects(QueryGateway queries, CommandGateway commands, Clock clock) {
        this.queries = queries;
        this.commands = commands;
        this.clock = clock;
    }

    /** The one subject {@code probe} names in the caller's tenant, with its tickets' retention. */
    SubjectRetention subjectOf(Caller caller, SubjectProbe probe) {
        if (probe == null || probe.isEmpty()) {
            throw new RefusalException("SUBJECT_PROBE_EMPTY");
        }
        var identity = probe.identity();
        List<SubjectRetention> found = queries.query(new FindSubjects(caller.tenantId(), identity.customerId(),
                identity.phone(), identity.email()), ResponseTypes.multipleInstancesOf(SubjectRetention.class)).join();
        if (found.isEmpty()) {
            throw new RefusalException("SUBJECT_NOT_FOUND");
        }
        if (found.size() > 1) {
            throw new RefusalException(Refusal.of("SUBJECT_AMBIGUOUS", "count", found.size()));
        }
        return found.get(0);
    }

    Mono<SubjectRetention> retention(Caller caller, SubjectProbe probe) {
        return blocking(() -> subjectOf(caller, probe));
    }

    /** The ticket's retention; TICKET_NOT_FOUND for another tenant's ticket as for a missing one. */
    TicketRetention ticket(Caller caller, String ticketId) {
        return queries.query(new FindTicketRetention(caller.tenantId(), ticketId),
                        ResponseTypes.optionalInstanceOf(TicketRetention.class)).join()
                .orElseThrow(() -> new RefusalException("TICKET_NOT_FOUND"));
    }

    Mono<SubjectRetention> hold(Caller caller, SubjectProbe probe, String reason, boolean place) {
        return blocking(() -> {
            String subject = subjectOf(caller, probe).subjectId();
            send(caller, place ? new PlaceSubjectHold(subject, reason) : new ReleaseSubjectHold(subject, reason));
            return subjectOf(caller, probe);
        });
    }

    /** Refused, changing nothing, inside retention or on hold (checked by the subject itself). */
    Mono<ErasureRecorded> erase(Caller caller, SubjectProbe probe, String reason) {
        return blocking(() -> {
            SubjectRetention subject = subjectOf(caller, probe);
            List<String> erased = send(caller, new EraseSubject(subject.subjectId(), reason));
            return new ErasureRecorded(subject.subjectId(), erased, clock.instant());
        });
    }

    <R> R send(Caller caller, Object command) {
        try {
            return commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(caller.toMetaData()));
        } catch (AggregateNotFoundException e) {
            throw new RefusalException("TICKET_NOT_FOUND");
        }
    }

    static <T> Mono<T> blocking(Callable<T> work) {
        return Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic());
    }
}
