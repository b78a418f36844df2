package com.aftersales.infra.timer;

/**
 * A handler for the timers of one purpose on the shared timer store: each node runs one ticker,
 * which gives a due timer to the routed handler that claims it, and the rest to its default handler.
 */
public interface RoutedTimerHandler extends TimerHandler {

    /** Whether this handler fires {@code timer} (typically by a key of its payload). */
    boolean handles(Timer timer);
}
