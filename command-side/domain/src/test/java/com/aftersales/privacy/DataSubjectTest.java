package com.aftersales.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.hasProperty;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.is;

import com.aftersales.infra.privacy.SubjectKeys.SubjectIdentity;
import com.aftersales.infra.tenancy.CallerMetaData;
import com.aftersales.infra.tenancy.TenantDirectory;
import com.aftersales.infra.tenancy.TenantProperties;
import com.aftersales.privacy.PrivacyCommands.EraseSubject;
import com.aftersales.privacy.PrivacyCommands.PlaceSubjectHold;
import com.aftersales.privacy.PrivacyCommands.ReleaseSubjectHold;
import com.aftersales.privacy.PrivacyEvents.DataSubjectErased;
import com.aftersales.privacy.PrivacyEvents.SubjectHoldPlaced;
import com.aftersales.privacy.PrivacyEvents.SubjectHoldReleased;
import com.aftersales.privacy.TicketRecords.RetainedTicket;
import com.aftersales.refusal.RefusedException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Legal hold and erasure of a data subject: every accepted and every refused command. */
class DataSubjectTest {

    static final Instant NOW = Instant.parse("2024-05-20T01:30:00Z");
    static final String SUBJECT = "acme-subject-1";
    /** Archived 3 years and a day ago: past the default retention of requests. */
    static final Instant LONG_AGO = Instant.parse("2021-05-19T01:30:00Z");

    FixtureConfiguration<DataSubject> fixture;
    StubTicketRecords records;
    InMemorySubjectKeys keys;

    @BeforeEach
    void setUp() {
        TenantProperties properties = new TenantProperties();
        TenantProperties.Tenant acme = new TenantProperties.Tenant();
        acme.setTimeZone(ZoneId.of("Asia/Shanghai"));
        properties.setTenants(Map.of("acme", acme, "nimbus", new TenantProperties.Tenant()));
        records = new StubTicketRecords();
        keys = new InMemorySubjectKeys();
        keys.link("acme", "t-1", new SubjectIdentity("C-1", "13800138000", null));
        fixture = new AggregateTestFixture<>(DataSubject.class);
        fixture.registerInjectableResource(new TenantDirectory(properties));
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource(new Retention(RetentionProperties.defaults()));
        fixture.registerInjectableResource((TicketRecords) records);
        fixture.registerInjectableResource(SubjectKeyring.of(keys));
    }

    static MetaData as(String tenant, String... roles) {
        return CallerMetaData.of(tenant, "wang-admin", "user", List.of(roles));
    }

    static Matcher<Object> refusal(String code) {
        return allOf(instanceOf(RefusedException.class), hasProperty("message", is(code)));
    }

    void archived(String ticketId, Instant at, boolean onHold) {
        records.tickets.put(ticketId, new RetainedTicket(ticketId, "acme", "N-" + ticketId, "repair", at, onHold, false));
    }

    @Test
    void a_tenant_admin_places_and_releases_a_subject_hold() {
        fixture.givenNoPriorActivity().when(new PlaceSubjectHold(SUBJECT, "litigation 2024-17"), as("acme", "TENANT_ADMIN"))
                .expectEvents(new SubjectHoldPlaced(SUBJECT, "acme", "litigation 2024-17", "wang-admin", NOW));
        fixture.given(new SubjectHoldPlaced(SUBJECT, "acme", "litigation", "wang-admin", NOW))
                .when(new ReleaseSubjectHold(SUBJECT, "settled"), as("acme", "TENANT_ADMIN"))
                .expectEvents(new SubjectHoldReleased(SUBJECT, "acme", "settled", "wang-admin", NOW));
    }

