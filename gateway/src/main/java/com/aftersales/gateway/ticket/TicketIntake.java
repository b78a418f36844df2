package com.aftersales.gateway.ticket;

import com.aftersales.access.Caller;
import com.aftersales.gateway.problem.RefusalException;
import com.aftersales.ticket.OpenTicket;
import com.aftersales.ticket.Registration;
import com.aftersales.ticket.TicketOpened;
import com.aftersales.ticket.view.TicketQueries.FindTicket;
import com.aftersales.ticket.view.TicketView;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Registers tickets for the API: idempotent retries, and read-your-writes by waiting (bounded)
 * until the ticket's view shows the new ticket — from the store, so it also works when another
 * node runs the projection.
 */
@Component
public class TicketIntake {

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final EventStore eventStore;
    private final MeterRegistry meters;
    private final Duration viewTimeout;

    public TicketIntake(CommandGateway commands, QueryGateway queries, EventStore eventStore, MeterRegistry meters,
                        @Value("${aftersales.api.read-your-writes-timeout:5s}") Duration viewTimeout) {
        this.commands = commands;
        this.queries = queries;
        this.eventStore = eventStore;
        this.meters = meters;
        this.viewTimeout = viewTimeout;
    }

    /** The outcome of an intake: the view once visible (empty if it did not show up in time). */
    public record Intake(String ticketId, Optional<TicketView> view, boolean replayed) {
    }

    /** The number of a stored ticket, straight from its first event (a key lookup), when the view lags. */
    public Mono<String> numberOf(String ticketId) {
        return Mono.fromCallable(() -> eventStore.readEvents(ticketId).asStream()
                        .findFirst()
                        .map(event -> event.getPayload() instanceof TicketOpened opened ? opened.number() : null))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(Mono::justOrEmpty);
    }

    public Mono<Intake> open(Caller caller, Registration registration, String idempotencyKey) {
        String ticketId = idempotencyKey == null ? UUID.randomUUID().toString() : ticketIdFor(caller, idempotencyKey);
        Mono<Intake> earlier = idempotencyKey == null ? Mono.empty()
                : find(caller, ticketId).map(view -> replay(view, registration));
        return earlier.switchIfEmpty(Mono.defer(() -> register(caller, ticketId, registration)
                .onErrorResume(AggregateStreamCreationException.class, duplicate -> awaitView(caller, ticketId)
                        .map(view -> view.map(visible -> replay(visible, registration))
                                .orElseGet(() -> new Intake(ticketId, Optional.empty(), true))))));
    }

    /** The same key from the same caller always names the same ticket. */
    private static String ticketIdFor(Caller caller, String idempotencyKey) {
        String name = caller.tenantId() + "\n" + caller.actorId() + "\n" + idempotencyKey;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static Intake replay(TicketView view, Registration registration) {
        if (!view.registration().equals(registration)) {
            throw new RefusalException("IDEMPOTENCY_KEY_REUSED");
        }
        return new Intake(view.id(), Optional.of(view), true);
    }

    private Mono<Intake> register(Caller caller, String ticketId, Registration registration) {
        var command = GenericCommandMessage.asCommandMessage(new OpenTicket(ticketId, registration))
                .andMetaData(caller.toMetaData());
        // the local command bus runs the handler on the sending thread: keep it off the event loop
        return Mono.fromCallable(() -> commands.sendAndWait(command))
                .subscribeOn(Schedulers.boundedElastic())
                .doOnNext(done -> meters.counter("aftersales.tickets.opened", "tenant", caller.tenantId(),
                        "channel", registration.channel().name(), "type", registration.type()).increment())
                .then(awaitView(caller, ticketId))
                .map(view -> new Intake(ticketId, view, false));
    }

    private Mono<Optional<TicketView>> awaitView(Caller caller, String ticketId) {
        return awaitView(caller, ticketId, 0);
    }

    /** The ticket's view once it shows {@code version} (polled with back-off, bounded). */
    public Mono<Optional<TicketView>> awaitView(Caller caller, String ticketId, long version) {
        return find(caller, ticketId)
                .filter(view -> view.version() >= version)
                .repeatWhenEmpty(attempts -> attempts.concatMap(attempt ->
                        Mono.delay(Duration.ofMillis(Math.min(200, 10L << Math.min(attempt, 5))))))
                .timeout(viewTimeout, Mono.empty())
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty());
    }

    public Mono<TicketView> find(Caller caller, String ticketId) {
        return Mono.fromFuture(() -> queries.query(new FindTicket(caller.tenantId(), ticketId),
                        ResponseTypes.optionalInstanceOf(TicketView.class)))
                .flatMap(Mono::justOrEmpty);
    }
}
