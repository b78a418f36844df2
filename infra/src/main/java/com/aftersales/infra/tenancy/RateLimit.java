package com.aftersales.infra.tenancy;

import java.time.Duration;

/**
 * How many API requests a tenant may send per {@code period}: {@code requests} for all its clients
 * together, and {@code clientRequests} for each client (token subject), of which a client may send
 * up to {@code clientBurst} at once.
 */
public record RateLimit(int requests, int clientRequests, int clientBurst, Duration period) {

    public RateLimit {
        if (requests < 1 || clientRequests < 1 || clientBurst < 1) {
            throw new IllegalArgumentException("Rate limits must allow at least one request");
        }
        if (period == null || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("A rate limit period must be positive");
        }
    }
}
