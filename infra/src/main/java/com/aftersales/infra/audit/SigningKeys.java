package com.aftersales.infra.audit;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The checkpoint signing key (EC P-256, ES256) and the public keys verifiers need. Keys come from
 * a JWK Set file; the first private key signs. Each key has a {@code kid} (its RFC 7638 thumbprint
 * unless the file names one).
 */
public final class SigningKeys {

    private final ECKey signer;
    private final JWKSet published;

    private SigningKeys(ECKey signer, JWKSet published) {
        this.signer = signer;
        this.published = published;
    }

    public static SigningKeys of(JWKSet keys) {
        List<JWK> withIds = new ArrayList<>();
        ECKey signer = null;
        for (JWK key : keys.getKeys()) {
            if (!(key instanceof ECKey ec) || !Curve.P_256.equals(ec.getCurve())) {
                throw new IllegalStateException("Audit signing keys must be EC P-256 (ES256) keys");
            }
            ECKey named = ec.getKeyID() != null ? ec : withThumbprint(ec);
            withIds.add(named);
            if (signer == null && named.isPrivate()) {
                signer = named;
            }
        }
        if (signer == null) {
            throw new IllegalStateException("The audit JWK Set holds no private key to sign with");
        }
        return new SigningKeys(signer, new JWKSet(withIds).toPublicJWKSet());
    }

    private static ECKey withThumbprint(ECKey key) {
        try {
            return new ECKey.Builder(key).keyID(key.computeThumbprint().toString()).build();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Keys from a JWK Set file. */
    public static SigningKeys load(Path file) {
        try {
            return of(JWKSet.load(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the audit JWK Set " + file, e);
        } catch (ParseException e) {
            throw new IllegalStateException("Not a JWK Set: " + file, e);
        }
    }

    /** The development key in {@code file}, generated there (readable by the owner only) the first time. */
    public static SigningKeys development(Path file) {
        if (Files.exists(file)) {
            return load(file);
        }
        JWKSet keys = new JWKSet(generate());
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try {
                // owner-only from its creation: never a moment in which others may read the private key
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(file);
            }
            Files.writeString(file, keys.toString(false), StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store the development audit key " + file, e);
        }
        return of(keys);
    }

    /** A key that lives as long as the process (the in-memory embedded server keeps nothing either). */
    public static SigningKeys ephemeral() {
        return of(new JWKSet(generate()));
    }

    static ECKey generate() {
        try {
            ECKey key = new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE).generate();
            return withThumbprint(key);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    ECKey signer() {
        return signer;
    }

    public String signingKeyId() {
        return signer.getKeyID();
    }

    /** The public keys, as published at the JWKS endpoint. */
    public JWKSet published() {
        return published;
    }

    public Optional<ECKey> publicKey(String kid) {
        return Optional.ofNullable(published.getKeyByKeyId(kid)).map(ECKey.class::cast);
    }
}
