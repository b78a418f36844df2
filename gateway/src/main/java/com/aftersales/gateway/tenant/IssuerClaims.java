package com.aftersales.gateway.tenant;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import org.bson.Document;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Which tenant holds an issuer as its own identity provider, as one document per issuer
 * ({@code issuer_claims}, {@code _id} the issuer URI): the unique key makes two binds of one issuer
 * for two tenants, on any nodes at once, end with exactly one holder, where each node's directory
 * alone could not see the other node's bind in time. Claimed before the bind is sent, released on
 * unbind (or when the bind fails).
 */
@Component
public class IssuerClaims {

    private final MongoCollection<Document> claims;

    public IssuerClaims(MongoDatabase database) {
        this.claims = database.getCollection("issuer_claims");
    }

    /** True if {@code tenantId} holds {@code issuer} now: just claimed, or held already. */
    Mono<Boolean> claim(String issuer, String tenantId) {
        return Mono.from(claims.insertOne(new Document("_id", issuer).append("tenant", tenantId))).thenReturn(true)
                .onErrorResume(MongoWriteException.class, e -> e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY
                        ? holder(issuer).map(tenantId::equals).defaultIfEmpty(false) : Mono.error(e));
    }

    Mono<String> holder(String issuer) {
        return Mono.from(claims.find(Filters.eq("_id", issuer)).first()).map(claim -> claim.getString("tenant"));
    }

    /** Gives {@code issuer} up if {@code tenantId} holds it. */
    Mono<Void> release(String issuer, String tenantId) {
        return issuer == null ? Mono.empty()
                : Mono.from(claims.deleteOne(Filters.and(Filters.eq("_id", issuer), Filters.eq("tenant", tenantId)))).then();
    }
}
