package com.aftersales.ticket;

import com.aftersales.refusal.RefusalCode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.Test;

class TicketTest {

    static final Instant NOW = TicketFixtures.NOW;
    static final String ID = TicketFixtures.ID;

    RecordingNumbers numbers = new RecordingNumbers();
    FixtureConfiguration<Ticket> fixture = TicketFixtures.fixture(numbers);

    static MetaData caller(String tenant, String... roles) {
        return TicketFixtures.caller(tenant, roles);
    }

    static Matcher<Object> refusal(String code) {
        return TicketFixtures.refusal(code);
    }

    static TicketOpened opened() {
        return TicketFixtures.opened();
    }

    @Test
    void an_agent_registers_a_request_and_it_gets_the_next_number() {
        fixture.givenNoPriorActivity()
                .when(new OpenTicket(ID, WorkedExamples.airConditionerRepair()), caller("acme", "AGENT"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(opened(),
                        TicketFixtures.clockStarted(com.aftersales.sla.SlaMetric.FIRST_RESPONSE, 1, "urgent", NOW),
                        TicketFixtures.clockStarted(com.aftersales.sla.SlaMetric.CUSTOMER_UPDATE, 1, "urgent", NOW))
                .expectResultMessagePayload(2L);
    }

    @Test
    void a_supervisor_may_open_a_ticket_for_proactive_service() {
        fixture.givenNoPriorActivity()
                .when(new OpenTicket(ID, WorkedExamples.airConditionerRepair()), caller("acme", "SUPERVISOR"))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void a_handler_may_not_register_requests() {
        fixture.givenNoPriorActivity()
                .when(new OpenTicket(ID, WorkedExamples.airConditionerRepair()), caller("acme", "HANDLER", "AUDITOR"))
                .expectException(refusal(RefusalCode.ROLE_NOT_ALLOWED))
                .expectNoEvents();
        org.assertj.core.api.Assertions.assertThat(numbers.issued).isEmpty();
    }

    @Test
    void an_unknown_tenant_is_refused() {
        fixture.givenNoPriorActivity()
                .when(new OpenTicket(ID, WorkedExamples.airConditionerRepair()), caller("ghost", "AGENT"))
                .expectException(refusal(RefusalCode.TENANT_UNKNOWN))
                .expectNoEvents();
    }

    @Test
    void a_type_the_tenant_does_not_use_is_refused() {
        Registration registration = WorkedExamples.airConditionerRepair();
        Registration withType = new Registration(registration.channel(), "teleportation", registration.priority(),
                registration.customer(), registration.product(), registration.problem(), registration.attachments(),
                registration.expectedResolutionAt(), registration.emotion());
        fixture.givenNoPriorActivity()
                .when(new OpenTicket(ID, withType), caller("acme", "AGENT"))
                .expectException(refusal(RefusalCode.TICKET_TYPE_UNKNOWN))
                .expectNoEvents();
    }

    @Test
    void a_priority_outside_the_tenants_scheme_is_refused() {
        fixture.givenNoPriorActivity()
                .when(new OpenTicket(ID, WorkedExamples.airConditionerRepair()), caller("nimbus", "AGENT"))
                .expectException(refusal(RefusalCode.PRIORITY_UNKNOWN))
                .expectNoEvents();
    }

    @Test
    void a_registration_without_problem_description_or_contact_is_refused() {
        Registration example = WorkedExamples.airConditionerRepair();
        Registration noContact = new Registration(example.channel(), example.type(), example.priority(),
                new Registration.Customer("张*", null, null, null, null, false), example.product(), example.problem(),
                List.of(), null, null);
        fixture.givenNoPriorActivity()
                .when(new OpenTicket(ID, noContact), caller("acme", "AGENT"))
                .expectException(refusal(RefusalCode.REGISTRATION_INCOMPLETE))
                .expectNoEvents();
    }

    @Test
    void the_customer_is_told_the_number_and_the_promised_response_time() {
        Instant promised = NOW.plusSeconds(24 * 3600);
        fixture.given(opened())
                .when(new AcknowledgeTicket(ID, null, promised, Channel.PHONE), caller("acme", "AGENT"))
                .expectEvents(new TicketAcknowledged(ID, "20240520001", promised, Channel.PHONE, "li-agent", NOW))
                .expectResultMessagePayload(1L);
    }

    @Test
    void acknowledging_twice_is_refused() {
        Instant promised = NOW.plusSeconds(24 * 3600);
        fixture.given(opened(), new TicketAcknowledged(ID, "20240520001", promised, Channel.PHONE, "li-agent", NOW))
                .when(new AcknowledgeTicket(ID, null, promised, Channel.PHONE), caller("acme", "AGENT"))
                .expectException(refusal(RefusalCode.TICKET_ALREADY_ACKNOWLEDGED))
                .expectNoEvents();
    }

    @Test
    void an_acknowledgement_needs_a_promised_time_and_a_channel() {
        fixture.given(opened())
                .when(new AcknowledgeTicket(ID, null, null, Channel.PHONE), caller("acme", "AGENT"))
                .expectException(refusal(RefusalCode.ACKNOWLEDGEMENT_INCOMPLETE))
                .expectNoEvents();
    }

    @Test
    void a_handler_may_not_acknowledge() {
        fixture.given(opened())
                .when(new AcknowledgeTicket(ID, null, NOW, Channel.PHONE), caller("acme", "HANDLER"))
                .expectException(refusal(RefusalCode.ROLE_NOT_ALLOWED))
                .expectNoEvents();
    }

    @Test
    void another_tenants_ticket_is_answered_like_a_missing_one() {
        fixture.given(opened())
                .when(new AcknowledgeTicket(ID, null, NOW, Channel.PHONE), caller("nimbus", "AGENT", "MANAGER"))
                .expectException(refusal(RefusalCode.TICKET_NOT_FOUND))
                .expectNoEvents();
    }

    /** Numbers in the tenant's zone: 2024-05-20 09:30 Shanghai. */
    static final class RecordingNumbers implements TicketNumbers {
        final List<String> issued = new ArrayList<>();
        final Set<String> released = new java.util.HashSet<>();

        @Override
        public String next(String tenantId, Instant at) {
            String number = "2024052000" + (issued.size() + 1);
            issued.add(number);
            return number;
        }

        @Override
        public void release(String tenantId, String number, String reason) {
            released.add(number);
        }
    }
}
