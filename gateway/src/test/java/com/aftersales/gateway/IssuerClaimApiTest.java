package com.aftersales.gateway;

import com.mongodb.reactivestreams.client.MongoDatabase;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import reactor.core.publisher.Mono;

/**
 * One issuer, one tenant, across nodes: a bind claims the issuer in the store (a unique key) before it
 * is sent, so a node whose directory does not show another node's bind yet still refuses it; an unbind
 * gives the issuer back.
 */
class IssuerClaimApiTest extends ApiTestSupport {

    static final String PLATFORM = token(null, "PLATFORM_ADMIN");

    @Autowired
    MongoDatabase database;

    private void register(String tenant) {
        http.post().uri("/api/v1/admin/tenants").headers(h -> h.setBearerAuth(PLATFORM))
                .bodyValue(Map.of("id", tenant, "nameEn", tenant)).exchange().expectStatus().isCreated();
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec bind(String tenant, String issuer,
                                                                                        String audience) {
        return http.put().uri("/api/v1/admin/tenants/" + tenant + "/identity-provider").headers(h -> h.setBearerAuth(PLATFORM))
                .bodyValue(Map.of("issuerUri", issuer, "audience", audience)).exchange();
    }

    @Test
    void an_issuer_claimed_on_another_node_is_refused_though_this_nodes_directory_does_not_show_it() {
        register("claim-b");
        String issuer = "https://login.claimed-elsewhere.example/";
        // another node bound it for another tenant a moment ago; this node's directory has not heard of it
        Mono.from(database.getCollection("issuer_claims").insertOne(new Document("_id", issuer).append("tenant", "claim-x")))
                .block();
        bind("claim-b", issuer, "aftersales-api").expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectBody().jsonPath("$.code").isEqualTo("ISSUER_ALREADY_TRUSTED");
        http.get().uri("/api/v1/admin/tenants/claim-b").headers(h -> h.setBearerAuth(PLATFORM)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.identityProvider").doesNotExist();
    }

    @Test
    void an_unbound_issuer_is_free_again_and_its_holder_may_bind_it_anew() {
        register("claim-c");
        register("claim-d");
        String issuer = "https://login.claim-c.example/";
        bind("claim-c", issuer, "aftersales-api").expectStatus().isOk();
        bind("claim-c", issuer, "another-audience").expectStatus().isOk(); // its own issuer, rebound
        bind("claim-d", issuer, "aftersales-api").expectStatus().isEqualTo(HttpStatus.CONFLICT);
        http.delete().uri("/api/v1/admin/tenants/claim-c/identity-provider").headers(h -> h.setBearerAuth(PLATFORM))
                .exchange().expectStatus().isOk();
        bind("claim-d", issuer, "aftersales-api").expectStatus().isOk();
    }

    @Test
    void a_bind_the_tenant_refuses_gives_the_claim_back() {
        register("claim-e");
        register("claim-f");
        String issuer = "https://login.claim-e.example/";
        bind("claim-e", issuer, " ").expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY)
                .expectBody().jsonPath("$.code").isEqualTo("IDENTITY_PROVIDER_INVALID");
        bind("claim-f", issuer, "aftersales-api").expectStatus().isOk();
    }
}
