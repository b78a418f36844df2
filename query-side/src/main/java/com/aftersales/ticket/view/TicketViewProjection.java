package com.aftersales.ticket.view;

import com.aftersales.infra.tenancy.CallerMetaData;
import com.aftersales.privacy.PrivacyEvents.DataSubjectErased;
import com.aftersales.privacy.PrivacyEvents.TicketPersonalDataDisposed;
import com.aftersales.ticket.ComplaintEvents.ComplaintFeedbackApproved;
import com.aftersales.ticket.ComplaintEvents.ComplaintFeedbackSentBack;
import com.aftersales.ticket.ComplaintEvents.ComplaintFeedbackSubmitted;
import com.aftersales.ticket.ComplaintEvents.WarrantyRecorded;
import com.aftersales.ticket.HandlingEvents.CustomerUpdated;
import com.aftersales.ticket.HandlingEvents.FollowUpCallRecorded;
import com.aftersales.ticket.HandlingEvents.PlanApprovalRequired;
import com.aftersales.ticket.HandlingEvents.PlanApproved;
import com.aftersales.ticket.HandlingEvents.PlanProposed;
import com.aftersales.ticket.HandlingEvents.PlanRejected;
import com.aftersales.ticket.HandlingEvents.ProgressSet;
import com.aftersales.ticket.HandlingEvents.ResolutionAccepted;
import com.aftersales.ticket.HandlingEvents.ResolutionRejected;
import com.aftersales.ticket.HandlingEvents.SupervisorFollowUpOpened;
import com.aftersales.ticket.HandlingEvents.SurveyRecorded;
import com.aftersales.ticket.HandlingEvents.ThankYouDue;
import com.aftersales.ticket.HandlingEvents.TicketArchived;
import com.aftersales.ticket.HandlingEvents.TicketResolved;
import com.aftersales.ticket.LifecycleEvents.AssignmentAccepted;
import com.aftersales.ticket.LifecycleEvents.CoHandlerAdded;
import com.aftersales.ticket.LifecycleEvents.InformationSupplied;
import com.aftersales.ticket.LifecycleEvents.TicketAssigned;
import com.aftersales.ticket.LifecycleEvents.TicketClassified;
import com.aftersales.ticket.LifecycleEvents.TicketMarked;
import com.aftersales.ticket.LifecycleEvents.TicketReassigned;
import com.aftersales.ticket.LifecycleEvents.TicketRouted;
import com.aftersales.ticket.LifecycleEvents.TicketSentBack;
import com.aftersales.ticket.TicketAcknowledged;
import com.aftersales.ticket.TicketOpened;
import com.aftersales.ticket.TicketStatus;
import java.util.List;
import java.util.Set;
import com.mongodb.client.model.Updates;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Keeps the ticket views. Idempotent: a view records the sequence number of the last event
 * applied, and an event at or below it changes nothing, so a redelivered event is harmless. Each
 * version written is announced to writers waiting for it ({@link TicketViewUpdates}).
 * <p>
 * The handlers say what each event changes; a {@link TicketViewWriter} applies it: to the view
 * collection here, or to one view in memory when an auditor asks for a ticket as of a past
 * instant ({@link TicketAsOf}), so that both are built by the same code.
 */
@Component
@ProcessingGroup(TicketViewProjection.PROCESSING_GROUP)
public class TicketViewProjection {

    public static final String PROCESSING_GROUP = "ticket-views";
    private static final String TENANT = CallerMetaData.TENANT;

    private final TicketViewStore store;
    private final TicketViewWriter writer;
    private final Runnable clear;

    @Autowired
    public TicketViewProjection(TicketViewStore store, TicketViewUpdates updates, RebuildableReadModels readModels) {
        this(store, new StoredTicketViews(store, updates), () -> readModels.clear(PROCESSING_GROUP));
    }

    /** One view in memory ({@link TicketAsOf}): never reset. */
    TicketViewProjection(TicketViewStore store, TicketViewWriter writer) {
        this(store, writer, () -> {
            throw new IllegalStateException("A view in memory is not reset");
        });
    }

    TicketViewProjection(TicketViewStore store, TicketViewWriter writer, Runnable clear) {
        this.store = store;
        this.writer = writer;
        this.clear = clear;
    }

