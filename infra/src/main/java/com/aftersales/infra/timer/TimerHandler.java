package com.aftersales.infra.timer;

/**
 * What a due timer does. Called once per timer; if the node dies after the call and before the
 * timer is marked fired, another node calls it again when the lease runs out, so the effect must
 * be idempotent (an SLA clock's breach is: it is recorded once on the ticket).
 */
@FunctionalInterface
public interface TimerHandler {

    void fire(Timer timer) throws Exception;
}
