package com.aftersales.gateway.ticket;

import com.aftersales.ticket.Mark;
import com.aftersales.ticket.Registration;
import com.aftersales.ticket.Responsibility;
import com.aftersales.ticket.view.TicketView;
import java.time.Instant;
import java.util.Set;

/**
 * A ticket as the API shows it. Personal data is masked where the JSON is written, for callers
 * without PII_READER (see {@code infra.privacy.PersonalData}), not here.
 */
public record TicketResponse(String id, String number, String status, String type, String priority,
                             Responsibility responsibility, Set<Mark> marks, TicketView.Assignment assignment,
                             Registration registration, String registrar, Instant registeredAt,
                             TicketView.Acknowledgement acknowledgement, TicketView.Handling handling, long version) {

    public static TicketResponse of(TicketView view) {
        return new TicketResponse(view.id(), view.number(), view.status(), view.type(), view.priority(),
                view.responsibility(), view.marks(), view.assignment(), view.registration(), view.registrar(),
                view.registeredAt(), view.acknowledgement(), view.handling(), view.version());
    }

}
