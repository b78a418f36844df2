package com.aftersales.gateway;

import com.aftersales.ticket.view.TicketViewProjection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;

/**
 * Holds the ticket view projection before it applies a listed event ("ticketId/sequence") until the
 * test releases it (at most 30 s), so a test can look at what the API does while the view lags.
 */
class HeldViews implements HandlerEnhancerDefinition {

    private final Map<String, CountDownLatch> held = new ConcurrentHashMap<>();
    private final Map<String, CountDownLatch> reached = new ConcurrentHashMap<>();

    void hold(String ticketId, long sequence) {
        held.put(ticketId + "/" + sequence, new CountDownLatch(1));
        reached.put(ticketId + "/" + sequence, new CountDownLatch(1));
    }

    /** Waits until the projection stands at the held event. */
    boolean awaitHeld(String ticketId, long sequence) throws InterruptedException {
        return reached.get(ticketId + "/" + sequence).await(30, TimeUnit.SECONDS);
    }

    void release(String ticketId, long sequence) {
        held.get(ticketId + "/" + sequence).countDown();
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        if (!original.declaringClass().equals(TicketViewProjection.class)) {
            return original;
        }
        return new WrappedMessageHandlingMember<>(original) {
            @Override
            public Object handle(Message<?> message, T target) throws Exception {
                if (message instanceof DomainEventMessage<?> event) {
                    String key = event.getAggregateIdentifier() + "/" + event.getSequenceNumber();
                    CountDownLatch latch = held.get(key);
                    if (latch != null) {
                        reached.get(key).countDown();
                        latch.await(30, TimeUnit.SECONDS);
                    }
                }
                return super.handle(message, target);
            }
        };
    }
}
