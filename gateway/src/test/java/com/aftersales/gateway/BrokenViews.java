package com.aftersales.gateway;

import com.aftersales.ticket.view.TicketViewProjection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;

/**
 * A fault in the ticket view projection: while an event ("ticketId/sequence") is listed, handling
 * it fails before anything is written, as when the view store refuses the write.
 */
class BrokenViews implements HandlerEnhancerDefinition {

    final Set<String> events = ConcurrentHashMap.newKeySet();

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        if (!original.declaringClass().equals(TicketViewProjection.class)) {
            return original;
        }
        return new WrappedMessageHandlingMember<>(original) {
            @Override
            public Object handle(Message<?> message, T target) throws Exception {
                if (message instanceof DomainEventMessage<?> event
                        && events.contains(event.getAggregateIdentifier() + "/" + event.getSequenceNumber())) {
                    throw new IllegalStateException("view store refused the write");
                }
                return super.handle(message, target);
            }
        };
    }
}
