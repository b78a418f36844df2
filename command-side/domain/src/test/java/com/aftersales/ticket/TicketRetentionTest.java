package com.aftersales.ticket;

import static com.aftersales.ticket.TicketFixtures.ID;
import static com.aftersales.ticket.TicketFixtures.NOW;
import static com.aftersales.ticket.TicketFixtures.callerAs;
import static com.aftersales.ticket.TicketFixtures.opened;
import static com.aftersales.ticket.TicketFixtures.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import com.aftersales.infra.privacy.SubjectKeys.SubjectIdentity;
import com.aftersales.infra.tenancy.CallerMetaData;
import com.aftersales.privacy.InMemorySubjectKeys;
import com.aftersales.privacy.PrivacyCommands.DisposeTicketPersonalData;
import com.aftersales.privacy.PrivacyCommands.PlaceTicketHold;
import com.aftersales.privacy.PrivacyCommands.ReleaseTicketHold;
import com.aftersales.privacy.PrivacyEvents.TicketHoldPlaced;
import com.aftersales.privacy.PrivacyEvents.TicketHoldReleased;
import com.aftersales.privacy.PrivacyEvents.TicketPersonalDataDisposed;
import com.aftersales.privacy.Retention;
import com.aftersales.privacy.RetentionProperties;
import com.aftersales.privacy.StubTicketRecords;
import com.aftersales.privacy.SubjectKeyring;
import com.aftersales.privacy.TicketRecords;
import com.aftersales.sla.SlaCommands;
import com.aftersales.ticket.HandlingEvents.TicketArchived;
import java.time.Instant;
import java.util.List;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Legal hold on a ticket and its disposal past retention: every accepted and every refused command. */
class TicketRetentionTest {

    /** Archived 3 years and a day before {@link TicketFixtures#NOW}: past the default retention of requests. */
    static final Instant LONG_AGO = Instant.parse("2021-05-19T01:30:00Z");
    static final Instant RETENTION_END = Instant.parse("2024-05-19T01:30:00Z");

    FixtureConfiguration<Ticket> fixture;
    StubTicketRecords records;
    InMemorySubjectKeys keys;

    @BeforeEach
    void setUp() {
        fixture = TicketFixtures.fixture(new TicketTest.RecordingNumbers());
        records = new StubTicketRecords();
        keys = new InMemorySubjectKeys();
        fixture.registerInjectableResource(new Retention(RetentionProperties.defaults()));
        fixture.registerInjectableResource((TicketRecords) records);
        fixture.registerInjectableResource(SubjectKeyring.of(keys));
    }

    static MetaData admin(String tenant) {
        return callerAs(tenant, "wang-admin", "TENANT_ADMIN");
    }

    static MetaData timer() {
        return CallerMetaData.of("acme", "retention", SlaCommands.TIMER_ACTOR_KIND, List.of());
    }

    static TicketArchived archived(Instant at) {
        return new TicketArchived(ID, "zhao-supervisor", at);
    }

    @Test
    void a_tenant_admin_holds_and_releases_a_ticket_in_any_state() {
        fixture.given(opened()).when(new PlaceTicketHold(ID, "court order 17", null), admin("acme"))
                .expectEvents(new TicketHoldPlaced(ID, "court order 17", "wang-admin", NOW));
        fixture.given(opened(), archived(LONG_AGO), new TicketHoldPlaced(ID, "court order 17", "wang-admin", NOW))
                .when(new ReleaseTicketHold(ID, "case closed", 2L), admin("acme"))
                .expectEvents(new TicketHoldReleased(ID, "case closed", "wang-admin", NOW));
    }

    @Test
    void holds_are_refused_without_reason_role_twice_on_a_stale_version_or_for_another_tenant() {
        fixture.given(opened()).when(new PlaceTicketHold(ID, "", null), admin("acme"))
                .expectException(refusal("REASON_REQUIRED")).expectNoEvents();
        fixture.given(opened()).when(new PlaceTicketHold(ID, "x", null), callerAs("acme", "zhao", "SUPERVISOR", "MANAGER"))
                .expectException(refusal("ROLE_NOT_ALLOWED")).expectNoEvents();
        fixture.given(opened(), new TicketHoldPlaced(ID, "court", "wang-admin", NOW))
                .when(new PlaceTicketHold(ID, "again", null), admin("acme"))
                .expectException(refusal("ALREADY_ON_HOLD")).expectNoEvents();
        fixture.given(opened()).when(new PlaceTicketHold(ID, "x", 7L), admin("acme"))
                .expectException(refusal("VERSION_MISMATCH")).expectNoEvents();
        fixture.given(opened()).when(new PlaceTicketHold(ID, "x", null), admin("nimbus"))
                .expectException(refusal("TICKET_NOT_FOUND")).expectNoEvents();
        fixture.given(opened()).when(new ReleaseTicketHold(ID, "x", null), admin("acme"))
                .expectException(refusal("NOT_ON_HOLD")).expectNoEvents();
        fixture.given(opened(), new TicketHoldPlaced(ID, "court", "wang-admin", NOW))
                .when(new ReleaseTicketHold(ID, " ", null), admin("acme"))
                .expectException(refusal("REASON_REQUIRED")).expectNoEvents();
    }

    @Test
    void a_ticket_past_retention_is_shredded_and_disposed_of_once() {
        fixture.given(opened(), archived(LONG_AGO)).when(new DisposeTicketPersonalData(ID), timer())
                .expectEvents(new TicketPersonalDataDisposed(ID, RETENTION_END, "retention", NOW));
        assertThat(keys.shredded).containsExactly("ticket " + ID);

        fixture.given(opened(), archived(LONG_AGO), new TicketPersonalDataDisposed(ID, RETENTION_END, "retention", NOW))
                .when(new DisposeTicketPersonalData(ID), timer())
                .expectNoEvents();
        assertThat(keys.shredded).as("a second firing shreds nothing again").containsExactly("ticket " + ID);
    }

    @Test
    void inside_retention_the_disposal_changes_nothing() {
        fixture.given(opened(), archived(NOW.minusSeconds(86_400))).when(new DisposeTicketPersonalData(ID), timer())
                .expectNoEvents();
        assertThat(keys.shredded).isEmpty();
    }

    @Test
    void a_hold_of_the_ticket_or_its_subject_and_an_unarchived_ticket_are_left_alone() {
        fixture.given(opened(), archived(LONG_AGO), new TicketHoldPlaced(ID, "court", "wang-admin", NOW))
                .when(new DisposeTicketPersonalData(ID), timer()).expectNoEvents();
        fixture.given(opened()).when(new DisposeTicketPersonalData(ID), timer()).expectNoEvents();
        String subject = keys.link("acme", ID, new SubjectIdentity("C-1", null, null));
        records.subjectsOnHold.add(subject);
        fixture.given(opened(), archived(LONG_AGO)).when(new DisposeTicketPersonalData(ID), timer()).expectNoEvents();
        assertThat(keys.shredded).isEmpty();
    }

    @Test
    void only_the_timer_disposes() {
        fixture.given(opened(), archived(LONG_AGO))
                .when(new DisposeTicketPersonalData(ID), admin("acme"))
                .expectException(refusal("ROLE_NOT_ALLOWED")).expectNoEvents();
        fixture.given(opened(), archived(LONG_AGO))
                .when(new DisposeTicketPersonalData(ID), CallerMetaData.of("nimbus", "retention",
                        SlaCommands.TIMER_ACTOR_KIND, List.of()))
                .expectException(refusal("TICKET_NOT_FOUND")).expectNoEvents();
        assertThat(keys.shredded).isEmpty();
    }
}
