package com.aftersales.privacy;

import com.aftersales.infra.privacy.SubjectKeys;
import java.util.Objects;

/**
 * The {@link SubjectKeys} of the service (infra's {@code MongoSubjectKeys}, always configured with the
 * encryption of personal fields). There is no fallback: an erasure or disposal that found no keys to
 * destroy would report success while the stored events still open, so a context without the bean
 * fails at start-up instead.
 */
public final class SubjectKeyring {

    private final SubjectKeys keys;

    public SubjectKeyring(SubjectKeys keys) {
        this.keys = Objects.requireNonNull(keys, "SubjectKeys");
    }

    public SubjectKeys keys() {
        return keys;
    }

    /** For tests and tools: always these keys. */
    public static SubjectKeyring of(SubjectKeys keys) {
        return new SubjectKeyring(keys);
    }
}
