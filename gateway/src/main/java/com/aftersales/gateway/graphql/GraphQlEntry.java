package com.aftersales.gateway.graphql;

import com.aftersales.access.Caller;
import com.aftersales.gateway.problem.Problems;
import com.aftersales.gateway.security.CallerAuthentication;
import com.aftersales.gateway.security.TrustedIssuers;
import com.aftersales.infra.tenancy.TenantDirectory;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.parser.ParserOptions;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
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
import reactor.core.publisher.Mono;

/**
 * Every GraphQL request passes here before it is parsed: the caller comes from the verified token
 * only (HTTP: Spring Security's; graphql-ws: the bearer token of {@code connection_init}, checked by
 * the same issuers and decoders), persisted queries are resolved and a tenant limited to them is
 * held to the allow-list, and documents over the size limits are refused. The caller enters the
 * GraphQL context as {@value #CALLER}; nothing else chooses a tenant.
 */
@Component
public class GraphQlEntry implements WebSocketGraphQlInterceptor {

    public static final String CALLER = "caller";
    /** When the caller's token expires: a subscription ends then (the client reconnects with a new token). */
    public static final String TOKEN_EXPIRES_AT = "tokenExpiresAt";
    private static final String AUTHENTICATION = GraphQlEntry.class.getName() + ".authentication";

    private final TrustedIssuers issuers;
    private final TenantDirectory tenants;
    private final GraphQlProperties properties;
    private final GraphQlTenantSettings tenantSettings;
    private final GraphQlErrors errors;
    private final Map<String, String> persisted = new HashMap<>();
    private final Set<String> allowed;

    public GraphQlEntry(TrustedIssuers issuers, TenantDirectory tenants, GraphQlProperties properties,
                        GraphQlTenantSettings tenantSettings, GraphQlErrors errors) {
        this.issuers = issuers;
        this.tenants = tenants;
        this.properties = properties;
        this.tenantSettings = tenantSettings;
        this.errors = errors;
        properties.getPersistedQueries().forEach((id, document) -> {
            persisted.put(id, document);
            persisted.put(sha256(document), document); // Apollo-style clients send the hash
        });
        this.allowed = properties.getPersistedQueries().values().stream().map(GraphQlEntry::sha256)
                .collect(Collectors.toUnmodifiableSet());
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
                        && tenants.find(caller.getPrincipal().tenantId()).isPresent())
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("token refused")))
                .doOnNext(authentication -> session.getAttributes().put(AUTHENTICATION, authentication))
                .then(Mono.empty());
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        return authentication(request)
                .flatMap(authentication -> admit(request, chain, authentication))
                .switchIfEmpty(Mono.defer(() -> refuse(request, HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED")));
    }

    private static Mono<CallerAuthentication> authentication(WebGraphQlRequest request) {
        if (request instanceof WebSocketGraphQlRequest socket) {
            return Mono.justOrEmpty(socket.getSessionInfo().getAttributes().get(AUTHENTICATION))
                    .cast(CallerAuthentication.class);
        }
        return ReactiveSecurityContextHolder.getContext().map(SecurityContext::getAuthentication)
                .filter(CallerAuthentication.class::isInstance).cast(CallerAuthentication.class);
    }

    private Mono<WebGraphQlResponse> admit(WebGraphQlRequest request, Chain chain, CallerAuthentication authentication) {
        Caller caller = authentication.getPrincipal();
        WebGraphQlRequest resolved = request;
        String persistedId = persistedId(request);
        if (persistedId != null) {
            String document = persisted.get(persistedId);
            if (document == null) {
                return refuse(request, HttpStatus.BAD_REQUEST, "PERSISTED_QUERY_NOT_FOUND");
            }
            resolved = withDocument(request, document);
        } else if (tenantSettings.persistedQueriesOnly(caller.tenantId()) && !allowed.contains(sha256(request.getDocument()))) {
            return refuse(request, HttpStatus.FORBIDDEN, "PERSISTED_QUERY_REQUIRED");
        }
        if (resolved.getDocument().length() > properties.getMaxDocumentLength()) {
            return refuse(request, HttpStatus.BAD_REQUEST, "DOCUMENT_TOO_LARGE");
        }
        ParserOptions parser = ParserOptions.getDefaultOperationParserOptions().transform(
                options -> options.maxTokens(properties.getMaxTokens()).maxCharacters(properties.getMaxDocumentLength()));
        Instant expiresAt = authentication.getCredentials() instanceof Jwt jwt && jwt.getExpiresAt() != null
                ? jwt.getExpiresAt() : Instant.MAX;
        resolved.configureExecutionInput((input, builder) -> builder.graphQLContext(context -> context
                .put(CALLER, caller).put(TOKEN_EXPIRES_AT, expiresAt).put(ParserOptions.class, parser)).build());
        return chain.next(resolved).contextWrite(ReactiveSecurityContextHolder.withAuthentication(authentication));
    }

    @SuppressWarnings("unchecked")
    private static String persistedId(WebGraphQlRequest request) {
        if (request.getExtensions().get("persistedQuery") instanceof Map<?, ?> persisted) {
            Object id = ((Map<String, Object>) persisted).getOrDefault("id", persisted.get("sha256Hash"));
            return id == null ? "" : id.toString();
        }
        return null;
    }

    private static WebGraphQlRequest withDocument(WebGraphQlRequest request, String document) {
        Map<String, Object> body = new HashMap<>(request.toMap());
        body.put("query", document);
        return new WebGraphQlRequest(request.getUri().toUri(), request.getHeaders(), request.getCookies(),
                request.getRemoteAddress(), request.getAttributes(), body, request.getId(), request.getLocale());
    }

    private Mono<WebGraphQlResponse> refuse(WebGraphQlRequest request, HttpStatus status, String code) {
        Locale locale = request.getLocale() == null ? Locale.ENGLISH : request.getLocale();
        GraphQLError error = errors.error(errors.problems().problem(status, code, locale), null);
        ExecutionResult result = ExecutionResult.newExecutionResult().addError(error).build();
        return Mono.just(new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result)));
    }

    static String sha256(String document) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(document.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
