package com.aftersales.gateway.projection;

import com.aftersales.infra.privacy.NotPersonalData;

/**
 * A projection's progress: {@code position} is the lowest event position its segments reached,
 * {@code head} the last stored; {@code caughtUp} once every segment covers the head ({@code replaying}
 * stays true until the first event stored after the rebuild began).
 */
public record RebuildStatus(String processingGroup, boolean running, boolean replaying, boolean caughtUp,
                            int segments, long position, long head) implements NotPersonalData {
}
