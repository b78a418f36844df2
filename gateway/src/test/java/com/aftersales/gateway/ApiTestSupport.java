package com.aftersales.gateway;

import com.nimbusds.jwt.SignedJWT;
import com.aftersales.ticket.search.TicketSearchProjection;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.autoconfigure.web.reactive.AutoConfigureWebTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The real service on a random port with the in-memory embedded MongoDB, trusting two real
 * issuers (mock-oauth2-server, RSA-signed tokens served over JWKS): a shared one (acme's and
 * nimbus's), and one bound to tenant {@code tyrell}, whose tokens the shared one cannot issue. A
 * third issuer is running but not trusted.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability
@AutoConfigureWebTestClient(timeout = "30s") // a loaded 2-core CI machine is slow, never wrong
@Import({ApiTestSupport.FixedClock.class, ApiTestSupport.ViewHolds.class})
public abstract class ApiTestSupport {

    /** 2024-05-20 09:30 in Shanghai, the time of worked example 1. */
    public static final Instant NOW = Instant.parse("2024-05-20T01:30:00Z");
    static final String AUDIENCE = "aftersales-api";

    static final MockOAuth2Server ISSUERS = new MockOAuth2Server();
    static final MockOAuth2Server UNTRUSTED = new MockOAuth2Server();

    static {
        ISSUERS.start();
        UNTRUSTED.start();
    }

    @Autowired
    protected WebTestClient http;
    @Autowired
    private EventProcessingConfiguration processing;
    @Autowired
    private EventStore eventStore;

    /**
     * Waits until the search index holds every event stored so far: lists are answered from it and
     * lag the writes by a batch, so a test asserting on a list first lets it catch up.
     */
    protected void awaitSearchIndex() {
        awaitProcessor(TicketSearchProjection.PROCESSING_GROUP);
    }

    /** Waits until the processing group {@code group} has handled every event stored so far. */
    protected void awaitProcessor(String group) {
        TrackingToken head = eventStore.createHeadToken();
        StreamingEventProcessor search = processing
                .eventProcessor(group, StreamingEventProcessor.class).orElseThrow();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            var status = search.processingStatus().get(0);
            TrackingToken position = status == null ? null : status.getTrackingToken();
            if (head == null || head.position().orElse(-1) < 0 || (position != null && position.covers(head))) {
                return;
            }
            LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
        }
        throw new AssertionError(group + " did not catch up with " + head);
    }

    @DynamicPropertySource
    static void issuers(DynamicPropertyRegistry registry) {
        registry.add("aftersales.security.issuers[0].issuer-uri", () -> ISSUERS.issuerUrl("shared").toString());
        registry.add("aftersales.security.issuers[0].jwk-set-uri", () -> ISSUERS.jwksUrl("shared").toString());
        registry.add("aftersales.security.issuers[1].issuer-uri", () -> ISSUERS.issuerUrl("tyrell-idp").toString());
        registry.add("aftersales.security.issuers[1].jwk-set-uri", () -> ISSUERS.jwksUrl("tyrell-idp").toString());
        registry.add("aftersales.security.issuers[1].tenant", () -> "tyrell");
    }

    @TestConfiguration
    static class FixedClock {
        @Bean
        @Primary
        Clock clock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }

    /** Lets a test hold the view projection at an event (unused events are never held). */
    @TestConfiguration
    static class ViewHolds {
        @Bean
        HeldViews heldViews() {
            return new HeldViews();
        }
    }

    /** A token of the shared issuer for {@code tenant} with {@code roles}. */
    protected static String token(String tenant, String... roles) {
        return sign(ISSUERS, "shared", tenant + "-" + String.join("-", roles).toLowerCase(), AUDIENCE,
                claims(tenant, roles), 3600);
    }

    protected static Map<String, Object> claims(String tenant, String... roles) {
        Map<String, Object> claims = new HashMap<>();
        if (tenant != null) {
            claims.put("tenant", tenant);
        }
        claims.put("roles", List.of(roles));
        return claims;
    }

    protected static String sign(MockOAuth2Server server, String issuerId, String subject, String audience,
                                 Map<String, Object> claims, long expirySeconds) {
        SignedJWT jwt = server.issueToken(issuerId, subject, audience, claims, expirySeconds);
        return jwt.serialize();
    }

    /** The same claims as a valid token, but with {@code alg: none} and no signature. */
    protected static String unsigned(String tenant, String... roles) {
        String signed = token(tenant, roles);
        String payload = signed.split("\\.")[1];
        String header = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        return header + "." + payload + ".";
    }
}