    @Test
    void holds_are_refused_without_reason_role_or_to_another_tenant_and_twice() {
        fixture.givenNoPriorActivity().when(new PlaceSubjectHold(SUBJECT, " "), as("acme", "TENANT_ADMIN"))
                .expectException(refusal("REASON_REQUIRED")).expectNoEvents();
        fixture.givenNoPriorActivity().when(new PlaceSubjectHold(SUBJECT, "x"), as("acme", "SUPERVISOR", "AUDITOR"))
                .expectException(refusal("ROLE_NOT_ALLOWED")).expectNoEvents();
        fixture.given(new SubjectHoldPlaced(SUBJECT, "acme", "litigation", "wang-admin", NOW))
                .when(new PlaceSubjectHold(SUBJECT, "again"), as("acme", "TENANT_ADMIN"))
                .expectException(refusal("ALREADY_ON_HOLD")).expectNoEvents();
        fixture.given(new SubjectHoldPlaced(SUBJECT, "acme", "litigation", "wang-admin", NOW))
                .when(new PlaceSubjectHold(SUBJECT, "x"), as("nimbus", "TENANT_ADMIN"))
                .expectException(refusal("SUBJECT_NOT_FOUND")).expectNoEvents();
        fixture.given(new DataSubjectErased(SUBJECT, "acme", "asked", List.of("t-1"), "wang-admin", NOW))
                .when(new PlaceSubjectHold(SUBJECT, "x"), as("acme", "TENANT_ADMIN"))
                .expectException(refusal("SUBJECT_ALREADY_ERASED")).expectNoEvents();
    }

    @Test
    void a_release_is_refused_without_a_hold_or_a_reason() {
        fixture.givenNoPriorActivity().when(new ReleaseSubjectHold(SUBJECT, "x"), as("acme", "TENANT_ADMIN"))
                .expectException(refusal("NOT_ON_HOLD")).expectNoEvents();
        fixture.given(new SubjectHoldPlaced(SUBJECT, "acme", "litigation", "wang-admin", NOW))
                .when(new ReleaseSubjectHold(SUBJECT, ""), as("acme", "TENANT_ADMIN"))
                .expectException(refusal("REASON_REQUIRED")).expectNoEvents();
        fixture.given(new SubjectHoldPlaced(SUBJECT, "acme", "litigation", "wang-admin", NOW))
                .when(new ReleaseSubjectHold(SUBJECT, "done"), as("acme", "AGENT"))
                .expectException(refusal("ROLE_NOT_ALLOWED")).expectNoEvents();
    }

    @Test
    void a_subject_past_retention_is_erased_and_its_keys_destroyed_by_the_tenant_or_the_platform() {
        archived("t-1", LONG_AGO, false);
        fixture.givenNoPriorActivity()
                .when(new EraseSubject(SUBJECT, "PIPL art. 47 request"), as("acme", "TENANT_ADMIN"))
                .expectEvents(new DataSubjectErased(SUBJECT, "acme", "PIPL art. 47 request", List.of("t-1"),
                        "wang-admin", NOW));
        assertThat(keys.shredded).as("after the commit, exactly the tickets checked")
                .containsExactly("subject " + SUBJECT + " [t-1]");
        fixture.given(new SubjectHoldPlaced(SUBJECT, "acme", "l", "wang-admin", NOW),
                        new SubjectHoldReleased(SUBJECT, "acme", "done", "wang-admin", NOW))
                .when(new EraseSubject(SUBJECT, "on the tenant's behalf"), as("acme", "PLATFORM_ADMIN"))
                .expectEvents(new DataSubjectErased(SUBJECT, "acme", "on the tenant's behalf", List.of("t-1"),
                        "wang-admin", NOW));
    }

    @Test
    void erasure_is_refused_inside_retention_before_archiving_and_on_any_hold_changing_nothing() {
        archived("t-1", NOW.minusSeconds(86_400), false);
        fixture.givenNoPriorActivity().when(new EraseSubject(SUBJECT, "asked"), as("acme", "TENANT_ADMIN"))
                .expectException(refusal("ERASURE_WITHIN_RETENTION")).expectNoEvents();
        archived("t-1", null, false);
        fixture.givenNoPriorActivity().when(new EraseSubject(SUBJECT, "asked"), as("acme", "TENANT_ADMIN"))
                .expectException(refusal("ERASURE_TICKET_NOT_ARCHIVED")).expectNoEvents();
        archived("t-1", LONG_AGO, true);
        fixture.givenNoPriorActivity().when(new EraseSubject(SUBJECT, "asked"), as("acme", "TENANT_ADMIN"))
                .expectException(refusal("ERASURE_ON_HOLD")).expectNoEvents();
        archived("t-1", LONG_AGO, false);
        fixture.given(new SubjectHoldPlaced(SUBJECT, "acme", "litigation", "wang-admin", NOW))
                .when(new EraseSubject(SUBJECT, "asked"), as("acme", "TENANT_ADMIN"))
                .expectException(refusal("ERASURE_ON_HOLD")).expectNoEvents();
        assertThat(keys.shredded).as("no key destroyed by a refused erasure").isEmpty();
    }

