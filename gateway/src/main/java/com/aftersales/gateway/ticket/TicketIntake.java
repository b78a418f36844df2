package com.aftersales.gateway.ticket;

import com.aftersales.access.Caller;
import com.aftersales.gateway.problem.RefusalException;
import com.aftersales.ticket.OpenTicket;
import com.aftersales.ticket.Registration;
import com.aftersales.ticket.TicketOpened;
import com.aftersales.ticket.view.TicketView;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Registers tickets for the API: idempotent retries, and read-your-writes by waiting (bounded)
 * until the ticket's view shows the new ticket as registered, with the marks its registration set
 * (see {@link TicketWatch}).
 */
@Component
public class TicketIntake {

    private final CommandGateway commands;
    private final TicketViews views;
    private final EventStore eventStore;
    private final MeterRegistry meters;

    public TicketIntake(CommandGateway commands, TicketViews views, EventStore eventStore, MeterRegistry meters) {
        this.commands = commands;
        this.views = views;
        this.eventStore = eventStore;
        this.meters = meters;
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
                : find(caller, ticketId).flatMap(view -> atHead(caller, ticketId, view))
                        .map(view -> replay(view, registration));
        return earlier.switchIfEmpty(Mono.defer(() -> register(caller, ticketId, registration)));
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
        return Mono.using(() -> views.openWatch(caller, ticketId),
                watch -> create(caller, ticketId, registration).flatMap(version -> version >= 0
                        ? watch.until(version).map(view -> new Intake(ticketId, view, false))
                        : replayWinner(caller, ticketId, registration, watch)),
                TicketWatch::close);
    }

    /**
     * A concurrent retry that lost the creation race answers the winner's ticket. Its view may have
     * been written before this watch began, and then no notice comes: the store is asked first.
     */
    private Mono<Intake> replayWinner(Caller caller, String ticketId, Registration registration, TicketWatch watch) {
        return head(ticketId).flatMap(head -> find(caller, ticketId).filter(view -> view.version() >= head)
                        .map(Optional::of)
                        .switchIfEmpty(Mono.defer(() -> watch.until(head))))
                .map(view -> view.map(visible -> replay(visible, registration))
                        .orElseGet(() -> new Intake(ticketId, Optional.empty(), true)));
    }

    /**
     * The view once it shows every event its registration stored: one registration appends several
     * events (the ticket, its clocks, its marks) and a view caught between them would answer an older
     * version than the winner did. Empty if it did not get there in time.
     */
    private Mono<TicketView> atHead(Caller caller, String ticketId, TicketView view) {
        return head(ticketId).flatMap(head -> view.version() >= head ? Mono.just(view)
                : Mono.using(() -> views.openWatch(caller, ticketId), watch -> watch.until(head), TicketWatch::close)
                        .flatMap(Mono::justOrEmpty));
    }

    /** The ticket's last stored sequence number (a key lookup). */
    private Mono<Long> head(String ticketId) {
        return Mono.fromCallable(() -> eventStore.lastSequenceNumberFor(ticketId).orElse(0L))
                .subscribeOn(Schedulers.boundedElastic());
    }

    /**
     * The new ticket's version once created (0, or more when its registration marked it); -1 if the
     * ticket exists already (another request with the same key won).
     */
    private Mono<Long> create(Caller caller, String ticketId, Registration registration) {
        var command = GenericCommandMessage.asCommandMessage(new OpenTicket(ticketId, registration))
                .andMetaData(caller.toMetaData());
        // the local command bus runs the handler on the sending thread: keep it off the event loop
        return Mono.fromCallable(() -> ((Number) commands.sendAndWait(command)).longValue())
                .subscribeOn(Schedulers.boundedElastic())
                .doOnNext(version -> meters.counter("aftersales.tickets.opened", "tenant", caller.tenantId(),
                        "channel", registration.channel().name(), "type", registration.type()).increment())
                .onErrorResume(AggregateStreamCreationException.class, duplicate -> Mono.just(-1L));
    }

    public Mono<TicketView> find(Caller caller, String ticketId) {
        return views.find(caller, ticketId);
    }
}
