package com.aftersales.gateway.benchmark;

import com.aftersales.infra.tenancy.CallerMetaData;
import com.aftersales.infra.tenancy.Tenant;
import com.aftersales.ticket.LifecycleEvents.AssignmentAccepted;
import com.aftersales.ticket.LifecycleEvents.TicketAssigned;
import com.aftersales.ticket.LifecycleEvents.TicketClassified;
import com.aftersales.ticket.Registration;
import com.aftersales.ticket.Responsibility;
import com.aftersales.ticket.TicketAcknowledged;
import com.aftersales.ticket.TicketOpened;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;

/**
 * Seeds tickets in-process: the events the aggregate would have applied, with the metadata the
 * gateway and Axon put on them (caller from the token, correlation and trace ids), appended
 * through Axon's event store in batches. Registering 200,000 tickets over HTTP would take hours.
 * <p>
 * Each ticket is opened (its number from its registration day and a daily serial, 400 tickets a
 * day from 2025-01-01 in the tenant's time zone, so intake today never collides); then 30 % are
 * acknowledged, 25 % reclassified, 65 % assigned to a department and a handler, and 60 % of those
 * accepted: 35 % stay unassigned, 26 % assigned, 39 % in progress; about 2.6 events a ticket.
 * Each event is a commit of its own, as one command each would have made it. Deterministic: ticket
 * {@code i} of a tenant is always the same.
 */
final class TicketSeeder {

    static final int TICKETS_PER_DAY = 400;
    private static final int CHUNK = 500;
    private static final LocalDate FIRST_DAY = LocalDate.of(2025, 1, 1);
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final EventStore eventStore;

    TicketSeeder(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    static String ticketId(String tenant, long index) {
        return UUID.nameUUIDFromBytes(("bench/" + tenant + "/" + index).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** Appends tickets {@code from} (inclusive) to {@code to} of {@code tenant}; returns the events appended. */
    long seed(Tenant tenant, long from, long to) {
        SampleTickets samples = new SampleTickets(tenant.id());
        long events = 0;
        for (long chunk = from; chunk < to; chunk += CHUNK) {
            List<List<DomainEventMessage<?>>> histories = new ArrayList<>();
            for (long index = chunk; index < Math.min(to, chunk + CHUNK); index++) {
                histories.add(history(tenant, samples, index));
            }
            // one event of each ticket per round: no two consecutive events of one ticket, so each is its own commit
            List<DomainEventMessage<?>> batch = new ArrayList<>();
            for (int round = 0; ; round++) {
                int added = 0;
                for (List<DomainEventMessage<?>> history : histories) {
                    if (round < history.size()) {
                        batch.add(history.get(round));
                        added++;
                    }
                }
                if (added == 0) {
                    break;
                }
            }
            eventStore.publish(batch);
            events += batch.size();
        }
        return events;
    }

    private static List<DomainEventMessage<?>> history(Tenant tenant, SampleTickets samples, long index) {
        SplittableRandom random = new SplittableRandom(tenant.id().hashCode() * 1_000_003L + index);
        String ticketId = ticketId(tenant.id(), index);
        ZonedDateTime dayStart = FIRST_DAY.plusDays(index / TICKETS_PER_DAY).atStartOfDay(tenant.timeZone());
        Instant registeredAt = dayStart.toInstant().plusSeconds((index % TICKETS_PER_DAY) * 86_400L / TICKETS_PER_DAY);
        String number = tenant.ticketPrefix() + DAY.format(dayStart.toLocalDate()) + pad(index % TICKETS_PER_DAY + 1, tenant.serialDigits());
        String agent = tenant.id() + "-agent-" + pad(random.nextInt(40), 2);
        String supervisor = tenant.id() + "-supervisor-" + pad(random.nextInt(6), 2);
        Registration form = samples.registration(random, index, registeredAt);
        History history = new History(tenant.id(), ticketId);
        history.add(new TicketOpened(ticketId, tenant.id(), number, form, agent, registeredAt), agent, List.of("AGENT"),
                registeredAt);
        if (random.nextInt(100) < 30) {
            Instant at = registeredAt.plus(Duration.ofMinutes(3 + random.nextInt(30)));
            history.add(new TicketAcknowledged(ticketId, number, at.plus(Duration.ofHours(24)), form.channel(), agent, at),
                    agent, List.of("AGENT"), at);
        }
        String priority = form.priority();
        if (random.nextInt(100) < 25) {
            Instant at = registeredAt.plus(Duration.ofMinutes(40 + random.nextInt(60)));
            priority = samples.priority(random);
            history.add(new TicketClassified(ticketId, form.type(), priority, SampleTickets.pick(random, Responsibility.values()),
                    supervisor, at), supervisor, List.of("SUPERVISOR"), at);
        }
        if (random.nextInt(100) < 65) {
            Instant at = registeredAt.plus(Duration.ofMinutes(90 + random.nextInt(120)));
            String department = samples.departments().get(random.nextInt(samples.departments().size()));
            String handler = tenant.id() + "-handler-" + pad(random.nextInt(60), 3);
            history.add(new TicketAssigned(ticketId, department, handler, supervisor, at), supervisor,
                    List.of("SUPERVISOR"), at);
            if (random.nextInt(100) < 60) {
                Instant accepted = at.plus(Duration.ofMinutes(5 + random.nextInt(240)));
                boolean topTwo = tenant.priorityScheme().isOneOfTheTopTwo(priority);
                history.add(new AssignmentAccepted(ticketId, handler, topTwo, accepted), handler,
                        topTwo ? List.of("HANDLER", "SENIOR") : List.of("HANDLER"), accepted);
            }
        }
        return history.events;
    }

    /** A ticket's events so far, each with the metadata of the command that caused it. */
    private static final class History {
        final String tenant;
        final String ticketId;
        final List<DomainEventMessage<?>> events = new ArrayList<>();

        History(String tenant, String ticketId) {
            this.tenant = tenant;
            this.ticketId = ticketId;
        }

        void add(Object payload, String actor, List<String> roles, Instant at) {
            String commandId = UUID.randomUUID().toString();
            MetaData metaData = CallerMetaData.of(tenant, actor, "user", roles)
                    .and("correlationId", commandId).and("traceId", commandId);
            events.add(new GenericDomainEventMessage<>("Ticket", ticketId, events.size(), payload, metaData,
                    UUID.randomUUID().toString(), at));
        }
    }

    private static String pad(long value, int digits) {
        String text = Long.toString(value);
        return text.length() >= digits ? text : "0".repeat(digits - text.length()) + text;
    }
}