    @Test
    void erasure_is_refused_without_reason_role_or_twice() {
        archived("t-1", LONG_AGO, false);
        fixture.givenNoPriorActivity().when(new EraseSubject(SUBJECT, null), as("acme", "TENANT_ADMIN"))
                .expectException(refusal("REASON_REQUIRED")).expectNoEvents();
        fixture.givenNoPriorActivity().when(new EraseSubject(SUBJECT, "x"), as("acme", "PII_READER", "AUDITOR"))
                .expectException(refusal("ROLE_NOT_ALLOWED")).expectNoEvents();
        fixture.given(new DataSubjectErased(SUBJECT, "acme", "asked", List.of("t-1"), "wang-admin", NOW))
                .when(new EraseSubject(SUBJECT, "again"), as("acme", "TENANT_ADMIN"))
                .expectException(refusal("SUBJECT_ALREADY_ERASED")).expectNoEvents();
        assertThat(keys.shredded).isEmpty();
    }

    @Test
    void erasure_checks_every_ticket_linked_when_it_runs_not_a_list_taken_before() {
        archived("t-1", LONG_AGO, false);
        keys.link("acme", "t-3", new SubjectIdentity("C-1", null, null)); // registered after the lookup
        records.tickets.put("t-3", new RetainedTicket("t-3", "acme", "N-t-3", "repair", null, false, false));
        fixture.givenNoPriorActivity().when(new EraseSubject(SUBJECT, "asked"), as("acme", "TENANT_ADMIN"))
                .expectException(refusal("ERASURE_TICKET_NOT_ARCHIVED")).expectNoEvents();
        assertThat(keys.shredded).as("the open ticket's key survives, and so do the others").isEmpty();
        archived("t-3", LONG_AGO, false);
        fixture.givenNoPriorActivity().when(new EraseSubject(SUBJECT, "asked"), as("acme", "TENANT_ADMIN"))
                .expectEvents(new DataSubjectErased(SUBJECT, "acme", "asked", List.of("t-1", "t-3"), "wang-admin", NOW))
                .expectResultMessagePayload(List.of("t-1", "t-3"));
        assertThat(keys.shredded).containsExactly("subject " + SUBJECT + " [t-1, t-3]");
    }

    @Test
    void a_link_left_by_a_refused_registration_neither_blocks_nor_joins_the_erasure() {
        archived("t-1", LONG_AGO, false);
        keys.link("acme", "t-never-stored", new SubjectIdentity("C-1", null, null));
        fixture.givenNoPriorActivity().when(new EraseSubject(SUBJECT, "asked"), as("acme", "TENANT_ADMIN"))
                .expectEvents(new DataSubjectErased(SUBJECT, "acme", "asked", List.of("t-1"), "wang-admin", NOW));
        assertThat(keys.shredded).containsExactly("subject " + SUBJECT + " [t-1]");
    }

    @Test
    void another_tenant_cannot_act_on_a_subject_even_one_never_acted_on() {
        archived("t-1", LONG_AGO, false);
        fixture.givenNoPriorActivity().when(new EraseSubject(SUBJECT, "x"), as("nimbus", "TENANT_ADMIN"))
                .expectException(refusal("SUBJECT_NOT_FOUND")).expectNoEvents();
        fixture.givenNoPriorActivity().when(new EraseSubject(SUBJECT, "x"), as("nimbus", "PLATFORM_ADMIN"))
                .expectException(refusal("SUBJECT_NOT_FOUND")).expectNoEvents();
        fixture.givenNoPriorActivity().when(new PlaceSubjectHold(SUBJECT, "x"), as("nimbus", "TENANT_ADMIN"))
                .expectException(refusal("SUBJECT_NOT_FOUND")).expectNoEvents();
        fixture.givenNoPriorActivity().when(new ReleaseSubjectHold(SUBJECT, "x"), as("nimbus", "TENANT_ADMIN"))
                .expectException(refusal("SUBJECT_NOT_FOUND")).expectNoEvents();
        assertThat(keys.shredded).isEmpty();
    }
}
