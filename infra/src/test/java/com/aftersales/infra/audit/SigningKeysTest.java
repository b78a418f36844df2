package com.aftersales.infra.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aftersales.infra.mongo.MongoStorageAutoConfiguration.MongoConnection;
import com.aftersales.infra.mongo.MongoStorageProperties;
import com.mongodb.ConnectionString;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Key rotation keeps old checkpoints verifiable; no key, no start on a configured MongoDB; bad intervals fail start-up. */
class SigningKeysTest {

    @Test
    void after_a_rotation_new_checkpoints_use_the_new_kid_and_old_ones_still_verify() {
        ECKey old = SigningKeys.generate();
        SigningKeys before = SigningKeys.of(new JWKSet(old));
        Checkpoint signedBefore = CheckpointSeal.sign(before, "acme", 0, null, 0, 0,
                List.of(new Checkpoint.Leaf(0, "0".repeat(64))), Instant.parse("2024-05-20T01:30:00Z"));

        ECKey fresh = SigningKeys.generate();
        SigningKeys after = SigningKeys.of(new JWKSet(List.of(fresh, old.toPublicJWK()))); // new key first, old public only
        assertThat(after.signingKeyId()).isNotEqualTo(before.signingKeyId());
        assertThat(after.published().getKeys()).hasSize(2);
        assertThat(CheckpointSeal.check(signedBefore, after.published()).valid()).isTrue();
        Checkpoint signedAfter = CheckpointSeal.sign(after, "acme", 1, signedBefore.digest(), 1, 1,
                List.of(new Checkpoint.Leaf(1, "1".repeat(64))), Instant.parse("2024-05-20T01:40:00Z"));
        assertThat(signedAfter.kid()).isEqualTo(after.signingKeyId());
        assertThat(CheckpointSeal.check(signedAfter, after.published()).valid()).isTrue();
        // dropping the old public key makes the old checkpoints unverifiable: docs/audit.md says never to
        assertThat(CheckpointSeal.check(signedBefore, SigningKeys.of(new JWKSet(fresh)).published()).problem())
                .startsWith("no published key");
    }

    @Test
    void a_configured_mongodb_without_a_key_file_refuses_to_start() {
        MongoConnection configured = new MongoConnection(new ConnectionString("mongodb://db.example:27017/aftersales"),
                "aftersales", false);
        assertThatThrownBy(() -> new AuditAutoConfiguration().auditSigningKeys(new AuditProperties(), configured,
                new MongoStorageProperties()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("aftersales.audit.signing.jwk-set-file is required with a configured MongoDB");
    }

    @Test
    void a_zero_poll_interval_or_too_many_events_per_checkpoint_fail_naming_the_property() {
        AuditProperties.Checkpoints checkpoints = new AuditProperties().getCheckpoints();
        assertThatThrownBy(() -> checkpoints.setPollInterval(Duration.ZERO))
                .hasMessage("aftersales.audit.checkpoints.poll-interval must be positive, not PT0S");
        assertThatThrownBy(() -> checkpoints.setEveryEvents(50_001))
                .hasMessageStartingWith("aftersales.audit.checkpoints.every-events must be 1 to 50,000");
    }
}
