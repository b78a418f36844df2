package com.aftersales.infra.privacy;

import com.aftersales.infra.mongo.MongoStorageAutoConfiguration;
import com.aftersales.infra.mongo.MongoStorageAutoConfiguration.MongoConnection;
import com.aftersales.infra.mongo.MongoStorageProperties;
import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Personal data encrypted per ticket under keys kept per data subject (issue 13, docs/privacy.md):
 * the master keys, the key store and the Jackson module that encrypts {@link PersonalField}s when
 * the event store writes them.
 */
@AutoConfiguration(after = MongoStorageAutoConfiguration.class)
@EnableConfigurationProperties(PrivacyProperties.class)
public class PrivacyAutoConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(PrivacyAutoConfiguration.class);

    @Bean
    MasterKeys masterKeys(PrivacyProperties properties, MongoConnection connection, MongoStorageProperties storage) {
        Map<Integer, byte[]> keys = new LinkedHashMap<>();
        properties.getPreviousMasterKeys().forEach((version, key) ->
                keys.put(version, MasterKeys.decode(key, "aftersales.privacy.previous-master-keys." + version)));
        if (properties.getMasterKey() != null && !properties.getMasterKey().isBlank()) {
            keys.put(properties.getMasterKeyVersion(),
                    MasterKeys.decode(properties.getMasterKey(), "aftersales.privacy.master-key"));
        } else if (connection.embedded()) {
            keys.put(properties.getMasterKeyVersion(), DevelopmentMasterKey.load(properties, storage));
        } else {
            throw new IllegalStateException("aftersales.privacy.master-key is required with a configured MongoDB URI "
                    + "(aftersales.mongo.uri): it wraps every key that opens personal data (docs/privacy.md)");
        }
        return new MasterKeys(properties.getMasterKeyVersion(), keys);
    }

    @Bean
    MongoSubjectKeys subjectKeys(MongoDatabase database, MasterKeys masterKeys, PrivacyProperties properties) {
        MongoSubjectKeys keys = new MongoSubjectKeys(database, masterKeys, properties.getKeyCacheSize(),
                properties.getShredPropagation(), Clock.systemUTC());
        if (properties.isRewrapOnStart() && masterKeys.versions().size() > 1) {
            LOG.info("Rewrapped {} keys with master key version {}", keys.rewrap(), masterKeys.current());
        }
        return keys;
    }

    @Bean
    FieldCipher fieldCipher(MongoSubjectKeys keys) {
        return new FieldCipher(keys);
    }

    /** Spring Boot registers every Module bean on the ObjectMapper that Axon's serializers share. */
    @Bean
    PersonalDataModule personalDataModule(FieldCipher cipher) {
        return new PersonalDataModule(cipher);
    }
}
