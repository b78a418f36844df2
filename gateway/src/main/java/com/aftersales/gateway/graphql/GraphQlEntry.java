package com.aftersales.gateway.graphql;

import com.aftersales.access.Caller;
import com.aftersales.gateway.problem.Problems;
import com.aftersales.gateway.ratelimit.RequestQuota;
import com.aftersales.gateway.security.CallerAuthentication;
import com.aftersales.gateway.security.TrustedIssuers;
import com.aftersales.infra.tenancy.TenantDirectory;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.parser.ParserOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlInterceptor;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.server.WebSocketSessionInfo;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * Every GraphQL request passes here before it is parsed: the caller comes from the verified token
 * only (HTTP: Spring Security's; graphql-ws: the bearer token of {@code connection_init}, checked by
 * the same issuers and decoders), persisted queries are resolved ({@link PersistedQueries}),
 * graphql-ws operations are charged to the rate limits, and documents over the size limits are refused. The caller enters the
 * GraphQL context as {@value #CALLER}; nothing else chooses a tenant.
 */
@Component
public class GraphQlEntry implements WebSocketGraphQlInterceptor {

    public static final String CALLER = "caller";
    /** When the caller's token expires: a subscription ends then (the client reconnects with a new token). */
    public static final String TOKEN_EXPIRES_AT = "tokenExpiresAt";
    /** The subscriptions open on the caller's graphql-ws connection (an {@code AtomicInteger}). */
    public static final String SUBSCRIPTIONS = "openSubscriptions";
    private static final String AUTHENTICATION = GraphQlEntry.class.getName() + ".authentication";
    /** The graphql-ws connection's WebSocket session (put there by the handler), to close it at expiry. */
    static final String SESSION = GraphQlEntry.class.getName() + ".session";
    private static final String EXPIRY = GraphQlEntry.class.getName() + ".expiry";
    /** graphql-ws: the connection is not (or no longer) authenticated. */
    static final CloseStatus UNAUTHORIZED = new CloseStatus(4401, "Unauthorized");
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(1);

    private final TrustedIssuers issuers;
    private final TenantDirectory tenants;
    private final GraphQlProperties properties;
    private final PersistedQueries persistedQueries;
    private final GraphQlErrors errors;
    private final RequestQuota quota;

    public GraphQlEntry(TrustedIssuers issuers, TenantDirectory tenants, GraphQlProperties properties,
                        PersistedQueries persistedQueries, GraphQlErrors errors, RequestQuota quota) {
        this.quota = quota;
        this.issuers = issuers;
        this.tenants = tenants;
        this.properties = properties;
        this.persistedQueries = persistedQueries;
        this.errors = errors;
    }

    /** graphql-ws {@code connection_init}: {@code {"Authorization": "Bearer <token>"}} (any case). */
    @Override
    public Mono<Object> handleConnectionInitialization(WebSocketSessionInfo session, Map<String, Object> payload) {
        String token = payload.entrySet().stream()
                .filter(entry -> entry.getKey().equalsIgnoreCase("authorization") && entry.getValue() instanceof String)
                .map(entry -> ((String) entry.getValue()).trim())
                .filter(value -> value.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(value -> value.substring(7).trim())
                .findFirst().orElse(null);
        if (token == null || token.isEmpty()) {
            return Mono.error(new IllegalStateException("no bearer token in connection_init"));
        }
        return issuers.resolver().resolve(null)
                .flatMap(manager -> manager.authenticate(new BearerTokenAuthenticationToken(token)))
                .filter(authentication -> authentication instanceof CallerAuthentication caller
                        && isActive(caller.getPrincipal().tenantId()))
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("token refused")))
                .doOnNext(authentication -> {
                    session.getAttributes().put(AUTHENTICATION, authentication);
                    closeAtExpiry(session, expiresAt((CallerAuthentication) authentication));
                })
                .then(Mono.empty());
    }

    /**
     * The connection lasts as long as its token: at {@code exp} its subscriptions complete, nothing
     * more runs on it, and a moment later (so that the completions reach the client first) it is
     * closed 4401; the client reconnects with a fresh token.
     */
    private static void closeAtExpiry(WebSocketSessionInfo info, Instant expiresAt) {
        if (!expiresAt.equals(Instant.MAX)) {
            Duration left = Duration.between(Instant.now(), expiresAt);
            closeAfter(info, (left.isNegative() ? Duration.ZERO : left).plus(CLOSE_GRACE));
        }
    }

    private static void closeAfter(WebSocketSessionInfo info, Duration delay) {
        if (info.getAttributes().get(SESSION) instanceof WebSocketSession session) {
            Disposable closing = Mono.delay(delay).then(Mono.defer(() -> session.close(UNAUTHORIZED)))
                    .subscribe(done -> { }, failure -> { });
            if (info.getAttributes().put(EXPIRY, closing) instanceof Disposable earlier) {
                earlier.dispose();
            }
        }
    }

    @Override
    public void handleConnectionClosed(WebSocketSessionInfo session, int statusCode, Map<String, Object> payload) {
        if (session.getAttributes().remove(EXPIRY) instanceof Disposable expiry) {
            expiry.dispose();
        }
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        return authentication(request)
                .flatMap(authentication -> admit(request, chain, authentication))
                .switchIfEmpty(Mono.defer(() -> {
                    if (request instanceof WebSocketGraphQlRequest socket) {
                        closeAfter(socket.getSessionInfo(), CLOSE_GRACE);
                    }
                    return refuse(request, HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED");
                }));
    }

    /**
     * HTTP: Spring Security's (checked for this request). graphql-ws: the one of connection_init,
     * checked again for every operation: a token past its {@code exp} or of a tenant no longer
     * onboarded authenticates nothing (the connection is closed 4401 at expiry anyway).
     */
    private Mono<CallerAuthentication> authentication(WebGraphQlRequest request) {
        if (request instanceof WebSocketGraphQlRequest socket) {
            return Mono.justOrEmpty(socket.getSessionInfo().getAttributes().get(AUTHENTICATION))
                    .cast(CallerAuthentication.class)
                    .filter(authentication -> Instant.now().isBefore(expiresAt(authentication))
                            && tenants.find(authentication.getPrincipal().tenantId()).isPresent());
        }
        return ReactiveSecurityContextHolder.getContext().map(SecurityContext::getAuthentication)
                .filter(CallerAuthentication.class::isInstance).cast(CallerAuthentication.class);
    }

    /** Onboarded and not suspended: a suspended tenant's open connections run nothing more (403 TENANT_SUSPENDED). */
    private boolean isActive(String tenantId) {
        return tenants.find(tenantId).filter(tenant -> !tenant.suspended()).isPresent();
    }

    private Mono<WebGraphQlResponse> admit(WebGraphQlRequest request, Chain chain, CallerAuthentication authentication) {
        Caller caller = authentication.getPrincipal();
        if (request instanceof WebSocketGraphQlRequest && !isActive(caller.tenantId())) {
            return refuse(request, HttpStatus.FORBIDDEN, "TENANT_SUSPENDED");
        }
        if (request instanceof WebSocketGraphQlRequest) { // over HTTP, RateLimitFilter charged the request
            var wait = quota.charge(caller);
            if (wait.isPresent()) {
                return refuse(request, HttpStatus.TOO_MANY_REQUESTS, "RATE_LIMITED", Long.toString(wait.getAsLong()));
            }
        }
        PersistedQueries.Outcome persisted = persistedQueries.resolve(request, caller);
        if (persisted.refused()) {
            return refuse(request, persisted.status(), persisted.code());
        }
        WebGraphQlRequest resolved = persisted.request();
        if (resolved.getDocument().length() > properties.getMaxDocumentLength()) {
            return refuse(request, HttpStatus.BAD_REQUEST, "DOCUMENT_TOO_LARGE");
        }
        ParserOptions parser = ParserOptions.getDefaultOperationParserOptions().transform(
                options -> options.maxTokens(properties.getMaxTokens()).maxCharacters(properties.getMaxDocumentLength()));
        Instant expiresAt = expiresAt(authentication);
        AtomicInteger subscriptions = request instanceof WebSocketGraphQlRequest socket
                ? (AtomicInteger) socket.getSessionInfo().getAttributes().computeIfAbsent(SUBSCRIPTIONS, key -> new AtomicInteger())
                : new AtomicInteger();
        Locale socketLocale = request instanceof WebSocketGraphQlRequest socket ? language(socket) : null;
        resolved.configureExecutionInput((input, builder) -> {
            if (socketLocale != null) {
                builder.locale(socketLocale);
            }
            return builder.graphQLContext(context -> context
                    .put(CALLER, caller).put(TOKEN_EXPIRES_AT, expiresAt).put(ParserOptions.class, parser)
                    .put(SUBSCRIPTIONS, subscriptions)).build();
        });
        return chain.next(resolved).contextWrite(ReactiveSecurityContextHolder.withAuthentication(authentication));
    }

    /** graphql-ws: the language of the handshake's {@code Accept-Language} (the messages carry none). */
    private static Locale language(WebSocketGraphQlRequest socket) {
        try {
            var languages = socket.getSessionInfo().getHeaders().getAcceptLanguageAsLocales();
            return languages.isEmpty() ? Locale.ENGLISH : languages.get(0);
        } catch (IllegalArgumentException unreadable) {
            return Locale.ENGLISH;
        }
    }

    private static Instant expiresAt(CallerAuthentication authentication) {
        return authentication.getCredentials() instanceof Jwt jwt && jwt.getExpiresAt() != null
                ? jwt.getExpiresAt() : Instant.MAX;
    }

    private Mono<WebGraphQlResponse> refuse(WebGraphQlRequest request, HttpStatus status, String code, Object... arguments) {
        Locale locale = request.getLocale() == null ? Locale.ENGLISH : request.getLocale();
        GraphQLError error = errors.error(errors.problems().problem(status, code, locale, arguments), null);
        ExecutionResult result = ExecutionResult.newExecutionResult().addError(error).build();
        return Mono.just(new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result)));
    }
}
