package com.aftersales.infra.privacy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code aftersales.privacy.*}: the master key that wraps every data key (docs/privacy.md, "Keys").
 * Required with a configured MongoDB URI; the embedded default generates a development key.
 */
@ConfigurationProperties("aftersales.privacy")
public class PrivacyProperties {

    /** 32 random bytes, base64 ({@code openssl rand -base64 32}); from a secret store, never committed. */
    private String masterKey;
    /** The version of {@link #masterKey}; raise it when rotating. */
    private int masterKeyVersion = 1;
    /** Earlier master keys by version, until their keys are rewrapped. */
    private Map<Integer, String> previousMasterKeys = new LinkedHashMap<>();
    /** Rewrap keys of earlier versions with the current master key at start-up. */
    private boolean rewrapOnStart = true;
    /** Unwrapped ticket keys this node keeps in memory. */
    private int keyCacheSize = 10_000;
    /** How soon a key shredded on another node stops opening data on this one. */
    private Duration shredPropagation = Duration.ofSeconds(2);
    /** Where the embedded default keeps its generated development key (default: next to the embedded data). */
    private Path developmentKeyFile;

    public String getMasterKey() {
        return masterKey;
    }

    public void setMasterKey(String masterKey) {
        this.masterKey = masterKey;
    }

    public int getMasterKeyVersion() {
        return masterKeyVersion;
    }

    public void setMasterKeyVersion(int masterKeyVersion) {
        this.masterKeyVersion = masterKeyVersion;
    }

    public Map<Integer, String> getPreviousMasterKeys() {
        return previousMasterKeys;
    }

    public void setPreviousMasterKeys(Map<Integer, String> previousMasterKeys) {
        this.previousMasterKeys = previousMasterKeys;
    }

    public boolean isRewrapOnStart() {
        return rewrapOnStart;
    }

    public void setRewrapOnStart(boolean rewrapOnStart) {
        this.rewrapOnStart = rewrapOnStart;
    }

    public int getKeyCacheSize() {
        return keyCacheSize;
    }

    public void setKeyCacheSize(int keyCacheSize) {
        this.keyCacheSize = keyCacheSize;
    }

    public Duration getShredPropagation() {
        return shredPropagation;
    }

    public void setShredPropagation(Duration shredPropagation) {
        this.shredPropagation = shredPropagation;
    }

    public Path getDevelopmentKeyFile() {
        return developmentKeyFile;
    }

    public void setDevelopmentKeyFile(Path developmentKeyFile) {
        this.developmentKeyFile = developmentKeyFile;
    }
}
