package com.aftersales.privacy;

import com.aftersales.infra.privacy.SubjectKeys;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The {@link SubjectKeys} of the service, when one is configured (the encryption of personal
 * fields provides it). Without it nothing is encrypted, so no subject can be found and there is no
 * key to destroy: lookups find nothing and shredding has nothing to do.
 */
public final class SubjectKeyring {

    static final SubjectKeys NONE = new SubjectKeys() {
        @Override
        public String subjectOf(String tenantId, SubjectIdentity identity) {
            throw new IllegalStateException("No SubjectKeys configured");
        }

        @Override
        public Set<String> find(String tenantId, SubjectIdentity probe) {
            return Set.of();
        }

        @Override
        public List<String> ticketsOf(String tenantId, String subjectId) {
            return List.of();
        }

        @Override
        public Optional<String> subjectOfTicket(String tenantId, String ticketId) {
            return Optional.empty();
        }

        @Override
        public void shredTicket(String tenantId, String ticketId) {
        }

        @Override
        public void shredSubject(String tenantId, String subjectId) {
        }

        @Override
        public boolean isShredded(String tenantId, String ticketId) {
            return false;
        }
    };

    private final ObjectProvider<SubjectKeys> keys;

    public SubjectKeyring(ObjectProvider<SubjectKeys> keys) {
        this.keys = keys;
    }

    /** The configured keys (a @Primary one first), resolved on each use. */
    public SubjectKeys keys() {
        return keys.getIfAvailable(() -> NONE);
    }

    /** For tests and tools: always these keys. */
    public static SubjectKeyring of(SubjectKeys keys) {
        return new SubjectKeyring(new ObjectProvider<>() {
            @Override
            public SubjectKeys getObject(Object... args) {
                return keys;
            }

            @Override
            public SubjectKeys getIfAvailable() {
                return keys;
            }

            @Override
            public SubjectKeys getIfUnique() {
                return keys;
            }

            @Override
            public SubjectKeys getObject() {
                return keys;
            }
        });
    }
}
