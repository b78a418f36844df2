package com.aftersales.gateway.deadletter;

import java.time.Instant;
import java.util.List;

/**
 * What operators see of dead letters: where and when, never what. No payload, metadata or cause
 * message (either may carry a customer's data); the ticket id is the sequence identifier.
 */
public record DeadLetterList(long total, List<Group> groups) {

    public record Group(String processingGroup, long letters, List<Sequence> sequences) {
    }

    public record Sequence(String sequenceIdentifier, List<Letter> letters) {
    }

    /** {@code causeType} is absent for an event that only waits behind an earlier failed one. */
    public record Letter(String messageType, Long sequenceNumber, String causeType, Instant enqueuedAt,
                         Instant lastTouched) {
    }
}