    /**
     * A rebuild (issue 13 §4): every tenant's views are emptied inside Axon's token reset, which runs
     * only once this node holds every segment's claim, so no other node replays into them meanwhile.
     */
    @ResetHandler
    void reset() {
        clear.run();
    }

    @EventHandler
    void on(TicketOpened event, @SequenceNumber long sequence) {
        TicketView view = new TicketView(event.ticketId(), event.tenantId(), event.number(),
                TicketStatus.REGISTERED.name(), event.registration().type(), event.registration().priority(), null,
                Set.of(), null, event.registration(), event.registrar(), event.registeredAt(), null,
                new TicketView.Handling(null, null, null, null, null, null, null, null, List.of(), null, null), sequence);
        writer.insert(event.tenantId(), event.ticketId(), sequence, store.toDocument(view));
    }

    @EventHandler
    void on(TicketAcknowledged event, @SequenceNumber long sequence, @MetaDataValue(TENANT) String tenantId) {
        TicketView.Acknowledgement acknowledgement = new TicketView.Acknowledgement(
                event.promisedResponseBy(), event.channel(), event.acknowledgedBy(), event.acknowledgedAt());
        apply(tenantId, event.ticketId(), sequence,
                Updates.set("acknowledgement", store.toDocument(acknowledgement)));
    }

    /**
     * Reads and writes by {@code _id} alone, the form the embedded server answers from an index. The
     * version check needs no atomic filter: a ticket's events reach this handler one at a time, in
     * order (one processor segment per aggregate).
     */
    @EventHandler
    void on(TicketClassified event, @SequenceNumber long sequence, @MetaDataValue(TENANT) String tenantId) {
        apply(tenantId, event.ticketId(), sequence, Updates.combine(Updates.set("type", event.type()),
                Updates.set("priority", event.priority()),
                Updates.set("responsibility", event.responsibility() == null ? null : event.responsibility().name())));
    }

    @EventHandler
    void on(TicketMarked event, @SequenceNumber long sequence, @MetaDataValue(TENANT) String tenantId) {
        apply(tenantId, event.ticketId(), sequence,
                Updates.set("marks", event.marks().stream().map(Enum::name).sorted().toList()));
    }

    @EventHandler
    void on(TicketAssigned event, @SequenceNumber long sequence, @MetaDataValue(TENANT) String tenantId) {
        apply(tenantId, event.ticketId(), sequence, Updates.combine(status(TicketStatus.ASSIGNED),
                Updates.set("assignment", new Document("department", event.department())
                        .append("assigneeId", event.assigneeId()).append("coHandlers", List.of()))));
    }

    /** Routed by the tenant's rules: to a person like an assignment, or to a department only (status unchanged). */
    @EventHandler
    void on(TicketRouted event, @SequenceNumber long sequence, @MetaDataValue(TENANT) String tenantId) {
        Document assignment = new Document("department", event.department()).append("assigneeId", event.assigneeId())
                .append("coHandlers", List.of());
        apply(tenantId, event.ticketId(), sequence, event.assigneeId() == null ? Updates.set("assignment", assignment)
                : Updates.combine(status(TicketStatus.ASSIGNED), Updates.set("assignment", assignment)));
    }

    @EventHandler
    void on(TicketReassigned event, @SequenceNumber long sequence, @MetaDataValue(TENANT) String tenantId) {
        apply(tenantId, event.ticketId(), sequence, Updates.combine(status(TicketStatus.ASSIGNED),
                Updates.set("assignment.department", event.department()),
                Updates.set("assignment.assigneeId", event.assigneeId()),
                Updates.pull("assignment.coHandlers", event.assigneeId())));
    }

    @EventHandler
    void on(CoHandlerAdded event, @SequenceNumber long sequence, @MetaDataValue(TENANT) String tenantId) {
        apply(tenantId, event.ticketId(), sequence, Updates.addToSet("assignment.coHandlers", event.handlerId()));
    }

    @EventHandler
    void on(AssignmentAccepted event, @SequenceNumber long sequence, @MetaDataValue(TENANT) String tenantId) {
        apply(tenantId, event.ticketId(), sequence, status(TicketStatus.IN_PROGRESS));
    }

