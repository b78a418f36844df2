package com.aftersales.gateway.ticket;

import com.aftersales.access.Caller;
import com.aftersales.gateway.problem.RefusalException;
import com.aftersales.ticket.view.TicketView;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Runs a task of the catalogue ({@link TicketTasks}) on a ticket for every API: the expected
 * version (REST: {@code If-Match}, the version from an ETag; GraphQL: {@code expectedVersion})
 * guards against changes made since, and the answer is the ticket as it stands after the task, with
 * its new version (REST: as ETag). The ticket answers the command with that version; the view is read once
 * the projection says it shows it (see {@link TicketWatch}).
 */
@Component
public class TicketActions {

    private static final Pattern VERSION = Pattern.compile("\"?(\\d{1,18})\"?");
    private static final int CONFLICT_ATTEMPTS = 5;

    private final CommandGateway commands;
    private final TicketViews views;

    public TicketActions(CommandGateway commands, TicketViews views) {
        this.commands = commands;
        this.views = views;
    }

    /** Runs {@code task} for REST: the expected version comes from {@code If-Match}. */
    public <B> Mono<ResponseEntity<TicketResponse>> rest(TicketTask<B> task, Caller caller, String ticketId,
                                                         String ifMatch, B body) {
        Long expected;
        try {
            expected = expectedVersion(ifMatch);
        } catch (RefusalException e) {
            return Mono.error(e);
        }
        return run(task, caller, ticketId, expected, body).map(TicketActions::answer);
    }

    /**
     * Runs {@code task} on {@code ticketId}: refuses a decision without an expected version
     * (IF_MATCH_REQUIRED), sends the command with the caller's metadata, and answers the view once
     * it shows the task (empty view if it did not within the read-your-writes timeout).
     */
    public <B> Mono<Outcome> run(TicketTask<B> task, Caller caller, String ticketId, Long expected, B body) {
        if (task.decision() && expected == null) {
            return Mono.error(new RefusalException("IF_MATCH_REQUIRED"));
        }
        var message = GenericCommandMessage.asCommandMessage(task.command(ticketId, expected, body))
                .andMetaData(caller.toMetaData());
        return Mono.using(() -> views.openWatch(caller, ticketId),
                watch -> Mono.fromCallable(() -> sendRetryingConflicts(message))
                        .subscribeOn(Schedulers.boundedElastic())
                        .flatMap(version -> watch.until(version).map(view -> new Outcome(view, version))),
                TicketWatch::close);
    }

    /** The ticket's view after a task (empty when the view had not caught up in time) and its new version. */
    public record Outcome(Optional<TicketView> view, long version) {
    }

    /** The view that shows the task; 202 with the new version if the view did not catch up in time. */
    private static ResponseEntity<TicketResponse> answer(Outcome outcome) {
        long version = outcome.version();
        return outcome.view().map(visible -> ResponseEntity.ok().eTag(Long.toString(visible.version()))
                        .body(TicketResponse.of(visible)))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.ACCEPTED).eTag(Long.toString(version)).build());
    }

    /**
     * A concurrent append to the same ticket (another request, or another node) makes ours
     * conflict on the stream key; the unit of work rolls back, the cached aggregate is dropped, and
     * the command is tried again on the fresh state, where its own checks (If-Match included) run
     * again. Persistent contention answers 409.
     */
    private long sendRetryingConflicts(CommandMessage<?> message) {
        for (int attempt = 1; ; attempt++) {
            try {
                Number version = commands.sendAndWait(message);
                return version.longValue();
            } catch (ConcurrencyException conflict) {
                if (attempt >= CONFLICT_ATTEMPTS) {
                    throw new RefusalException("CONCURRENT_MODIFICATION");
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(ThreadLocalRandom.current().nextLong(2, 10L * attempt)));
            }
        }
    }

    static Long expectedVersion(String ifMatch) {
        if (ifMatch == null) {
            return null;
        }
        if (ifMatch.trim().startsWith("W/")) {
            // If-Match compares strongly (RFC 9110 13.1.1): a weak tag never matches
            throw new RefusalException("VERSION_MISMATCH");
        }
        Matcher matcher = VERSION.matcher(ifMatch.trim());
        if (!matcher.matches()) {
            throw new RefusalException("IF_MATCH_INVALID");
        }
        return Long.parseLong(matcher.group(1));
    }
}
