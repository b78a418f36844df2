package com.aftersales.gateway.ratelimit;

import com.aftersales.infra.tenancy.Tenant;
import io.github.bucket4j.ConsumptionProbe;
import org.springframework.stereotype.Component;

/** Takes one request from the client's bucket and from its tenant's; both must have one left. */
@Component
class RequestLimiter {

    private final RequestBuckets buckets = new RequestBuckets();

    Verdict check(Tenant tenant, String clientId) {
        RequestBuckets.LimitedBucket client = buckets.client(tenant, clientId);
        ConsumptionProbe byClient = client.bucket().tryConsumeAndReturnRemaining(1);
        if (!byClient.isConsumed()) {
            // checked first, so that a client over its own limit does not use up its tenant's
            return Verdict.of(client, byClient);
        }
        RequestBuckets.LimitedBucket shared = buckets.tenant(tenant);
        ConsumptionProbe byTenant = shared.bucket().tryConsumeAndReturnRemaining(1);
        if (!byTenant.isConsumed()) {
            client.bucket().addTokens(1); // refused requests count against no one
            return Verdict.of(shared, byTenant);
        }
        return Verdict.of(client, byClient).tighter(Verdict.of(shared, byTenant));
    }
}
