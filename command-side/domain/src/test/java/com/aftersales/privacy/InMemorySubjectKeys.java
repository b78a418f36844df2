package com.aftersales.privacy;

import com.aftersales.infra.privacy.SubjectKeys;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A fake of the encryption's key store: links tickets to subjects and records what was shredded. */
public final class InMemorySubjectKeys implements SubjectKeys {

    private final Map<String, SubjectIdentity> subjects = new HashMap<>();
    private final Map<String, List<String>> tickets = new HashMap<>();
    public final List<String> shredded = new ArrayList<>();

    /** Links {@code ticketId} to the subject of {@code identity}, as encrypting the ticket's first event would. */
    public synchronized String link(String tenantId, String ticketId, SubjectIdentity identity) {
        String subject = subjectOf(tenantId, identity);
        tickets.computeIfAbsent(subject, s -> new ArrayList<>()).add(ticketId);
        return subject;
    }

    @Override
    public synchronized String subjectOf(String tenantId, SubjectIdentity identity) {
        Set<String> found = find(tenantId, identity);
        if (!found.isEmpty()) {
            return found.iterator().next();
        }
        String subject = tenantId + "-subject-" + (subjects.size() + 1);
        subjects.put(subject, identity);
        return subject;
    }

    @Override
    public synchronized Set<String> find(String tenantId, SubjectIdentity probe) {
        Set<String> found = new LinkedHashSet<>();
        subjects.forEach((subject, identity) -> {
            if (subject.startsWith(tenantId + "-subject-") && shredded.stream().noneMatch(entry -> entry.startsWith("subject " + subject + " "))
                    && (same(probe.customerId(), identity.customerId()) || same(probe.phone(), identity.phone())
                    || same(probe.email(), identity.email()))) {
                found.add(subject);
            }
        });
        return found;
    }

    private static boolean same(String probe, String value) {
        return probe != null && !probe.isBlank() && probe.equals(value);
    }

    @Override
    public synchronized List<String> ticketsOf(String tenantId, String subjectId) {
        if (!subjectId.startsWith(tenantId + "-subject-")) {
            return List.of(); // another tenant's subject
        }
        return List.copyOf(tickets.getOrDefault(subjectId, List.of()));
    }

    @Override
    public synchronized Optional<String> subjectOfTicket(String tenantId, String ticketId) {
        return tickets.entrySet().stream().filter(e -> e.getValue().contains(ticketId)).map(Map.Entry::getKey).findFirst();
    }

    @Override
    public synchronized void shredTicket(String tenantId, String ticketId) {
        shredded.add("ticket " + ticketId);
    }

    @Override
    public synchronized void shredSubject(String tenantId, String subjectId, java.util.Collection<String> shredding) {
        shredded.add("subject " + subjectId + " " + List.copyOf(shredding));
    }

    @Override
    public synchronized boolean isShredded(String tenantId, String ticketId) {
        return shredded.contains("ticket " + ticketId) || shredded.stream()
                .anyMatch(entry -> entry.startsWith("subject ") && entry.contains(ticketId));
    }
}
