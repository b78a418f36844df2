package com.aftersales.ticket.search;

import com.aftersales.infra.privacy.PersonalData;
import com.aftersales.ticket.Registration;
import com.aftersales.ticket.TicketOpened;
import com.aftersales.ticket.TicketStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * What the search index knows of a ticket: the fields lists filter, sort and search on, and the
 * version of the last event applied (an event at or below it is not applied again). Stored in the
 * index itself, so an event can be applied without reading anything else. Text is kept as the
 * words it was segmented into when the ticket was opened: later events re-index the ticket without
 * segmenting again (the costliest step of indexing).
 */
record IndexedTicket(String id, String tenantId, String number, String status, String type, String priority,
                     String department, String assigneeId, List<String> coHandlers, Instant registeredAt,
                     String customerWords, String phone, String customerId, String productModel, String textWords,
                     long version, IndexedSla sla) {

    IndexedTicket {
        coHandlers = coHandlers == null ? List.of() : List.copyOf(coHandlers);
        sla = sla == null ? IndexedSla.NONE : sla;
    }

    /**
     * The searchable text is the description, symptom and model as a reader without PII_READER
     * sees them: searching it cannot reveal a phone number or address that the answer would mask.
     */
    static IndexedTicket opened(TicketOpened event, long version, UnaryOperator<String> words) {
        Registration registration = event.registration();
        Registration.Customer customer = registration.customer();
        Registration.Product product = registration.product();
        Registration.Problem problem = registration.problem();
        String text = String.join(" ", present(problem == null ? null : problem.description()),
                present(problem == null ? null : problem.symptom()), present(product == null ? null : product.model()));
        return new IndexedTicket(event.ticketId(), event.tenantId(), event.number(), TicketStatus.REGISTERED.name(),
                registration.type(), registration.priority(), null, null, List.of(), event.registeredAt(),
                words.apply(customer == null ? "" : present(customer.name()) + " " + present(customer.contactPerson())),
                customer == null ? null : customer.phone(), customer == null ? null : customer.customerId(),
                product == null ? null : product.model(), words.apply(PersonalData.freeText(text.strip())), version, null);
    }

    private static String present(String value) {
        return value == null ? "" : value;
    }

    boolean isOpen() {
        return !TicketStatus.CLOSED.name().equals(status) && !TicketStatus.ARCHIVED.name().equals(status);
    }

    /** The lead and co-handlers: whose "mine" queue the ticket is in. */
    List<String> handlers() {
        List<String> handlers = new ArrayList<>(coHandlers);
        Optional.ofNullable(assigneeId).ifPresent(lead -> handlers.add(0, lead));
        return handlers;
    }

    IndexedTicket at(long newVersion) {
        return new IndexedTicket(id, tenantId, number, status, type, priority, department, assigneeId, coHandlers,
                registeredAt, customerWords, phone, customerId, productModel, textWords, newVersion, sla);
    }

    IndexedTicket withStatus(TicketStatus newStatus) {
        return new IndexedTicket(id, tenantId, number, newStatus.name(), type, priority, department, assigneeId,
                coHandlers, registeredAt, customerWords, phone, customerId, productModel, textWords, version, sla);
    }

    IndexedTicket classified(String newType, String newPriority) {
        return new IndexedTicket(id, tenantId, number, status, newType, newPriority, department, assigneeId,
                coHandlers, registeredAt, customerWords, phone, customerId, productModel, textWords, version, sla);
    }

    /** A new lead leaves the co-handlers, as in the ticket view. */
    IndexedTicket assigned(String newDepartment, String newLead, List<String> newCoHandlers) {
        List<String> others = newCoHandlers.stream().filter(handler -> !handler.equals(newLead)).toList();
        return new IndexedTicket(id, tenantId, number, TicketStatus.ASSIGNED.name(), type, priority, newDepartment,
                newLead, others, registeredAt, customerWords, phone, customerId, productModel, textWords,
                version, sla);
    }

    /** Routed to a department, nobody picked yet. */
    IndexedTicket inDepartment(String newDepartment) {
        return new IndexedTicket(id, tenantId, number, status, type, priority, newDepartment, assigneeId, coHandlers,
                registeredAt, customerWords, phone, customerId, productModel, textWords, version, sla);
    }

    IndexedTicket withCoHandler(String handler) {
        if (coHandlers.contains(handler)) {
            return this;
        }
        List<String> more = new ArrayList<>(coHandlers);
        more.add(handler);
        return new IndexedTicket(id, tenantId, number, status, type, priority, department, assigneeId, more,
                registeredAt, customerWords, phone, customerId, productModel, textWords, version, sla);
    }

    /** The SLA marks changed by a clock fact or an escalation. */
    IndexedTicket withSla(UnaryOperator<IndexedSla> change) {
        return new IndexedTicket(id, tenantId, number, status, type, priority, department, assigneeId, coHandlers,
                registeredAt, customerWords, phone, customerId, productModel, textWords, version, change.apply(sla));
    }

    /**
     * After erasure or disposal (issue 13): nothing left to find the customer by; the searchable text
     * keeps only the product model ({@code modelWords}), the fields of the statistics stay.
     */
    IndexedTicket erased(String modelWords) {
        return new IndexedTicket(id, tenantId, number, status, type, priority, department, assigneeId, coHandlers,
                registeredAt, "", null, null, productModel, modelWords, version, sla);
    }
}
