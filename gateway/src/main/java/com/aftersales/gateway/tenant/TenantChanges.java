package com.aftersales.gateway.tenant;

import com.aftersales.access.Caller;
import com.aftersales.gateway.problem.RefusalException;
import com.aftersales.infra.tenancy.Tenant;
import com.aftersales.infra.tenancy.TenantDirectory;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Sends a tenant command for the API and answers the tenant as this node's directory shows it after
 * the change: the command answers the tenant's new version, and the answer waits (bounded by
 * {@code aftersales.api.read-your-writes-timeout}) until the directory holds it, so the caller's
 * next request already runs under the change. Empty when the directory did not catch up in time.
 */
@Component
public class TenantChanges {

    private static final Duration POLL = Duration.ofMillis(5);

    private final CommandGateway commands;
    private final TenantDirectory directory;
    private final Duration timeout;
    private final Duration commandTimeout;

    public TenantChanges(CommandGateway commands, TenantDirectory directory,
                         @Value("${aftersales.api.read-your-writes-timeout:5s}") Duration timeout,
                         @Value("${aftersales.api.command-timeout:30s}") Duration commandTimeout) {
        this.commands = commands;
        this.directory = directory;
        this.timeout = timeout;
        this.commandTimeout = commandTimeout; // a stuck store must not hold a request thread forever
    }

    public Mono<Change> send(Caller caller, String tenantId, Object command) {
        var message = GenericCommandMessage.asCommandMessage(command).andMetaData(caller.toMetaData());
        return Mono.fromCallable(() -> ((Number) commands.sendAndWait(message, commandTimeout.toMillis(),
                        TimeUnit.MILLISECONDS)).longValue())
                .subscribeOn(Schedulers.boundedElastic())
                .onErrorMap(AggregateStreamCreationException.class, e -> new RefusalException("TENANT_ALREADY_EXISTS"))
                .onErrorMap(AggregateNotFoundException.class, e -> new RefusalException("TENANT_NOT_FOUND"))
                .flatMap(version -> visible(tenantId, version).map(tenant -> new Change(version, tenant)));
    }

    private Mono<Optional<Tenant>> visible(String tenantId, long version) {
        return Mono.fromSupplier(() -> directory.find(tenantId).filter(tenant -> tenant.version() >= version).orElse(null))
                .repeatWhenEmpty(repeats -> repeats.delayElements(POLL))
                .map(Optional::of)
                .timeout(timeout)
                .onErrorReturn(TimeoutException.class, Optional.empty());
    }

    /** The tenant's version after the command, and the tenant as the directory shows it (empty: not yet). */
    public record Change(long version, Optional<Tenant> tenant) {
    }
}
