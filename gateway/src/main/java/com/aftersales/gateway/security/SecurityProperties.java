package com.aftersales.gateway.security;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code aftersales.security.*}: which token issuers are trusted and what a token must look like.
 * The development issuer runs only when opted in, on the embedded MongoDB (see README).
 */
@ConfigurationProperties("aftersales.security")
public class SecurityProperties {

    /** The audience ({@code aud}) every token must carry. */
    private String audience = "aftersales-api";

    /** Accepted signature algorithms; anything else (including {@code none}) is refused. */
    private List<String> algorithms = List.of("RS256", "RS384", "RS512", "ES256", "ES384", "PS256");

    /**
     * How far clocks may disagree: a token is still accepted this long after its {@code exp} and
     * already this long before its {@code nbf}.
     */
    private Duration clockSkew = Duration.ofSeconds(30);

    private List<Issuer> issuers = new ArrayList<>();

    private final DevelopmentIssuerSettings developmentIssuer = new DevelopmentIssuerSettings();

    public String getAudience() {
        return audience;
    }

    public void setAudience(String audience) {
        this.audience = audience;
    }

    public List<String> getAlgorithms() {
        return algorithms;
    }

    public void setAlgorithms(List<String> algorithms) {
        this.algorithms = algorithms;
    }

    public Duration getClockSkew() {
        return clockSkew;
    }

    public void setClockSkew(Duration clockSkew) {
        this.clockSkew = clockSkew;
    }

    public List<Issuer> getIssuers() {
        return issuers;
    }

    public void setIssuers(List<Issuer> issuers) {
        this.issuers = issuers;
    }

    public DevelopmentIssuerSettings getDevelopmentIssuer() {
        return developmentIssuer;
    }

    /**
     * A trusted issuer. A shared issuer (no {@code tenant}) must put the tenant in the token's
     * {@code tenant} claim; a tenant's own IdP is bound to that tenant and can issue for no other.
     */
    public static class Issuer {

        private String issuerUri;

        /** JWKS location; when empty it is discovered from the issuer's OpenID configuration. */
        private String jwkSetUri;

        /** Binds the issuer to one tenant. */
        private String tenant;

        public String getIssuerUri() {
            return issuerUri;
        }

        public void setIssuerUri(String issuerUri) {
            this.issuerUri = issuerUri;
        }

        public String getJwkSetUri() {
            return jwkSetUri;
        }

        public void setJwkSetUri(String jwkSetUri) {
            this.jwkSetUri = jwkSetUri;
        }

        public String getTenant() {
            return tenant;
        }

        public void setTenant(String tenant) {
            this.tenant = tenant;
        }
    }

    public static class DevelopmentIssuerSettings {

        /**
         * Runs the development issuer (mock-oauth2-server), which mints tokens for any tenant and
         * role. Refused with a configured MongoDB, and absent from the packaged jar.
         */
        private boolean enabled;

        /** Loopback port of the development issuer. */
        private int port = 8090;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public int getPort() {
            return port;
        }

        public void setPort(int port) {
            this.port = port;
        }
    }
}
