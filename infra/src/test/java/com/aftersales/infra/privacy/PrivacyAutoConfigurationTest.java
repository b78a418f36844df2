package com.aftersales.infra.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftersales.infra.mongo.EmbeddedMongo;
import com.aftersales.infra.mongo.MongoStorageAutoConfiguration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The master key: required with a configured MongoDB, generated and kept for the embedded file, checked at start. */
class PrivacyAutoConfigurationTest {

    @TempDir
    Path dataDir;

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MongoStorageAutoConfiguration.class, PrivacyAutoConfiguration.class));

    @Test
    void a_configured_mongodb_without_a_master_key_fails_the_start() {
        try (EmbeddedMongo external = EmbeddedMongo.inMemory(0)) {
            context.withPropertyValues("aftersales.mongo.uri=" + external.connectionString())
                    .run(started -> assertThat(started).hasFailed().getFailure().rootCause()
                            .hasMessageContaining("aftersales.privacy.master-key is required"));
            String key = Base64.getEncoder().encodeToString(new byte[32]);
            context.withPropertyValues("aftersales.mongo.uri=" + external.connectionString(),
                            "aftersales.privacy.master-key=" + key)
                    .run(started -> assertThat(started).hasSingleBean(PersonalDataModule.class));
            context.withPropertyValues("aftersales.mongo.uri=" + external.connectionString(),
                            "aftersales.privacy.master-key=" + Base64.getEncoder().encodeToString(new byte[31]))
                    .run(started -> assertThat(started).hasFailed().getFailure()
                            .hasStackTraceContaining("aftersales.privacy.master-key must be 32 random bytes in base64"));
            byte[] other = new byte[32];
            other[0] = 1;
            context.withPropertyValues("aftersales.mongo.uri=" + external.connectionString(),
                            "aftersales.privacy.master-key=" + Base64.getEncoder().encodeToString(other))
                    .run(started -> assertThat(started).hasFailed().getFailure()
                            .hasStackTraceContaining("Master key version 1 does not open a key stored under it: "
                                    + "wrong aftersales.privacy.master-key"));
        }
    }

    @Test
    void the_embedded_file_gets_a_development_key_kept_next_to_it_across_restarts() throws Exception {
        context.withPropertyValues("aftersales.mongo.embedded.data-dir=" + dataDir)
                .run(started -> assertThat(started).hasNotFailed());
        Path key = dataDir.resolve(DevelopmentMasterKey.FILE_NAME);
        assertThat(key).exists();
        String first = Files.readString(key);
        context.withPropertyValues("aftersales.mongo.embedded.data-dir=" + dataDir)
                .run(restarted -> assertThat(restarted).hasNotFailed()); // the stored check opens with the kept key
        assertThat(Files.readString(key)).isEqualTo(first);
    }
}
