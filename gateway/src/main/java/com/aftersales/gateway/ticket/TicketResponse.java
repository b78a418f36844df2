package com.aftersales.gateway.ticket;

import com.aftersales.ticket.Mark;
import com.aftersales.ticket.Registration;
import com.aftersales.ticket.Responsibility;
import com.aftersales.ticket.view.TicketView;
import java.time.Instant;
import java.util.Set;

/** A ticket as the API shows it; contact data and places masked unless the caller holds PII_READER. */
public record TicketResponse(String id, String number, String status, String type, String priority,
                             Responsibility responsibility, Set<Mark> marks, TicketView.Assignment assignment,
                             Registration registration, String registrar, Instant registeredAt,
                             TicketView.Acknowledgement acknowledgement, TicketView.Handling handling, long version) {

    static TicketResponse of(TicketView view, boolean mayReadPii) {
        Registration registration = view.registration();
        if (!mayReadPii && registration != null) {
            registration = new Registration(registration.channel(), registration.type(), registration.priority(),
                    ContactMasking.mask(registration.customer()), registration.product(),
                    ContactMasking.mask(registration.problem()),
                    registration.attachments(), registration.expectedResolutionAt(), registration.emotion());
        }
        return new TicketResponse(view.id(), view.number(), view.status(), view.type(), view.priority(),
                view.responsibility(), view.marks(), view.assignment(), registration, view.registrar(),
                view.registeredAt(), view.acknowledgement(), view.handling(), view.version());
    }
}
