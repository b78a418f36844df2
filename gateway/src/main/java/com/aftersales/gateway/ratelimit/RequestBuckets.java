package com.aftersales.gateway.ratelimit;

import com.aftersales.infra.tenancy.RateLimit;
import com.aftersales.infra.tenancy.Tenant;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.github.bucket4j.Bucket;
import java.time.Duration;

/**
 * The token buckets of this node: one per tenant, one per client of a tenant. A bucket idle for as
 * long as it takes to refill is full again, so dropping it then and starting a new, full one later
 * changes nothing; that keeps the maps small. The size bounds only matter beyond that many active
 * callers, where an evicted bucket starts full again.
 */
final class RequestBuckets {

    private static final int MAX_TENANTS = 10_000;
    private static final int MAX_CLIENTS = 100_000;

    /** The limit is part of the key, so a changed setting takes effect with a fresh bucket. */
    private record TenantKey(String tenantId, RateLimit limit) {
    }

    private record ClientKey(String tenantId, String clientId, RateLimit limit) {
    }

    private final Cache<TenantKey, LimitedBucket> tenants = cache(MAX_TENANTS);
    private final Cache<ClientKey, LimitedBucket> clients = cache(MAX_CLIENTS);

    LimitedBucket tenant(Tenant tenant) {
        RateLimit limit = tenant.rateLimit();
        return tenants.get(new TenantKey(tenant.id(), limit),
                key -> LimitedBucket.of(limit.requests(), limit.requests(), limit.period()));
    }

    LimitedBucket client(Tenant tenant, String clientId) {
        RateLimit limit = tenant.rateLimit();
        return clients.get(new ClientKey(tenant.id(), clientId, limit),
                key -> LimitedBucket.of(limit.clientBurst(), limit.clientRequests(), limit.period()));
    }

    private static <K> Cache<K, LimitedBucket> cache(int maximumSize) {
        return Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .expireAfter(Expiry.<K, LimitedBucket>accessing((key, bucket) -> bucket.timeToFill()))
                .build();
    }

    /** A bucket of {@code capacity} tokens, refilled evenly with {@code refill} tokens per {@code period}. */
    record LimitedBucket(Bucket bucket, long capacity, Duration timeToFill) {

        static LimitedBucket of(long capacity, long refill, Duration period) {
            Bucket bucket = Bucket.builder()
                    .addLimit(limit -> limit.capacity(capacity).refillGreedy(refill, period))
                    .build();
            return new LimitedBucket(bucket, capacity, period.multipliedBy(capacity).dividedBy(refill));
        }
    }
}
