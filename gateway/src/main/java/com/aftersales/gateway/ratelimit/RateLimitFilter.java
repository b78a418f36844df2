package com.aftersales.gateway.ratelimit;

import com.aftersales.access.Caller;
import com.aftersales.gateway.problem.ProblemWriter;
import com.aftersales.gateway.problem.Problems;
import com.aftersales.gateway.security.CallerAuthentication;
import com.aftersales.infra.tenancy.TenantDirectory;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Rate limits of API calls (OWASP API4:2023), per tenant and per client. Runs after Spring
 * Security, so only verified callers get here and the tenant comes from the token; health and
 * docs are not limited. Every API answer carries the RateLimit headers; over a limit it is 429
 * {@code RATE_LIMITED} with {@code Retry-After}.
 */
@Component
public class RateLimitFilter implements WebFilter, Ordered {

    private static final String API = "/api/";
    /** GraphQL over HTTP counts like any API call (each graphql-ws operation: {@link RequestQuota}). */
    private static final String GRAPHQL = "/graphql";

    /** Spring Security's WebFilterChainProxy ({@code WebFluxSecurityConfiguration}, not public). */
    private static final int SECURITY_ORDER = -100;

    private final TenantDirectory tenants;
    private final RequestLimiter limiter;
    private final Problems problems;
    private final ProblemWriter writer;

    RateLimitFilter(TenantDirectory tenants, RequestLimiter limiter, Problems problems, ProblemWriter writer) {
        this.tenants = tenants;
        this.limiter = limiter;
        this.problems = problems;
        this.writer = writer;
    }

    @Override
    public int getOrder() {
        return SECURITY_ORDER + 1;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (!path.startsWith(API) && !path.equals(GRAPHQL)) {
            return chain.filter(exchange);
        }
        // an Optional, not switchIfEmpty: the chain itself completes empty and would then run twice
        return exchange.getPrincipal()
                .ofType(CallerAuthentication.class)
                .map(authentication -> check(authentication.getPrincipal()))
                .defaultIfEmpty(Optional.empty())
                .flatMap(verdict -> verdict.map(v -> apply(v, exchange, chain)).orElseGet(() -> chain.filter(exchange)));
    }

    private Optional<Verdict> check(Caller caller) {
        return tenants.find(caller.tenantId()).map(tenant -> limiter.check(tenant, caller.actorId()));
    }

    private Mono<Void> apply(Verdict verdict, ServerWebExchange exchange, WebFilterChain chain) {
        verdict.writeTo(exchange.getResponse().getHeaders());
        if (verdict.allowed()) {
            return chain.filter(exchange);
        }
        return writer.write(exchange, problems.problem(HttpStatus.TOO_MANY_REQUESTS, "RATE_LIMITED",
                ProblemWriter.locale(exchange), Long.toString(verdict.retryAfterSeconds())));
    }
}
