package com.aftersales.privacy;

import com.aftersales.ticket.TicketCommand;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Orders of SPEC §8 (issue 13): legal holds, erasure of a data subject, disposal past retention. */
public final class PrivacyCommands {

    private PrivacyCommands() {
    }

    /** Keeps the ticket's personal data beyond its retention end until released (TENANT_ADMIN). */
    public record PlaceTicketHold(@TargetAggregateIdentifier String ticketId, String reason, Long expectedVersion)
            implements TicketCommand {
    }

    public record ReleaseTicketHold(@TargetAggregateIdentifier String ticketId, String reason, Long expectedVersion)
            implements TicketCommand {
    }

    /** Sent by the disposal timer: shreds the ticket's personal data once it is past retention and not on hold. */
    public record DisposeTicketPersonalData(@TargetAggregateIdentifier String ticketId) implements TicketCommand {
        @Override
        public Long expectedVersion() {
            return null;
        }
    }

    /** Keeps every ticket of the subject (a customer within a tenant) until released. */
    public record PlaceSubjectHold(@TargetAggregateIdentifier String subjectId, String reason) {
    }

    public record ReleaseSubjectHold(@TargetAggregateIdentifier String subjectId, String reason) {
    }

    /**
     * Erases the subject's personal data (PIPL art. 47, GDPR art. 17) by destroying its keys;
     * refused while any ticket linked to the subject is inside its retention period, not archived,
     * or on hold. The subject reads its tickets itself when the command runs: a list taken before
     * could miss a ticket linked since. Answers the tickets erased.
     */
    public record EraseSubject(@TargetAggregateIdentifier String subjectId, String reason) {
    }
}
