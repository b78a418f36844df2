package com.aftersales.gateway.graphql;

import com.aftersales.access.Caller;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Persisted queries: the allow-list of {@code aftersales.graphql.persisted-queries}, by id or by the
 * SHA-256 of the document (Apollo-style clients send the hash), and the tenants held to it
 * ({@code tenant-settings.<tenant>.persisted-queries-only}).
 */
@Component
class PersistedQueries {

    /** The request to run, or the refusal ({@code status}, {@code code}) instead. */
    record Outcome(WebGraphQlRequest request, HttpStatus status, String code) {

        boolean refused() {
            return code != null;
        }
    }

    private final Map<String, String> documents = new HashMap<>();
    private final Set<String> allowed;
    private final GraphQlTenantSettings tenantSettings;

    PersistedQueries(GraphQlProperties properties, GraphQlTenantSettings tenantSettings) {
        this.tenantSettings = tenantSettings;
        properties.getPersistedQueries().forEach((id, document) -> {
            documents.put(id, document);
            documents.put(sha256(document), document);
        });
        this.allowed = properties.getPersistedQueries().values().stream().map(PersistedQueries::sha256)
                .collect(Collectors.toUnmodifiableSet());
    }

    Outcome resolve(WebGraphQlRequest request, Caller caller) {
        String id = persistedId(request);
        if (id != null) {
            String document = documents.get(id);
            return document == null ? new Outcome(request, HttpStatus.BAD_REQUEST, "PERSISTED_QUERY_NOT_FOUND")
                    : new Outcome(withDocument(request, document), null, null);
        }
        if (tenantSettings.persistedQueriesOnly(caller.tenantId()) && !allowed.contains(sha256(request.getDocument()))) {
            return new Outcome(request, HttpStatus.FORBIDDEN, "PERSISTED_QUERY_REQUIRED");
        }
        return new Outcome(request, null, null);
    }

    @SuppressWarnings("unchecked")
    private static String persistedId(WebGraphQlRequest request) {
        if (request.getExtensions().get("persistedQuery") instanceof Map<?, ?> persisted) {
            Object id = ((Map<String, Object>) persisted).getOrDefault("id", persisted.get("sha256Hash"));
            return id == null ? "" : id.toString();
        }
        return null;
    }

    /** The same request with the stored document; a graphql-ws request stays one (its session matters). */
    private static WebGraphQlRequest withDocument(WebGraphQlRequest request, String document) {
        Map<String, Object> body = new HashMap<>(request.toMap());
        body.put("query", document);
        if (request instanceof WebSocketGraphQlRequest socket) {
            return new WebSocketGraphQlRequest(request.getUri().toUri(), request.getHeaders(), request.getCookies(),
                    request.getRemoteAddress(), request.getAttributes(), body, request.getId(), request.getLocale(),
                    socket.getSessionInfo());
        }
        return new WebGraphQlRequest(request.getUri().toUri(), request.getHeaders(), request.getCookies(),
                request.getRemoteAddress(), request.getAttributes(), body, request.getId(), request.getLocale());
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
