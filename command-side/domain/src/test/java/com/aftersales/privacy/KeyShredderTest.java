package com.aftersales.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftersales.infra.privacy.SubjectKeys.SubjectIdentity;
import com.aftersales.privacy.PrivacyEvents.DataSubjectErased;
import com.aftersales.privacy.PrivacyEvents.TicketPersonalDataDisposed;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The stored erasure or disposal shreds its keys even when the node stopped before its after-commit shred. */
class KeyShredderTest {

    final InMemorySubjectKeys keys = new InMemorySubjectKeys();
    final KeyShredder shredder = new KeyShredder(SubjectKeyring.of(keys));

    @Test
    void an_erasure_event_shreds_exactly_its_tickets_and_a_disposal_its_ticket_idempotently() {
        String subject = keys.link("acme", "t-1", new SubjectIdentity("C-1", null, null));
        keys.link("acme", "t-late", new SubjectIdentity("C-1", null, null));
        keys.link("acme", "t-2", new SubjectIdentity("C-2", null, null));

        DataSubjectErased erased = new DataSubjectErased(subject, "acme", "asked", List.of("t-1"), "wang", Instant.EPOCH);
        shredder.on(erased);
        shredder.on(erased);
        shredder.on(new TicketPersonalDataDisposed("t-2", Instant.EPOCH, "retention", Instant.EPOCH), "acme");

        assertThat(keys.isShredded("acme", "t-1")).isTrue();
        assertThat(keys.isShredded("acme", "t-late")).isFalse();
        assertThat(keys.isShredded("acme", "t-2")).isTrue();
    }
}
