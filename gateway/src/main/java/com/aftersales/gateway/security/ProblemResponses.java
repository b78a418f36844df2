package com.aftersales.gateway.security;

import com.aftersales.gateway.problem.Problems;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** 401 and 403 as problem details, like every other error. */
final class ProblemResponses {

    private final Problems problems;
    private final ObjectMapper json;
    private final CallerAccess access;

    ProblemResponses(Problems problems, ObjectMapper json, CallerAccess access) {
        this.problems = problems;
        this.json = json;
        this.access = access;
    }

    ServerAuthenticationEntryPoint unauthenticated() {
        return (exchange, failure) -> {
            exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, bearerChallenge(failure));
            return write(exchange, problems.problem(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", locale(exchange)));
        };
    }

    ServerAccessDeniedHandler forbidden() {
        return (exchange, denied) -> exchange.getPrincipal()
                .map(principal -> principal instanceof CallerAuthentication caller && !access.isOnboarded(caller)
                        ? "TENANT_UNKNOWN" : "ROLE_NOT_ALLOWED")
                .defaultIfEmpty("ROLE_NOT_ALLOWED")
                .flatMap(code -> write(exchange, problems.problem(HttpStatus.FORBIDDEN, code, locale(exchange))));
    }

    private static String bearerChallenge(AuthenticationException failure) {
        return failure instanceof org.springframework.security.oauth2.server.resource.InvalidBearerTokenException
                ? "Bearer error=\"invalid_token\"" : "Bearer";
    }

    private static Locale locale(ServerWebExchange exchange) {
        Locale locale = exchange.getLocaleContext().getLocale();
        return locale == null ? Locale.ENGLISH : locale;
    }

    private Mono<Void> write(ServerWebExchange exchange, ProblemDetail problem) {
        problem.setInstance(java.net.URI.create(exchange.getRequest().getPath().value()));
        var response = exchange.getResponse();
        response.setStatusCode(HttpStatus.valueOf(problem.getStatus()));
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        try {
            byte[] body = json.writeValueAsBytes(problem);
            return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
        } catch (Exception e) {
            return Mono.error(e);
        }
    }
}
