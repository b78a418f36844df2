package com.aftersales.gateway;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.MACSigner;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The token rules, against an issuer of our own whose tokens we sign here (RS256, JWKS served on
 * loopback), so every header and claim is under the test's control: {@code exp} is required,
 * {@code typ} is {@code at+jwt}, {@code JWT} or absent, and the clock skew is 30 s.
 */
@DirtiesContext // its own context: close it rather than keep its processors busy during other tests
class TokenRulesApiTest extends ApiTestSupport {

    private static final RSAKey KEY = rsaKey();
    private static final HttpServer JWKS = jwks(new JWKSet(KEY.toPublicJWK()).toString().getBytes(UTF_8));
    private static final String BASE = "http://127.0.0.1:" + JWKS.getAddress().getPort();
    private static final String ISSUER = BASE + "/own";

    @DynamicPropertySource
    static void ownIssuer(DynamicPropertyRegistry registry) {
        registry.add("aftersales.security.issuers[2].issuer-uri", () -> ISSUER);
        registry.add("aftersales.security.issuers[2].jwk-set-uri", () -> BASE + "/jwks");
    }

    /** This class may be the first to warm the service up, on a busy machine. */
    @BeforeEach
    void patience() {
        http = http.mutate().responseTimeout(Duration.ofSeconds(30)).build();
    }

    @AfterAll
    static void stopJwks() {
        JWKS.stop(0);
    }

    private static RSAKey rsaKey() {
        try {
            return new RSAKeyGenerator(2048).keyID("own-1").generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpServer jwks(byte[] body) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/jwks", exchange -> {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (var out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An ACME agent's claims, issued two minutes ago, valid for five more minutes. */
    private static JWTClaimsSet.Builder claims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(ISSUER).subject("li-agent").audience(AUDIENCE)
                .issueTime(Date.from(now.minusSeconds(120))).expirationTime(Date.from(now.plusSeconds(300)))
                .claim("tenant", "acme").claim("roles", List.of("AGENT"));
    }

    private static String sign(JWSAlgorithm algorithm, JOSEObjectType type, JWTClaimsSet claims, JWSSigner signer) {
        JWSHeader.Builder header = new JWSHeader.Builder(algorithm).keyID(KEY.getKeyID());
        if (type != null) {
            header.type(type);
        }
        try {
            SignedJWT jwt = new SignedJWT(header.build(), claims);
            jwt.sign(signer);
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String rs256(JOSEObjectType type, JWTClaimsSet claims) {
        try {
            return sign(JWSAlgorithm.RS256, type, claims, new RSASSASigner(KEY));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hs256(byte[] secret) {
        try {
            return sign(JWSAlgorithm.HS256, JOSEObjectType.JWT, claims().build(), new MACSigner(secret));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void expectAccepted(String token) {
        http.get().uri("/api/v1/tickets").headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk();
    }

    private void expectUnauthenticated(String token) {
        http.get().uri("/api/v1/tickets").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.code").isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void an_rfc_9068_access_token_is_accepted() {
        expectAccepted(rs256(new JOSEObjectType("at+jwt"), claims().build()));
        expectAccepted(rs256(new JOSEObjectType("application/at+jwt"), claims().build()));
    }

    @Test
    void a_token_typed_jwt_or_untyped_is_accepted() {
        expectAccepted(rs256(JOSEObjectType.JWT, claims().build()));
        expectAccepted(rs256(null, claims().build()));
    }

    @Test
    void a_token_of_another_type_is_401() {
        expectUnauthenticated(rs256(new JOSEObjectType("dpop+jwt"), claims().build()));
        expectUnauthenticated(rs256(new JOSEObjectType("secevent+jwt"), claims().build()));
        expectUnauthenticated(rs256(JOSEObjectType.JOSE, claims().build()));
    }

    @Test
    void a_token_without_expiry_is_401() {
        expectUnauthenticated(rs256(JOSEObjectType.JWT, claims().expirationTime(null).build()));
        expectUnauthenticated(rs256(new JOSEObjectType("at+jwt"), claims().expirationTime(null).build()));
    }

    @Test
    void expiry_is_forgiven_within_the_clock_skew_only() {
        Instant now = Instant.now();
        expectAccepted(rs256(null, claims().expirationTime(Date.from(now.minusSeconds(15))).build()));
        expectUnauthenticated(rs256(null, claims().expirationTime(Date.from(now.minusSeconds(45))).build()));
    }

    @Test
    void a_token_not_valid_yet_is_401_beyond_the_clock_skew() {
        Instant now = Instant.now();
        expectAccepted(rs256(null, claims().notBeforeTime(Date.from(now.plusSeconds(15))).build()));
        expectUnauthenticated(rs256(null, claims().notBeforeTime(Date.from(now.plusSeconds(45))).build()));
        expectUnauthenticated(rs256(null, claims().notBeforeTime(Date.from(now.plusSeconds(3600))).build()));
    }

    @Test
    void a_token_hmac_signed_with_the_issuers_public_key_is_401() throws Exception {
        expectUnauthenticated(hs256(KEY.toRSAPublicKey().getEncoded()));
        expectUnauthenticated(hs256(KEY.toPublicJWK().toJSONString().getBytes(UTF_8)));
        expectUnauthenticated(hs256(new JWKSet(KEY.toPublicJWK()).toString().getBytes(UTF_8)));
    }

    @Test
    void a_token_hmac_signed_with_a_guessed_secret_is_401() {
        expectUnauthenticated(hs256("aftersales-api-aftersales-api-secret!".getBytes(UTF_8)));
    }
}
