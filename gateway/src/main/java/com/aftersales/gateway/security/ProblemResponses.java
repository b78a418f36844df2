package com.aftersales.gateway.security;

import static com.aftersales.gateway.problem.ProblemWriter.locale;

import com.aftersales.gateway.problem.ProblemWriter;
import com.aftersales.gateway.problem.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;

/** 401 and 403 as problem details, like every other error. */
final class ProblemResponses {

    private final Problems problems;
    private final ProblemWriter writer;
    private final CallerAccess access;

    ProblemResponses(Problems problems, ProblemWriter writer, CallerAccess access) {
        this.problems = problems;
        this.writer = writer;
        this.access = access;
    }

    ServerAuthenticationEntryPoint unauthenticated() {
        return (exchange, failure) -> {
            exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, bearerChallenge(failure));
            return writer.write(exchange, problems.problem(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", locale(exchange)));
        };
    }

    ServerAccessDeniedHandler forbidden() {
        return (exchange, denied) -> exchange.getPrincipal()
                .map(principal -> principal instanceof CallerAuthentication caller ? code(caller) : "ROLE_NOT_ALLOWED")
                .defaultIfEmpty("ROLE_NOT_ALLOWED")
                .flatMap(code -> writer.write(exchange, problems.problem(HttpStatus.FORBIDDEN, code, locale(exchange))));
    }

    /** A PLATFORM_ADMIN has no tenant: refused on a tenant route for the route, not for the tenant. */
    private String code(CallerAuthentication caller) {
        if (access.isSuspended(caller)) {
            return "TENANT_SUSPENDED";
        }
        return access.isOnboarded(caller) || caller.getPrincipal().tenantId() == null ? "ROLE_NOT_ALLOWED" : "TENANT_UNKNOWN";
    }

    private static String bearerChallenge(AuthenticationException failure) {
        return failure instanceof org.springframework.security.oauth2.server.resource.InvalidBearerTokenException
                ? "Bearer error=\"invalid_token\"" : "Bearer";
    }
}
