package com.aftersales.gateway.ticket;

import com.aftersales.ticket.view.TicketQueries.TicketViewUpdated;
import com.aftersales.ticket.view.TicketView;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A writer's watch on one ticket's view, opened before its command is sent so that no update is
 * missed: the projection's notices are buffered until {@link #until} reads them. Close it always.
 */
public final class TicketWatch implements AutoCloseable {

    private final SubscriptionQueryResult<Optional<TicketView>, TicketViewUpdated> subscription;
    private final Supplier<Mono<TicketView>> read;
    private final Duration pollAfter;
    private final Duration timeout;

    /** {@code pollAfter}: when to start asking the store (at once when another node runs the projection). */
    TicketWatch(SubscriptionQueryResult<Optional<TicketView>, TicketViewUpdated> subscription,
                Supplier<Mono<TicketView>> read, Duration pollAfter, Duration timeout) {
        this.subscription = subscription;
        this.read = read;
        this.pollAfter = pollAfter;
        this.timeout = timeout;
    }

    /**
     * The view once it shows {@code version} (empty if it did not within the timeout). It is read once,
     * by key, when the local projection says it got there; when another node runs the projection, the
     * store is polled with back-off instead. A notice stream that fails (its buffer overflowed) leaves
     * the store to answer.
     */
    public Mono<Optional<TicketView>> until(long version) {
        Mono<TicketView> notified = subscription.updates()
                .filter(update -> update.version() >= version)
                .next()
                .onErrorResume(failed -> Mono.empty())
                .flatMap(update -> shows(version));
        Mono<TicketView> polled = shows(version)
                .repeatWhenEmpty(attempts -> attempts.concatMap(attempt ->
                        Mono.delay(Duration.ofMillis(Math.min(200, 10L << Math.min(attempt, 5))))))
                .delaySubscription(pollAfter);
        return Flux.merge(notified, polled).next()
                .timeout(timeout, Mono.empty())
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty());
    }

    private Mono<TicketView> shows(long version) {
        return Mono.defer(read).filter(view -> view.version() >= version);
    }

    @Override
    public void close() {
        subscription.cancel();
    }
}
