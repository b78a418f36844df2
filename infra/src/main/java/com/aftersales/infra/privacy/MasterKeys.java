package com.aftersales.infra.privacy;

import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.crypto.SecretKey;

/**
 * The master keys from configuration, by version: the current one wraps every new data key, older
 * ones still unwrap keys until they are rewrapped (docs/privacy.md, "Keys").
 */
public final class MasterKeys {

    private final int current;
    private final Map<Integer, SecretKey> keys;

    public MasterKeys(int current, Map<Integer, byte[]> keys) {
        if (!keys.containsKey(current)) {
            throw new IllegalArgumentException("No master key of the current version " + current);
        }
        this.current = current;
        TreeMap<Integer, SecretKey> byVersion = new TreeMap<>();
        keys.forEach((version, bytes) -> byVersion.put(version, Aead.key(bytes)));
        this.keys = byVersion;
    }

    /** Parses a base64 key of 32 bytes, saying which setting is wrong when it is not one. */
    public static byte[] decode(String base64, String setting) {
        try {
            byte[] bytes = Base64.getDecoder().decode(base64.trim());
            if (bytes.length != Aead.KEY_BYTES) {
                throw new IllegalArgumentException(bytes.length + " bytes");
            }
            return bytes;
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(setting + " must be 32 random bytes in base64 (openssl rand -base64 32)", e);
        }
    }

    public int current() {
        return current;
    }

    Set<Integer> versions() {
        return keys.keySet();
    }

    /** A key wrapped under a master-key version. */
    record Wrapped(int version, String key) {
    }

    Wrapped wrap(SecretKey key, String associatedData) {
        byte[] sealed = Aead.seal(keys.get(current), key.getEncoded(), "wrap|" + associatedData);
        return new Wrapped(current, Base64.getEncoder().encodeToString(sealed));
    }

    /** Throws {@link IllegalStateException} naming the version when it is not configured or does not open the key. */
    SecretKey unwrap(Wrapped wrapped, String associatedData) {
        SecretKey master = keys.get(wrapped.version());
        if (master == null) {
            throw new IllegalStateException("A key is wrapped under master key version " + wrapped.version()
                    + ", which is not configured (aftersales.privacy.previous-master-keys)");
        }
        try {
            return Aead.key(Aead.open(master, Base64.getDecoder().decode(wrapped.key()), "wrap|" + associatedData));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("Master key version " + wrapped.version()
                    + " does not open a key stored under it: wrong aftersales.privacy.master-key", e);
        }
    }
}
