package com.aftersales.refusal;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;

/**
 * Turns refusals into {@link CommandExecutionException}s carrying the {@link Refusal} as details
 * (the pattern of AxonIQ's distributed-exceptions sample), so the gateway maps them in one place.
 * A missing aggregate and another tenant's aggregate both become {@code TICKET_NOT_FOUND}; a ticket
 * that changed since the version the sender saw becomes {@code VERSION_MISMATCH}.
 */
public class RefusalInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        try {
            return chain.proceed();
        } catch (RefusedException e) {
            throw new CommandExecutionException(e.getMessage(), null, e.refusal());
        } catch (ConflictingAggregateVersionException e) {
            throw new CommandExecutionException(RefusalCode.VERSION_MISMATCH, null, Refusal.of(RefusalCode.VERSION_MISMATCH));
        } catch (AggregateNotFoundException e) {
            throw new CommandExecutionException(RefusalCode.TICKET_NOT_FOUND, null, Refusal.of(RefusalCode.TICKET_NOT_FOUND));
        }
    }
}
