package com.aftersales.infra.timer;

import java.time.Instant;
import java.util.Map;

/**
 * A durable timer: {@code id} is unique per tenant; {@code payload} tells the handler what to do
 * (e.g. ticket and clock); {@code generation} rises with each (re)schedule.
 */
public record Timer(String tenant, String id, Instant dueAt, Map<String, String> payload, long generation) {

    public Timer {
        payload = Map.copyOf(payload);
    }
}