    @EventHandler
    void on(TicketSentBack event, @SequenceNumber long sequence, @MetaDataValue(TENANT) String tenantId) {
        apply(tenantId, event.ticketId(), sequence, Updates.combine(status(TicketStatus.RETURNED_FOR_INFORMATION),
                Updates.set("assignment.sentBackFor", event.missing())));
    }

    @EventHandler
    void on(InformationSupplied event, @SequenceNumber long sequence, @MetaDataValue(TENANT) String tenantId) {
        apply(tenantId, event.ticketId(), sequence, Updates.combine(status(TicketStatus.ASSIGNED),
                Updates.unset("assignment.sentBackFor")));
    }

    @EventHandler
    void on(PlanProposed event, @SequenceNumber long sequence, @MetaDataValue(TENANT) String tenantId) {
        TicketView.Plan plan = new TicketView.Plan(event.temporaryMeasure(), event.permanentFix(), event.measures(),
                event.cost(), event.compensation() == null ? null
                        : new TicketView.Compensation(event.compensation().amount(), event.compensation().form()),
                event.deadline(), event.approvalBy(), event.approvalBy() == null ? "DIRECT" : "PENDING", null);
        apply(tenantId, event.ticketId(), sequence, Updates.set("handling.plan", store.toDocument(plan)));
    }

    @EventHandler
    void on(PlanApprovalRequired event, @SequenceNumber long sequence, @MetaDataValue(TENANT) String tenantId) {
        apply(tenantId, event.ticketId(), sequence, Updates.combine(Updates.set("handling.plan.approval", "PENDING"),
                Updates.set("handling.plan.approvalBy", event.approvalBy())));
    }

    @EventHandler
    void on(PlanApproved event, @SequenceNumber long sequence, @MetaDataValue(TENANT) String tenantId) {
        apply(tenantId, event.ticketId(), sequence, Updates.combine(Updates.set("handling.plan.approval", "APPROVED"),
                Updates.set("handling.plan.decidedBy", event.by())));
    }

    @EventHandler
    void on(PlanRejected event, @SequenceNumber long sequence, @MetaDataValue(TENANT) String tenantId) {
        apply(tenantId, event.ticketId(), sequence, Updates.combine(Updates.set("handling.plan.approval", "REJECTED"),
                Updates.set("handling.plan.decidedBy", event.by())));
    }

    @EventHandler
    void on(ProgressSet event, @SequenceNumber long sequence, @MetaDataValue(TENANT) String tenantId) {
        apply(tenantId, event.ticketId(), sequence, Updates.set("handling.progress", event.progress()));
    }

    @EventHandler
    void on(CustomerUpdated event, @SequenceNumber long sequence, @MetaDataValue(TENANT) String tenantId) {
        apply(tenantId, event.ticketId(), sequence, Updates.set("handling.lastCustomerUpdate",
                store.toDocument(new TicketView.Note(event.summary(), event.by(), event.at()))));
    }

    @EventHandler
    void on(TicketResolved event, @SequenceNumber long sequence, @MetaDataValue(TENANT) String tenantId) {
        apply(tenantId, event.ticketId(), sequence, Updates.combine(status(TicketStatus.RESOLVED),
                Updates.set("handling.resolution", store.toDocument(new TicketView.Note(event.resolution(), event.by(), event.at())))));
    }

    @EventHandler
    void on(ResolutionAccepted event, @SequenceNumber long sequence, @MetaDataValue(TENANT) String tenantId) {
        apply(tenantId, event.ticketId(), sequence, Updates.combine(status(TicketStatus.CLOSED),
                Updates.set("handling.closedAt", event.at().toString())));
    }

    @EventHandler
    void on(ResolutionRejected event, @SequenceNumber long sequence, @MetaDataValue(TENANT) String tenantId) {
        apply(tenantId, event.ticketId(), sequence, Updates.combine(status(TicketStatus.IN_PROGRESS),
                Updates.set("handling.secondHandlingDue", event.secondHandlingDue().toString())));
    }

