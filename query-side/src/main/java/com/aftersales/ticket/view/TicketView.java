package com.aftersales.ticket.view;

import com.aftersales.ticket.Channel;
import com.aftersales.ticket.Mark;
import com.aftersales.ticket.Registration;
import com.aftersales.ticket.Responsibility;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What readers see of a ticket. {@code type} and {@code priority} are the current classification
 * (the registration keeps what intake wrote down). {@code version} is the sequence number of the
 * last event applied, so a writer can wait until its own change is visible.
 */
public record TicketView(String id, String tenantId, String number, String status, String type, String priority,
                         Responsibility responsibility, Set<Mark> marks, Assignment assignment,
                         Registration registration, String registrar, Instant registeredAt,
                         Acknowledgement acknowledgement, Handling handling, long version) {

    /** Handling and closure: plan and approval, progress, last customer update, resolution, survey. */
    public record Handling(Plan plan, String progress, Note lastCustomerUpdate, Note resolution,
                           Instant secondHandlingDue, Survey survey, String followUp, Complaint complaint,
                           List<Warranty> warranties, Instant closedAt, Instant archivedAt) {
    }

    /** The complaint feedback form's state: {@code review} SUBMITTED, APPROVED or SENT_BACK. */
    public record Complaint(String outcome, String rootCause, String improvements, Instant secondResultDue,
                            String review, String reviewNote) {
    }

    public record Warranty(String part, Instant warrantyUntil) {
    }

    /** {@code approval}: DIRECT (needs none), PENDING, APPROVED or REJECTED; {@code approvalBy} the role it needs. */
    public record Plan(String temporaryMeasure, String permanentFix, List<String> measures, java.math.BigDecimal cost,
                       Compensation compensation, Instant deadline, String approvalBy, String approval,
                       String decidedBy) {
    }

    public record Compensation(java.math.BigDecimal amount, String form) {
    }

    public record Note(String summary, String by, Instant at) {
    }

    public record Survey(String satisfaction, int responseSpeed, int resolutionEffect, int serviceAttitude,
                         int overall, int nps, String comment) {
    }

    public record Acknowledgement(Instant promisedResponseBy, Channel channel, String by, Instant at) {
    }

    /** Who handles it: department, lead, task force, and what intake was asked for if sent back. */
    public record Assignment(String department, String assigneeId, List<String> coHandlers, String sentBackFor) {
    }
}
