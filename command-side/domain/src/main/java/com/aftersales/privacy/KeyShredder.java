package com.aftersales.privacy;

import com.aftersales.infra.tenancy.CallerMetaData;
import com.aftersales.privacy.PrivacyEvents.DataSubjectErased;
import com.aftersales.privacy.PrivacyEvents.TicketPersonalDataDisposed;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MetaDataValue;

/**
 * Destroys the keys an erasure or a disposal names once its event is stored. The command handlers
 * shred after their commit already; this tracking processor makes it certain when a node stopped in
 * between (shredding is idempotent). Its errors stop and retry the processor rather than skip an
 * event: a key left alive is personal data kept against a recorded erasure.
 */
@ProcessingGroup(KeyShredder.PROCESSING_GROUP)
public class KeyShredder {

    public static final String PROCESSING_GROUP = "privacy-shredding";

    private final SubjectKeyring keyring;

    public KeyShredder(SubjectKeyring keyring) {
        this.keyring = keyring;
    }

    @EventHandler
    void on(DataSubjectErased event) {
        keyring.keys().shredSubject(event.tenantId(), event.subjectId(), event.tickets());
    }

    @EventHandler
    void on(TicketPersonalDataDisposed event, @MetaDataValue(CallerMetaData.TENANT) String tenant) {
        keyring.keys().shredTicket(tenant, event.ticketId());
    }
}
