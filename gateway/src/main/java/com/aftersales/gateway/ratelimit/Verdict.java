package com.aftersales.gateway.ratelimit;

import io.github.bucket4j.ConsumptionProbe;
import java.util.concurrent.TimeUnit;
import org.springframework.http.HttpHeaders;

/**
 * Whether a request may pass, and the quota to tell the caller about (draft-ietf-httpapi-ratelimit-headers):
 * the bucket's capacity, the tokens left, and the seconds until it is full again.
 */
record Verdict(boolean allowed, long limit, long remaining, long resetSeconds, long retryAfterSeconds) {

    static final String LIMIT = "RateLimit-Limit";
    static final String REMAINING = "RateLimit-Remaining";
    static final String RESET = "RateLimit-Reset";

    static Verdict of(RequestBuckets.LimitedBucket bucket, ConsumptionProbe probe) {
        return new Verdict(probe.isConsumed(), bucket.capacity(), probe.getRemainingTokens(),
                seconds(probe.getNanosToWaitForReset()),
                probe.isConsumed() ? 0 : Math.max(1, seconds(probe.getNanosToWaitForRefill())));
    }

    /** Of two passed limits, the one nearer to exhaustion is the one the caller must pace by. */
    Verdict tighter(Verdict other) {
        return other.remaining < remaining ? other : this;
    }

    void writeTo(HttpHeaders headers) {
        headers.set(LIMIT, Long.toString(limit));
        headers.set(REMAINING, Long.toString(remaining));
        headers.set(RESET, Long.toString(resetSeconds));
        if (!allowed) {
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        }
    }

    private static long seconds(long nanos) {
        return (nanos + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1);
    }
}
