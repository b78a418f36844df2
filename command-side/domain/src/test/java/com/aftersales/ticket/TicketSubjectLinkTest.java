package com.aftersales.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftersales.infra.privacy.SubjectKeys.SubjectIdentity;
import com.aftersales.refusal.RefusalCode;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

/** Registration puts the ticket's personal data under its customer's keys (docs/privacy.md). */
class TicketSubjectLinkTest {

    final InMemorySubjectKeys subjects = new InMemorySubjectKeys();
    final FixtureConfiguration<Ticket> fixture = TicketFixtures.fixture(new TicketTest.RecordingNumbers(), subjects);

    @Test
    void a_registration_links_the_ticket_to_its_customers_subject() {
        Registration registration = WorkedExamples.airConditionerRepair();
        fixture.givenNoPriorActivity()
                .when(new OpenTicket("t-1", registration), TicketFixtures.caller("acme", "AGENT"))
                .expectSuccessfulHandlerExecution();

        Registration.Customer customer = registration.customer();
        String subject = subjects.subjectOfTicket("acme", "t-1").orElseThrow();
        assertThat(subjects.find("acme", new SubjectIdentity(null, customer.phone(), null))).containsExactly(subject);
        assertThat(subjects.ticketsOf("acme", subject)).containsExactly("t-1");
        assertThat(subjects.subjectOfTicket("nimbus", "t-1")).isEmpty();
    }

    @Test
    void a_second_registration_of_the_same_customer_joins_the_same_subject() {
        Registration registration = WorkedExamples.airConditionerRepair();
        fixture.givenNoPriorActivity()
                .when(new OpenTicket("t-1", registration), TicketFixtures.caller("acme", "AGENT"))
                .expectSuccessfulHandlerExecution();
        FixtureConfiguration<Ticket> second = TicketFixtures.fixture(new TicketTest.RecordingNumbers(), subjects);
        second.givenNoPriorActivity()
                .when(new OpenTicket("t-2", registration), TicketFixtures.caller("acme", "AGENT"))
                .expectSuccessfulHandlerExecution();

        String subject = subjects.subjectOfTicket("acme", "t-1").orElseThrow();
        assertThat(subjects.subjectOfTicket("acme", "t-2")).contains(subject);
        assertThat(subjects.ticketsOf("acme", subject)).containsExactly("t-1", "t-2");
    }

    @Test
    void a_refused_registration_links_nothing() {
        fixture.givenNoPriorActivity()
                .when(new OpenTicket("t-1", WorkedExamples.airConditionerRepair()),
                        TicketFixtures.caller("acme", "HANDLER"))
                .expectException(TicketFixtures.refusal(RefusalCode.ROLE_NOT_ALLOWED))
                .expectNoEvents();

        assertThat(subjects.subjectOfTicket("acme", "t-1")).isEmpty();
    }
}
