package com.aftersales.infra.audit;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code aftersales.audit.*}: signed checkpoints of the event hashes (docs/audit.md). A tenant's
 * own interval ({@code aftersales.tenants.<id>.checkpoints.*}) overrides the platform's.
 */
@ConfigurationProperties("aftersales.audit")
public class AuditProperties {

    private final Checkpoints checkpoints = new Checkpoints();
    private final Signing signing = new Signing();

    public Checkpoints getCheckpoints() {
        return checkpoints;
    }

    public Signing getSigning() {
        return signing;
    }

    /** Checked when bound, so that a wrong value fails start-up naming the property. */
    static Duration positive(String property, Duration value) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException("aftersales.audit.checkpoints." + property + " must be positive, not " + value);
        }
        return value;
    }

    public static class Checkpoints {

        /** Whether this node writes checkpoints (any number of nodes may: they never fork). */
        private boolean enabled = true;

        /** A tenant's checkpoint is due once this many of its events are not covered by one ... */
        private int everyEvents = 1000;

        /** ... or once its last checkpoint is this old and events are waiting. */
        private Duration every = Duration.ofMinutes(10);

        /** How often the writer reads the new events. */
        private Duration pollInterval = Duration.ofSeconds(10);

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public int getEveryEvents() {
            return everyEvents;
        }

        public void setEveryEvents(int everyEvents) {
            if (everyEvents < 1 || everyEvents > 50_000) {
                throw new IllegalArgumentException("aftersales.audit.checkpoints.every-events must be 1 to 50,000 "
                        + "(a checkpoint document holds its leaves), not " + everyEvents);
            }
            this.everyEvents = everyEvents;
        }

        public Duration getEvery() {
            return every;
        }

        public void setEvery(Duration every) {
            this.every = positive("every", every);
        }

        public Duration getPollInterval() {
            return pollInterval;
        }

        public void setPollInterval(Duration pollInterval) {
            this.pollInterval = positive("poll-interval", pollInterval);
        }
    }

    public static class Signing {

        /**
         * A JWK Set file (JSON): the first key with a private part (EC P-256) signs, every key is
         * published at the JWKS endpoint, so keys kept after a rotation still verify old checkpoints.
         * Empty: on the embedded server a development key is generated next to the data file;
         * with a configured MongoDB the service refuses to start.
         */
        private Path jwkSetFile;

        public Path getJwkSetFile() {
            return jwkSetFile;
        }

        public void setJwkSetFile(Path jwkSetFile) {
            this.jwkSetFile = jwkSetFile;
        }
    }
}
