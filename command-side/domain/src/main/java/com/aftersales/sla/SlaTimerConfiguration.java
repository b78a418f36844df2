package com.aftersales.sla;

import com.aftersales.infra.tenancy.CallerMetaData;
import com.aftersales.infra.timer.DurableTimers;
import com.aftersales.infra.timer.Timer;
import com.aftersales.infra.timer.RoutedTimerHandler;
import com.aftersales.infra.timer.TimerHandler;
import com.aftersales.infra.timer.TimerTicker;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Each node of the service runs one ticker on the shared timer store; a due SLA timer asks its ticket to record
 * the warnings and breaches due ({@link SlaCommands.RecordSlaDeadlines}, idempotent), as the system actor of
 * the timer's tenant. The ticker's first tick walks from the last finished minute, so deadlines
 * missed while no node ran are recorded when one starts.
 */
@Configuration
@EnableConfigurationProperties(SlaTimerProperties.class)
public class SlaTimerConfiguration {

    /** The actor the timer's commands and the facts they record name. */
    public static final String ACTOR = "sla-timer";

    /**
     * The node's ticker fires every durable timer, SLA deadlines and legally required disposals alike,
     * so it has its own switch, {@code aftersales.timers.enabled} (default true). {@code
     * aftersales.sla.timers.enabled=false} only keeps this node from recording SLA deadlines: such a
     * timer fails here and stays for a node that records them, while disposals still fire.
     */
    @Bean
    @ConditionalOnProperty(prefix = "aftersales.timers", name = "enabled", matchIfMissing = true)
    TimerTicker slaTimerTicker(DurableTimers timers, CommandGateway commands, SlaTimerProperties properties,
                               Clock clock, List<RoutedTimerHandler> routes) {
        TimerHandler sla = properties.isEnabled() ? deadlines(commands) : SlaTimerConfiguration::slaDisabled;
        return new TimerTicker(timers, routed(routes, sla), "node-" + UUID.randomUUID(), properties.settings(), clock);
    }

    static void slaDisabled(Timer timer) {
        throw new IllegalStateException("SLA timer " + timer.id() + " left for another node: "
                + "aftersales.sla.timers.enabled=false on this one");
    }

    /** Timers of other purposes (e.g. disposal after retention) share the store and this ticker. */
    static TimerHandler routed(List<RoutedTimerHandler> routes, TimerHandler fallback) {
        return timer -> {
            for (RoutedTimerHandler route : routes) {
                if (route.handles(timer)) {
                    route.fire(timer);
                    return;
                }
            }
            fallback.fire(timer);
        };
    }

    /**
     * The ticker starts after everything else (the ticket's command handlers are subscribed) and stops
     * first, letting its tick finish: a tick cut short would hold its timer until the claim's lease ends.
     */
    @Bean
    @ConditionalOnProperty(prefix = "aftersales.timers", name = "enabled", matchIfMissing = true)
    SmartLifecycle slaTimerTickerLifecycle(TimerTicker slaTimerTicker) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                slaTimerTicker.start();
                running = true;
            }

            @Override
            public void stop() {
                slaTimerTicker.close();
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }

            @Override
            public int getPhase() {
                return Integer.MAX_VALUE;
            }
        };
    }

    static TimerHandler deadlines(CommandGateway commands) {
        return (Timer timer) -> commands.sendAndWait(new SlaCommands.RecordSlaDeadlines(timer.payload().get(SlaTimers.TICKET)),
                CallerMetaData.of(timer.tenant(), ACTOR, SlaCommands.TIMER_ACTOR_KIND, List.of()));
    }
}
