package com.aftersales.refusal;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;

/**
 * Turns refusals into {@link CommandExecutionException}s carrying the {@link Refusal} as details
 * (the pattern of AxonIQ's distributed-exceptions sample), so the gateway maps them in one place.
 * A missing aggregate and another tenant's aggregate both become {@code TICKET_NOT_FOUND}. (A ticket
 * changed since the version the sender saw is refused by the ticket itself, {@code VERSION_MISMATCH}.)
 */
public class RefusalInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        try {
            return chain.proceed();
        } catch (RefusedException e) {
            throw new CommandExecutionException(e.getMessage(), null, e.refusal());
        } catch (AggregateNotFoundException e) {
            throw new CommandExecutionException(RefusalCode.TICKET_NOT_FOUND, null, Refusal.of(RefusalCode.TICKET_NOT_FOUND));
        }
    }
}
