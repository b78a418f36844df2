package com.aftersales.infra.privacy;

import java.util.List;
import java.util.Set;

/**
 * The keys that open a data subject's personal data (crypto-shredding, issue 13). A data subject is
 * a customer within a tenant; each of the subject's tickets has its own data key, kept under the
 * subject, so that a ticket past retention can be shredded alone and an erasure request shreds
 * them all. Once a key is destroyed, every encrypted field it opened reads as erased, everywhere
 * (events, snapshots, replays), and no API brings it back.
 */
public interface SubjectKeys {

    /** The subject of a customer in a tenant, created on first use; the id itself is not personal data. */
    String subjectOf(String tenantId, SubjectIdentity identity);

    /** Subjects matching any non-blank field of the probe, for access and erasure requests; creates none. */
    Set<String> find(String tenantId, SubjectIdentity probe);

    /** The tickets whose personal data is under the subject's keys, in the order they were linked. */
    List<String> ticketsOf(String tenantId, String subjectId);

    /** The subject a ticket's personal data belongs to, if the ticket has any. */
    java.util.Optional<String> subjectOfTicket(String tenantId, String ticketId);

    /**
     * Puts the ticket's personal data under the subject's keys (idempotent): from then on
     * {@link #ticketsOf} lists it and {@link #shredSubject} shreds it. Done at registration.
     */
    default void linkTicket(String tenantId, String ticketId, String subjectId) {
        throw new UnsupportedOperationException("linkTicket is not supported by " + getClass().getName());
    }

    /** Destroys the data key of one ticket (idempotent). */
    void shredTicket(String tenantId, String ticketId);

    /** Destroys every key of the subject, and its lookup entries (idempotent). */
    default void shredSubject(String tenantId, String subjectId) {
        shredSubject(tenantId, subjectId, ticketsOf(tenantId, subjectId));
    }

    /**
     * Destroys the keys of exactly these tickets of the subject (those an erasure checked) and the
     * subject's lookup entries, so that a later registration of the customer starts a new subject
     * (idempotent). A ticket linked after the check keeps its key: it was not checked for retention or holds.
     */
    void shredSubject(String tenantId, String subjectId, java.util.Collection<String> tickets);

    /** Whether the ticket's data key was destroyed. */
    boolean isShredded(String tenantId, String ticketId);

    /** How a customer is recognised as the same subject: any one equal field (customer id, phone digits, email). */
    record SubjectIdentity(String customerId, String phone, String email) {
    }
}
