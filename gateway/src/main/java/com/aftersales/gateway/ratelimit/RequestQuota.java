package com.aftersales.gateway.ratelimit;

import com.aftersales.access.Caller;
import com.aftersales.infra.tenancy.TenantDirectory;
import java.util.OptionalLong;
import org.springframework.stereotype.Component;

/**
 * The same buckets as {@link RateLimitFilter}, for requests that pass no HTTP filter: every
 * operation sent over an open graphql-ws connection is charged like an API call.
 */
@Component
public class RequestQuota {

    private final TenantDirectory tenants;
    private final RequestLimiter limiter;

    RequestQuota(TenantDirectory tenants, RequestLimiter limiter) {
        this.tenants = tenants;
        this.limiter = limiter;
    }

    /** Charges one request to the caller: empty when allowed, else the seconds to wait before the next. */
    public OptionalLong charge(Caller caller) {
        return tenants.find(caller.tenantId()).map(tenant -> limiter.check(tenant, caller.actorId()))
                .filter(verdict -> !verdict.allowed())
                .map(verdict -> OptionalLong.of(verdict.retryAfterSeconds()))
                .orElse(OptionalLong.empty());
    }
}