    @EventHandler
    void on(SurveyRecorded event, @SequenceNumber long sequence, @MetaDataValue(TENANT) String tenantId) {
        TicketView.Survey survey = new TicketView.Survey(event.satisfaction().name(), event.responseSpeed(),
                event.resolutionEffect(), event.serviceAttitude(), event.overall(), event.nps(), event.comment());
        apply(tenantId, event.ticketId(), sequence, Updates.set("handling.survey", store.toDocument(survey)));
    }

    @EventHandler
    void on(SupervisorFollowUpOpened event, @SequenceNumber long sequence, @MetaDataValue(TENANT) String tenantId) {
        apply(tenantId, event.ticketId(), sequence, Updates.set("handling.followUp", "SUPERVISOR_FOLLOW_UP_OPEN"));
    }

    @EventHandler
    void on(ThankYouDue event, @SequenceNumber long sequence, @MetaDataValue(TENANT) String tenantId) {
        apply(tenantId, event.ticketId(), sequence, Updates.set("handling.followUp", "THANK_YOU_DUE"));
    }

    @EventHandler
    void on(FollowUpCallRecorded event, @SequenceNumber long sequence, @MetaDataValue(TENANT) String tenantId) {
        apply(tenantId, event.ticketId(), sequence, Updates.set("handling.followUp", "CALLED"));
    }

    @EventHandler
    void on(TicketArchived event, @SequenceNumber long sequence, @MetaDataValue(TENANT) String tenantId) {
        apply(tenantId, event.ticketId(), sequence, Updates.combine(status(TicketStatus.ARCHIVED),
                Updates.set("handling.archivedAt", event.at().toString())));
    }

    @EventHandler
    void on(ComplaintFeedbackSubmitted event, @SequenceNumber long sequence, @MetaDataValue(TENANT) String tenantId) {
        TicketView.Complaint complaint = new TicketView.Complaint(event.outcome().name(), event.rootCause().name(),
                event.improvements(), event.secondResultDue(), "SUBMITTED", null);
        apply(tenantId, event.ticketId(), sequence, Updates.set("handling.complaint", store.toDocument(complaint)));
    }

    @EventHandler
    void on(ComplaintFeedbackApproved event, @SequenceNumber long sequence, @MetaDataValue(TENANT) String tenantId) {
        apply(tenantId, event.ticketId(), sequence, Updates.combine(Updates.set("handling.complaint.review", "APPROVED"),
                Updates.set("handling.complaint.reviewNote", event.note())));
    }

    @EventHandler
    void on(ComplaintFeedbackSentBack event, @SequenceNumber long sequence, @MetaDataValue(TENANT) String tenantId) {
        apply(tenantId, event.ticketId(), sequence, Updates.combine(Updates.set("handling.complaint.review", "SENT_BACK"),
                Updates.set("handling.complaint.reviewNote", event.note())));
    }

    @EventHandler
    void on(WarrantyRecorded event, @SequenceNumber long sequence, @MetaDataValue(TENANT) String tenantId) {
        apply(tenantId, event.ticketId(), sequence, Updates.push("handling.warranties",
                store.toDocument(new TicketView.Warranty(event.part(), event.warrantyUntil()))));
    }

    /** Issue 13: the ticket's personal data is gone from its key; the view shows it erased. */
    @EventHandler
    void on(TicketPersonalDataDisposed event, @SequenceNumber long sequence, @MetaDataValue(TENANT) String tenantId) {
        writer.erase(tenantId, event.ticketId(), sequence);
    }

    /** An event of the data subject, not of the tickets: their versions stay. */
    @EventHandler
    void on(DataSubjectErased event) {
        event.tickets().forEach(ticketId -> writer.erase(event.tenantId(), ticketId, null));
    }

    /**
     * Events that change nothing shown here (diagnosis, contacts, escalations…) still move the view
     * to their version, so that a writer waiting for its change to be visible is answered.
     */
    @EventHandler
    void on(Object payload, DomainEventMessage<?> event, @MetaDataValue(TENANT) String tenantId) {
        if ("Ticket".equals(event.getType()) && tenantId != null) {
            apply(tenantId, event.getAggregateIdentifier(), event.getSequenceNumber(), null);
        }
    }

    private static Bson status(TicketStatus status) {
        return Updates.set("status", status.name());
    }

    private void apply(String tenantId, String ticketId, long sequence, Bson update) {
        writer.apply(tenantId, ticketId, sequence, update);
    }
}
