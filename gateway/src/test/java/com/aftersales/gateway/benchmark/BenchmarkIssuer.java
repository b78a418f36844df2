package com.aftersales.gateway.benchmark;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * A token issuer of the harness's own: an RSA key, its JWKS served from a JDK HttpServer on
 * loopback (as {@code TokenRulesApiTest} does), and RS256 access tokens signed here. The service
 * trusts it through {@code aftersales.security.issuers}; the development issuer stays off.
 */
final class BenchmarkIssuer implements AutoCloseable {

    static final String AUDIENCE = "aftersales-api";

    private final RSAKey key;
    private final HttpServer jwks;
    private final String base;

    BenchmarkIssuer() {
        try {
            this.key = new RSAKeyGenerator(2048).keyID("bench-1").generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        byte[] body = new JWKSet(key.toPublicJWK()).toString().getBytes(UTF_8);
        try {
            this.jwks = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        jwks.createContext("/jwks", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (var out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        jwks.start();
        this.base = "http://127.0.0.1:" + jwks.getAddress().getPort();
    }

    String issuerUri() {
        return base + "/bench";
    }

    String jwkSetUri() {
        return base + "/jwks";
    }

    /** An RFC 9068 access token of a user of {@code tenant}, valid for {@code validity}. */
    String token(String tenant, String subject, List<String> roles, Duration validity) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuerUri()).subject(subject).audience(AUDIENCE)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(validity)))
                .claim("tenant", tenant).claim("roles", roles).build();
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(new JOSEObjectType("at+jwt")).build();
        try {
            SignedJWT jwt = new SignedJWT(header, claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        jwks.stop(0);
    }
}
