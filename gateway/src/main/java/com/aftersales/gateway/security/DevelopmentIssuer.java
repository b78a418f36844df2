package com.aftersales.gateway.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OAuth2 issuer of the embedded default (mock-oauth2-server on loopback). It issues
 * client-credentials tokens to one client per role and tenant, named {@code <tenant>-<role>},
 * e.g. {@code acme-agent}; any client secret is accepted. Started only when opted in
 * ({@code aftersales.security.development-issuer.enabled}) on the embedded MongoDB.
 */
public final class DevelopmentIssuer implements AutoCloseable {

    static final String ISSUER_ID = "aftersales";
    private static final Logger log = LoggerFactory.getLogger(DevelopmentIssuer.class);

    /** Client name suffix → roles. */
    static final Map<String, List<String>> CLIENTS = clients();

    private final MockOAuth2Server server;

    public DevelopmentIssuer(SecurityProperties properties, List<String> tenantIds) {
        try {
            String config = new ObjectMapper().writeValueAsString(config(properties.getAudience(), tenantIds));
            this.server = new MockOAuth2Server(OAuth2Config.Companion.fromJson(config));
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

    private static Map<String, Object> config(String audience, List<String> tenantIds) {
        List<Map<String, Object>> mappings = new ArrayList<>();
        for (String tenant : tenantIds) {
            CLIENTS.forEach((suffix, roles) -> mappings.add(mapping(tenant + "-" + suffix,
                    Map.of("tenant", tenant, "roles", roles, "aud", List.of(audience)))));
        }
        mappings.add(mapping("platform-admin", Map.of("roles", List.of("PLATFORM_ADMIN"), "aud", List.of(audience))));
        Map<String, Object> callback = Map.of("issuerId", ISSUER_ID, "tokenExpiry", 3600, "requestMappings", mappings);
        return Map.of("interactiveLogin", false, "tokenCallbacks", List.of(callback));
    }

    private static Map<String, Object> mapping(String clientId, Map<String, Object> claims) {
        Map<String, Object> withSubject = new LinkedHashMap<>(claims);
        withSubject.put("sub", clientId);
        withSubject.put("client_id", clientId);
        return Map.of("requestParam", "client_id", "match", clientId, "claims", withSubject);
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
