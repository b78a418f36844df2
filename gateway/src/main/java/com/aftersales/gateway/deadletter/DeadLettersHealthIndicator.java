package com.aftersales.gateway.deadletter;

import com.aftersales.infra.deadletter.DeadLetterQueues;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/** DOWN while any processing group holds dead letters: some views lag behind their events. */
@Component("deadLetters")
public class DeadLettersHealthIndicator extends AbstractHealthIndicator {

    private final DeadLetterQueues queues;

    public DeadLettersHealthIndicator(DeadLetterQueues queues) {
        this.queues = queues;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Map<String, Object> letters = new LinkedHashMap<>();
        long total = 0;
        for (String group : queues.groups()) {
            long size = queues.queue(group).size();
            letters.put(group, size);
            total += size;
        }
        (total == 0 ? builder.up() : builder.down()).withDetails(letters);
    }
}
