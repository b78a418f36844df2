package com.aftersales.ticket;

import com.aftersales.ticket.MarkKeys.Entry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which batch the last registration under one model and fault belongs to, decided from the
 * registrations before it in their stored order. Every registration replays the same order, so
 * each decision is the one the earlier registrations made: a batch forms once, when the
 * threshold-th ticket not yet in a batch arrives within the window (counting itself); tickets
 * arriving within one window of the formation join it; later ones start counting again.
 */
final class BatchReplay {

    enum Outcome { NONE, FORMED, JOINED }

    /** {@code members}: the tickets the batch was formed with, the forming one last. */
    record Decision(Outcome outcome, String batchId, List<String> members, Instant formedAt) {
        static final Decision NONE = new Decision(Outcome.NONE, null, List.of(), null);
    }

    private BatchReplay() {
    }

    static String batchId(String formingTicketId) {
        return "batch-" + formingTicketId;
    }

    /** The decision for the last of {@code entries}. */
    static Decision decide(List<Entry> entries, Duration window, int threshold) {
        Set<String> batched = new HashSet<>();
        Decision open = Decision.NONE;
        Decision last = Decision.NONE;
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            if (open.outcome() != Outcome.NONE && !entry.at().isAfter(open.formedAt().plus(window))) {
                batched.add(entry.ticketId());
                last = new Decision(Outcome.JOINED, open.batchId(), open.members(), open.formedAt());
                continue;
            }
            List<String> waiting = waiting(entries.subList(0, i), batched, entry.at().minus(window));
            if (waiting.size() + 1 >= threshold && !waiting.contains(entry.ticketId())) {
                List<String> members = new ArrayList<>(waiting);
                members.add(entry.ticketId());
                open = new Decision(Outcome.FORMED, batchId(entry.ticketId()), List.copyOf(members), entry.at());
                batched.addAll(members);
                last = open;
            } else {
                open = Decision.NONE;
                last = Decision.NONE;
            }
        }
        return last;
    }

    /** Tickets within the window that are in no batch yet, in registration order. */
    private static List<String> waiting(List<Entry> before, Set<String> batched, Instant from) {
        return before.stream().filter(entry -> !entry.at().isBefore(from) && !batched.contains(entry.ticketId()))
                .map(Entry::ticketId).distinct().toList();
    }
}
