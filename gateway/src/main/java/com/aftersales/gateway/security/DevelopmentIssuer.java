package com.aftersales.gateway.security;

import com.aftersales.infra.tenancy.Tenant;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import java.net.InetAddress;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.token.OAuth2TokenCallback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OAuth2 issuer of the embedded default (mock-oauth2-server on loopback). It issues
 * client-credentials tokens to one client per role and tenant, named {@code <tenant>-<role>},
 * e.g. {@code acme-agent}, for any tenant (also those registered later) and to {@code platform-admin};
 * any client secret is accepted. Started only when opted in
 * ({@code aftersales.security.development-issuer.enabled}) on the embedded MongoDB.
 */
public final class DevelopmentIssuer implements AutoCloseable {

    static final String ISSUER_ID = "aftersales";
    private static final Logger log = LoggerFactory.getLogger(DevelopmentIssuer.class);

    /** Client name suffix → roles. */
    static final Map<String, List<String>> CLIENTS = clients();

    private final MockOAuth2Server server;

    public DevelopmentIssuer(SecurityProperties properties) {
        try {
            OAuth2Config defaults = OAuth2Config.Companion.fromJson("{\"interactiveLogin\":false}");
            OAuth2Config config = new OAuth2Config(false, defaults.getLoginPagePath(), defaults.getStaticAssetsPath(),
                    defaults.getRotateRefreshToken(), defaults.getTokenProvider(),
                    Set.of(new Clients(properties.getAudience())), defaults.getHttpServer());
            this.server = new MockOAuth2Server(config);
            server.start(InetAddress.getLoopbackAddress(), properties.getDevelopmentIssuer().getPort());
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start the development OAuth2 issuer", e);
        }
        log.warn("Development OAuth2 issuer at {}: it mints tokens for any tenant and role, for local "
                + "development only; configure aftersales.security.issuers for real identity providers", issuerUri());
    }

    private static Map<String, List<String>> clients() {
        Map<String, List<String>> clients = new LinkedHashMap<>();
        clients.put("agent", List.of("AGENT"));
        clients.put("handler", List.of("HANDLER"));
        clients.put("senior-handler", List.of("HANDLER", "SENIOR"));
        clients.put("supervisor", List.of("SUPERVISOR"));
        clients.put("manager", List.of("MANAGER"));
        clients.put("auditor", List.of("AUDITOR"));
        clients.put("pii-auditor", List.of("AUDITOR", "PII_READER"));
        clients.put("tenant-admin", List.of("TENANT_ADMIN"));
        return clients;
    }

    /**
     * The claims of client {@code <tenant>-<suffix>}, for any tenant id: tenants registered after the
     * start get tokens too (the service refuses tenants it does not know). {@code platform-admin}
     * has no tenant; any other client gets no roles.
     */
    static Map<String, Object> claims(String clientId, String audience) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("client_id", clientId);
        claims.put("aud", List.of(audience));
        if ("platform-admin".equals(clientId)) {
            claims.put("roles", List.of("PLATFORM_ADMIN"));
            return claims;
        }
        // the longest suffix first: "senior-handler" before "handler"
        CLIENTS.keySet().stream().sorted(Comparator.comparingInt(String::length).reversed())
                .filter(suffix -> clientId.endsWith("-" + suffix))
                .filter(suffix -> Tenant.isValidId(clientId.substring(0, clientId.length() - suffix.length() - 1)))
                .findFirst()
                .ifPresent(suffix -> {
                    claims.put("tenant", clientId.substring(0, clientId.length() - suffix.length() - 1));
                    claims.put("roles", CLIENTS.get(suffix));
                });
        return claims;
    }

    private record Clients(String audience) implements OAuth2TokenCallback {

        @Override
        public String issuerId() {
            return ISSUER_ID;
        }

        @Override
        public String subject(TokenRequest request) {
            return clientId(request);
        }

        @Override
        public String typeHeader(TokenRequest request) {
            return "JWT";
        }

        @Override
        public List<String> audience(TokenRequest request) {
            return List.of(audience);
        }

        @Override
        public Map<String, Object> addClaims(TokenRequest request) {
            return claims(clientId(request), audience);
        }

        @Override
        public long tokenExpiry() {
            return 3600;
        }

        private static String clientId(TokenRequest request) {
            ClientID client = request.getClientAuthentication() != null
                    ? request.getClientAuthentication().getClientID() : request.getClientID();
            return client == null ? "anonymous" : client.getValue();
        }
    }

    public String issuerUri() {
        return server.issuerUrl(ISSUER_ID).toString();
    }

    public String jwkSetUri() {
        return server.jwksUrl(ISSUER_ID).toString();
    }

    public String tokenUri() {
        return server.tokenEndpointUrl(ISSUER_ID).toString();
    }

    @Override
    public void close() {
        server.shutdown();
    }
}
