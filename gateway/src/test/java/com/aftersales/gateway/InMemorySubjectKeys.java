package com.aftersales.gateway;

import com.aftersales.infra.privacy.SubjectKeys;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A fake of the encryption's key store (the {@code crypto} work implements the real one): a test
 * links each ticket to its customer, as encrypting the ticket's first event will; shredding is recorded.
 */
final class InMemorySubjectKeys implements SubjectKeys {

    private final Map<String, SubjectIdentity> subjects = new LinkedHashMap<>();
    private final Map<String, List<String>> tickets = new LinkedHashMap<>();
    final List<String> shredded = new ArrayList<>();

    synchronized String link(String tenantId, String ticketId, SubjectIdentity identity) {
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
            if (subject.startsWith(tenantId + "-subject-") && !shredded.contains("subject " + subject)
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
    public synchronized void shredSubject(String tenantId, String subjectId) {
        shredded.add("subject " + subjectId);
    }

    @Override
    public synchronized boolean isShredded(String tenantId, String ticketId) {
        return shredded.contains("ticket " + ticketId);
    }
}
