package com.aftersales.gateway.ticket;

import com.aftersales.access.Caller;
import com.aftersales.gateway.problem.RefusalException;
import com.aftersales.ticket.view.TicketView;
import java.util.Optional;
import java.util.function.Function;
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
 * Runs a task on a ticket for the API: {@code If-Match} (the ticket version from an ETag) guards
 * against changes made since, and the answer is the ticket as it stands after the task, with its
 * new version as ETag. The ticket answers the command with that version; the view is read once
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

    /**
     * Decisions on something the caller must have seen (approving a plan, reviewing a form,
     * archiving) need If-Match: without it the decision could cover a plan swapped in meanwhile.
     */
    public Mono<ResponseEntity<TicketResponse>> decide(Caller caller, String ticketId, String ifMatch,
                                                      Function<Long, Object> command) {
        if (ifMatch == null) {
            return Mono.error(new RefusalException("IF_MATCH_REQUIRED"));
        }
        return perform(caller, ticketId, ifMatch, command);
    }

    /** {@code command} gets the expected version (null without If-Match). */
    public Mono<ResponseEntity<TicketResponse>> perform(Caller caller, String ticketId, String ifMatch,
                                                       Function<Long, Object> command) {
        Long expected;
        try {
            expected = expectedVersion(ifMatch);
        } catch (RefusalException e) {
            return Mono.error(e);
        }
        var message = GenericCommandMessage.asCommandMessage(command.apply(expected)).andMetaData(caller.toMetaData());
        return Mono.using(() -> views.openWatch(caller, ticketId),
                watch -> Mono.fromCallable(() -> sendRetryingConflicts(message))
                        .subscribeOn(Schedulers.boundedElastic())
                        .flatMap(version -> watch.until(version).map(view -> answer(view, version))),
                TicketWatch::close);
    }

    /** The view that shows the task; 202 with the new version if the view did not catch up in time. */
    private static ResponseEntity<TicketResponse> answer(Optional<TicketView> view, long version) {
        return view.map(visible -> ResponseEntity.ok().eTag(Long.toString(visible.version()))
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
