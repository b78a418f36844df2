package com.aftersales.infra.audit;

import com.aftersales.infra.eventstore.EventHashes;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import java.text.ParseException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Signs checkpoints (JWS compact, ES256, {@code typ: aftersales-checkpoint+jws}, {@code kid}) and
 * checks them against published keys. The payload is a JSON object: {@code tenant, sequence,
 * previous, fromIndex, toIndex, size, root, createdAt}.
 */
public final class CheckpointSeal {

    public static final JOSEObjectType TYPE = new JOSEObjectType("aftersales-checkpoint+jws");

    /** What checking a checkpoint found. */
    public record Check(boolean signatureValid, boolean rootValid, String problem) {
        public boolean valid() {
            return signatureValid && rootValid;
        }
    }

    private CheckpointSeal() {
    }

    public static Checkpoint sign(SigningKeys keys, String tenant, long sequence, String previous, long fromIndex,
                                  long toIndex, List<Checkpoint.Leaf> leaves, Instant createdAt) {
        String root = MerkleTree.root(leaves.stream().map(l -> MerkleTree.leaf(l.globalIndex(), l.hash())).toList());
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("tenant", tenant);
        claims.put("sequence", sequence);
        claims.put("previous", previous);
        claims.put("fromIndex", fromIndex);
        claims.put("toIndex", toIndex);
        claims.put("size", (long) leaves.size());
        claims.put("root", root);
        claims.put("createdAt", createdAt.toString());
        ECKey key = keys.signer();
        return new Checkpoint(tenant, sequence, previous, fromIndex, toIndex, List.copyOf(leaves), root, createdAt,
                key.getKeyID(), signed(keys, TYPE, claims));
    }

    /** A compact JWS (ES256, the signing key's {@code kid}) of {@code claims} with header {@code typ}. */
    static String signed(SigningKeys keys, JOSEObjectType type, Map<String, Object> claims) {
        ECKey key = keys.signer();
        JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.ES256).type(type).keyID(key.getKeyID()).build(),
                new Payload(claims));
        try {
            jws.sign(new ECDSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign " + type, e);
        }
        return jws.serialize();
    }

    /**
     * The claims of a compact JWS if it is ES256 with header {@code typ} and signed by the published
     * key its {@code kid} names; else null.
     */
    static Map<String, Object> verified(String compact, JOSEObjectType type, JWKSet keys) {
        try {
            JWSObject jws = JWSObject.parse(compact);
            String kid = jws.getHeader().getKeyID();
            JWK key = kid == null ? null : keys.getKeyByKeyId(kid);
            boolean valid = JWSAlgorithm.ES256.equals(jws.getHeader().getAlgorithm()) && type.equals(jws.getHeader().getType())
                    && key instanceof ECKey ec && jws.verify(new ECDSAVerifier(ec.toECPublicKey()));
            return valid ? jws.getPayload().toJSONObject() : null;
        } catch (ParseException | JOSEException | RuntimeException e) {
            return null;
        }
    }

    /** Checks the signature with the key its {@code kid} names, that the signed fields are the checkpoint's, and the root over its leaves. */
    public static Check check(Checkpoint checkpoint, JWKSet keys) {
        JWSObject jws;
        try {
            jws = JWSObject.parse(checkpoint.jws());
        } catch (ParseException e) {
            return new Check(false, false, "not a JWS");
        }
        String kid = jws.getHeader().getKeyID();
        Map<String, Object> claims = verified(checkpoint.jws(), TYPE, keys);
        if (claims == null) {
            return new Check(false, false, kid == null || keys.getKeyByKeyId(kid) == null ? "no published key " + kid
                    : "signature invalid");
        }
        boolean fields = checkpoint.tenant().equals(claims.get("tenant"))
                && number(claims.get("sequence")) == checkpoint.sequence()
                && Objects.equals(checkpoint.previous(), claims.get("previous"))
                && number(claims.get("fromIndex")) == checkpoint.fromIndex()
                && number(claims.get("toIndex")) == checkpoint.toIndex()
                && number(claims.get("size")) == checkpoint.leaves().size()
                && checkpoint.root().equals(claims.get("root"));
        if (!fields) {
            return new Check(true, false, "stored fields differ from the signed ones");
        }
        if (!checkpoint.leaves().stream().allMatch(leaf -> EventHashes.isSha256Hex(leaf.hash()))) {
            return new Check(true, false, "a leaf is not a SHA-256 hash");
        }
        boolean root = MerkleTree.root(checkpoint.leafHashes()).equals(checkpoint.root());
        return new Check(true, root, root ? null : "the leaves do not hash to the signed root");
    }

    /** The {@code previous} a checkpoint's JWS names (not verified), or null if it names none or is no JWS. */
    public static String previousOf(String compact) {
        try {
            Object previous = JWSObject.parse(compact).getPayload().toJSONObject().get("previous");
            return previous instanceof String text ? text : null;
        } catch (ParseException | RuntimeException e) {
            return null;
        }
    }

    private static long number(Object value) {
        return value instanceof Number number ? number.longValue() : Long.MIN_VALUE;
    }
}
