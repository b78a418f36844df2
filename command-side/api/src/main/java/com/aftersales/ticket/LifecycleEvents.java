package com.aftersales.ticket;

import com.aftersales.infra.privacy.PersonalField;
import org.axonframework.serialization.Revision;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** What happened in classification and assignment (SPEC §3–§4). Each names who and when. */
public final class LifecycleEvents {

    private LifecycleEvents() {
    }

    /**
     * Revision 2 adds the tenant configuration version the ticket was classified under; revision 1
     * events name none (null).
     */
    @Revision(EventRevisions.CLASSIFIED_WITH_CONFIGURATION)
    public record TicketClassified(String ticketId, String type, String priority, Responsibility responsibility,
                                   String by, Instant at, Long configurationVersion) {

        /** A classification under no recorded configuration version, as revision 1 stored it. */
        public TicketClassified(String ticketId, String type, String priority, Responsibility responsibility,
                                String by, Instant at) {
            this(ticketId, type, priority, responsibility, by, at, null);
        }
    }

    /**
     * Routing on classification by the tenant's rules (SPEC §4): the department and, where the rule
     * picks a person, the lead (null: the department only); {@code reason} says which rule, among
     * whom and why, under configuration version {@code configurationVersion}.
     */
    @Revision(EventRevisions.FIRST)
    public record TicketRouted(String ticketId, String department, String assigneeId, String reason,
                               Long configurationVersion, Instant at) {
    }

    /**
     * The ticket's marks, all of them after the change. Revision 2 adds why and what it links to, for
     * the marks the tenant's rules set (SPEC §3): {@code reason}, the {@code relatedTicketIds} (the
     * earlier tickets of a REPEAT, the other tickets of a BATCH) and the {@code batchId}; marks set
     * by hand, and revision 1 events, name none (null and empty).
     */
    @Revision(EventRevisions.MARKED_WITH_REASON)
    public record TicketMarked(String ticketId, Set<Mark> marks, String by, Instant at, String reason,
                               List<String> relatedTicketIds, String batchId) {

        public TicketMarked {
            relatedTicketIds = relatedTicketIds == null ? List.of() : List.copyOf(relatedTicketIds);
        }

        /** Marks set by hand, with no rule behind them. */
        public TicketMarked(String ticketId, Set<Mark> marks, String by, Instant at) {
            this(ticketId, marks, by, at, null, List.of(), null);
        }
    }

    /**
     * BATCH 批量 (SPEC §3): the tenant's threshold of tickets of one product model and fault was
     * reached within its window with the registration of {@code ticketId}; {@code ticketIds} are all
     * of them (this one last). The batch rule links the others and raises their priority to
     * {@code raiseTo} by commands, so each ticket's own history says why.
     */
    @Revision(EventRevisions.FIRST)
    public record TicketBatchFormed(String ticketId, String tenantId, String batchId, String model, String fault,
                                    List<String> ticketIds, String raiseTo, String reason, Instant at) {
        public TicketBatchFormed {
            ticketIds = ticketIds == null ? List.of() : List.copyOf(ticketIds);
        }
    }

    @Revision(EventRevisions.FIRST)

    public record TicketAssigned(String ticketId, String department, String assigneeId, String by, Instant at) {
    }

    @Revision(EventRevisions.FIRST)

    public record TicketReassigned(String ticketId, String department, String assigneeId, String reason,
                                   String by, Instant at) {
    }

    @Revision(EventRevisions.FIRST)

    public record CoHandlerAdded(String ticketId, String handlerId, String by, Instant at) {
    }

    /** {@code qualifiedLead}: the assignee is a SENIOR or SUPERVISOR, as the two highest levels need. */
    @Revision(EventRevisions.FIRST)
    public record AssignmentAccepted(String ticketId, String by, boolean qualifiedLead, Instant at) {
    }

    @Revision(EventRevisions.FIRST)

    public record TicketSentBack(String ticketId, String missing, String by, Instant at) {
    }

    @Revision(EventRevisions.FIRST)

    public record InformationSupplied(String ticketId, @PersonalField String information, String by, Instant at) {
    }
}
