package com.aftersales.ticket;

import com.aftersales.infra.privacy.SubjectKeys;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Subjects and ticket links in memory, as the aggregate fixtures need them (the real one: MongoSubjectKeys). */
final class InMemorySubjectKeys implements SubjectKeys {

    private final Map<String, String> lookups = new HashMap<>();
    private final Map<String, List<String>> tickets = new HashMap<>();
    private final Map<String, String> subjectOfTicket = new HashMap<>();
    private final Set<String> shredded = new HashSet<>();

    @Override
    public synchronized String subjectOf(String tenantId, SubjectIdentity identity) {
        Set<String> found = find(tenantId, identity);
        String subject = found.isEmpty() ? UUID.randomUUID().toString() : found.iterator().next();
        keys(tenantId, identity).forEach(key -> lookups.putIfAbsent(key, subject));
        return subject;
    }

    @Override
    public synchronized Set<String> find(String tenantId, SubjectIdentity probe) {
        Set<String> found = new LinkedHashSet<>();
        keys(tenantId, probe).stream().map(lookups::get).filter(s -> s != null).forEach(found::add);
        return found;
    }

    private static List<String> keys(String tenantId, SubjectIdentity identity) {
        List<String> keys = new ArrayList<>();
        if (identity.customerId() != null && !identity.customerId().isBlank()) {
            keys.add(tenantId + "/customer:" + identity.customerId());
        }
        if (identity.phone() != null && !identity.phone().replaceAll("\\D", "").isEmpty()) {
            keys.add(tenantId + "/phone:" + identity.phone().replaceAll("\\D", ""));
        }
        if (identity.email() != null && !identity.email().isBlank()) {
            keys.add(tenantId + "/email:" + identity.email().toLowerCase());
        }
        return keys;
    }

    @Override
    public synchronized void linkTicket(String tenantId, String ticketId, String subjectId) {
        subjectOfTicket.put(tenantId + "/" + ticketId, subjectId);
        List<String> linked = tickets.computeIfAbsent(tenantId + "/" + subjectId, s -> new ArrayList<>());
        if (!linked.contains(ticketId)) {
            linked.add(ticketId);
        }
    }

    @Override
    public synchronized List<String> ticketsOf(String tenantId, String subjectId) {
        return List.copyOf(tickets.getOrDefault(tenantId + "/" + subjectId, List.of()));
    }

    @Override
    public synchronized Optional<String> subjectOfTicket(String tenantId, String ticketId) {
        return Optional.ofNullable(subjectOfTicket.get(tenantId + "/" + ticketId));
    }

    @Override
    public synchronized void shredTicket(String tenantId, String ticketId) {
        shredded.add(tenantId + "/" + ticketId);
    }

    @Override
    public synchronized void shredSubject(String tenantId, String subjectId, java.util.Collection<String> tickets) {
        tickets.stream().filter(ticketsOf(tenantId, subjectId)::contains).forEach(ticket -> shredTicket(tenantId, ticket));
        lookups.values().removeIf(subjectId::equals);
    }

    @Override
    public synchronized boolean isShredded(String tenantId, String ticketId) {
        return shredded.contains(tenantId + "/" + ticketId);
    }
}
