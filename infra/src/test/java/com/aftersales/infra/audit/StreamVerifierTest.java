package com.aftersales.infra.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftersales.infra.eventstore.EventHashes;
import com.aftersales.infra.eventstore.StoredEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every event is hashed (legacy ones back-filled at start-up): an unhashed event had its hash removed. */
class StreamVerifierTest {

    private static final String SALT = "000102030405060708090a0b0c0d0e0f";

    private static StoredEvent event(long sequence, String previousHash, boolean hashed) {
        StoredEvent unhashed = new StoredEvent("acme", "Ticket", "t-1", sequence, 100 + sequence, "e-" + sequence,
                "2024-05-20T01:30:00Z", "com.aftersales.ticket.Something", "1", "{\"n\":" + sequence + "}",
                "{\"tenantId\":\"acme\"}", null, null, null);
        if (!hashed) {
            return unhashed;
        }
        StoredEvent linked = new StoredEvent("acme", "Ticket", "t-1", sequence, 100 + sequence, "e-" + sequence,
                unhashed.timestamp(), unhashed.payloadType(), "1", unhashed.payload(), unhashed.metaData(), SALT, null, previousHash);
        return new StoredEvent("acme", "Ticket", "t-1", sequence, 100 + sequence, "e-" + sequence, unhashed.timestamp(),
                unhashed.payloadType(), "1", unhashed.payload(), unhashed.metaData(), SALT, EventHashes.of(linked), previousHash);
    }

    private static List<StoredEvent> stream(int legacy, int hashed) {
        List<StoredEvent> events = new ArrayList<>();
        String previous = null;
        for (int i = 0; i < legacy + hashed; i++) {
            StoredEvent event = event(i, previous, i >= legacy);
            previous = event.hash();
            events.add(event);
        }
        return events;
    }

    private static VerificationReport verify(List<StoredEvent> events) {
        return StreamVerifier.verify("t-1", events, -1, -1, null, index -> Optional.empty(), sequence -> Optional.empty(),
                SigningKeys.ephemeral().published());
    }

    @Test
    void a_stream_with_every_hash_stripped_is_changed_at_its_first_event() {
        VerificationReport report = verify(stream(5, 0));
        assertThat(report.intact()).isFalse();
        assertThat(report.failure()).isEqualTo(new VerificationReport.Failure(0, 100L, VerificationReport.Kind.CHANGED,
                "its hash was removed"));
        assertThat(verify(stream(0, 5)).intact()).isTrue();
    }

    @Test
    void a_hash_that_is_not_sha256_hex_is_reported_changed_not_thrown() {
        List<StoredEvent> events = stream(0, 3);
        StoredEvent second = events.get(1);
        events.set(1, new StoredEvent(second.tenant(), second.aggregateType(), second.aggregateIdentifier(),
                second.sequence(), second.globalIndex(), second.eventIdentifier(), second.timestamp(),
                second.payloadType(), second.payloadRevision(), second.payload(), second.metaData(), second.salt(),
                "not-hex", second.previousHash()));
        assertThat(verify(events).failure()).isEqualTo(new VerificationReport.Failure(1, 101L,
                VerificationReport.Kind.CHANGED, "its stored form no longer hashes to its hash"));
    }

    @Test
    void an_unhashed_event_after_hashed_ones_had_its_hash_removed() {
        List<StoredEvent> events = stream(0, 4);
        StoredEvent third = events.get(2);
        events.set(2, new StoredEvent(third.tenant(), third.aggregateType(), third.aggregateIdentifier(), third.sequence(),
                third.globalIndex(), third.eventIdentifier(), third.timestamp(), third.payloadType(), third.payloadRevision(),
                third.payload(), third.metaData(), third.salt(), null, null));
        VerificationReport report = verify(events);
        assertThat(report.failure()).isEqualTo(new VerificationReport.Failure(2, 102L, VerificationReport.Kind.CHANGED,
                "its hash was removed"));
    }

    @Test
    void a_stream_shorter_than_its_view_has_lost_its_end() {
        VerificationReport report = StreamVerifier.verify("t-1", stream(0, 4), -1, 5, null, index -> Optional.empty(),
                sequence -> Optional.empty(), SigningKeys.ephemeral().published());
        assertThat(report.failure().kind()).isEqualTo(VerificationReport.Kind.MISSING);
        assertThat(report.failure().sequence()).isEqualTo(4);
    }
}
