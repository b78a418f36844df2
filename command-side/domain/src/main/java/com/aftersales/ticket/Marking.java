package com.aftersales.ticket;

import com.aftersales.infra.tenancy.Tenant;
import com.aftersales.infra.tenancy.TenantConfiguration.BatchRule;
import com.aftersales.infra.tenancy.TenantConfiguration.MarkRules;
import com.aftersales.infra.tenancy.TenantConfiguration.RepeatRule;
import com.aftersales.ticket.BatchReplay.Decision;
import com.aftersales.ticket.BatchReplay.Outcome;
import com.aftersales.ticket.LifecycleEvents.TicketBatchFormed;
import com.aftersales.ticket.LifecycleEvents.TicketClassified;
import com.aftersales.ticket.LifecycleEvents.TicketMarked;
import com.aftersales.ticket.MarkKeys.Entry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.stereotype.Component;

/**
 * REPEAT and BATCH 特殊标记 at registration, by the tenant's rules as they are now (SPEC §3): the
 * events that follow a new ticket's {@code TicketOpened} in the same commit. Each rule appends the
 * ticket under its key ({@link MarkKeys}, one atomic key update) and decides from the entries before
 * it, so exactly one registration forms a batch however many arrive at once. A registration that is
 * not stored takes its entries back.
 */
@Component
public class Marking {

    /** The actor the rules act as: in the events they cause and the commands they send. */
    public static final String ACTOR = "mark-rules";
    static final String REPEAT = "repeat";
    static final String BATCH = "batch";
    private static final int REPEATS_KEPT = 20;
    private static final int BATCH_ENTRIES_KEPT = 200;

    private final MarkKeys keys;

    public Marking(MarkKeys keys) {
        this.keys = keys;
    }

    List<Object> atRegistration(Tenant tenant, String ticketId, Registration registration, Instant now) {
        MarkRules rules = tenant.configuration().marks();
        String model = registration.product() == null ? "" : MarkKey.text(registration.product().model());
        List<Object> events = new ArrayList<>();
        if (model.isEmpty()) {
            return events;
        }
        Set<Mark> marks = EnumSet.noneOf(Mark.class);
        String customer = MarkKey.customer(registration.customer());
        if (rules.repeat() != null && !customer.isEmpty()) {
            repeat(tenant, ticketId, registration, rules.repeat(), MarkKey.hash(customer + "|" + model), now)
                    .ifPresent(marked -> {
                        marks.addAll(marked.marks());
                        events.add(marked);
                    });
        }
        String fault = MarkKey.fault(registration.problem());
        if (rules.batch() != null && !fault.isEmpty()) {
            batch(tenant, ticketId, registration, rules.batch(), model, fault, marks, now, events);
        }
        return events;
    }

    private java.util.Optional<TicketMarked> repeat(Tenant tenant, String ticketId, Registration registration,
                                                    RepeatRule rule, String key, Instant now) {
        List<Entry> before = append(tenant.id(), REPEAT, key, ticketId, now, REPEATS_KEPT);
        Instant from = now.minus(rule.window());
        List<String> earlier = before.stream().filter(entry -> !entry.at().isBefore(from))
                .map(Entry::ticketId).filter(id -> !id.equals(ticketId)).distinct().toList();
        if (earlier.isEmpty()) {
            return java.util.Optional.empty();
        }
        String reason = "REPEAT: the same customer reported model " + registration.product().model().strip()
                + " again within " + rule.window() + " (earlier: " + String.join(", ", earlier) + ")";
        return java.util.Optional.of(new TicketMarked(ticketId, EnumSet.of(Mark.REPEAT), ACTOR, now, reason, earlier, null));
    }

    private void batch(Tenant tenant, String ticketId, Registration registration, BatchRule rule, String model,
                       String fault, Set<Mark> marks, Instant now, List<Object> events) {
        String key = MarkKey.hash(model + "|" + fault);
        List<Entry> entries = new ArrayList<>(append(tenant.id(), BATCH, key, ticketId, now,
                Math.max(BATCH_ENTRIES_KEPT, 3 * rule.threshold())));
        entries.add(new Entry(ticketId, now));
        Decision decision = BatchReplay.decide(entries, rule.window(), rule.threshold());
        if (decision.outcome() == Outcome.NONE) {
            return;
        }
        String raiseTo = raiseTo(tenant, rule);
        String displayModel = registration.product().model().strip();
        List<String> others = decision.members().stream().filter(id -> !id.equals(ticketId)).toList();
        String reason = reason(decision, displayModel, rule, raiseTo);
        marks.add(Mark.BATCH);
        events.add(new TicketMarked(ticketId, EnumSet.copyOf(marks), ACTOR, now, reason, others, decision.batchId()));
        if (BatchLinks.raises(tenant, registration.priority(), raiseTo)) {
            events.add(new TicketClassified(ticketId, registration.type(), raiseTo, null, ACTOR, now,
                    tenant.configurationVersion()));
        }
        if (decision.outcome() == Outcome.FORMED) {
            events.add(new TicketBatchFormed(ticketId, tenant.id(), decision.batchId(), displayModel, fault,
                    decision.members(), raiseTo, reason, now));
        }
    }

    /** The level the batch rule raises to; a rule naming none raises to the scheme's highest level. */
    static String raiseTo(Tenant tenant, BatchRule rule) {
        return rule.raiseTo() != null ? rule.raiseTo() : tenant.priorityScheme().codes().get(0);
    }

    static String reason(Decision decision, String model, BatchRule rule, String raiseTo) {
        String what = decision.outcome() == Outcome.FORMED
                ? decision.members().size() + " tickets of model " + model + " with the same fault within " + rule.window()
                        + " reached the threshold of " + rule.threshold()
                : "another ticket of model " + model + " with the same fault within " + rule.window()
                        + " of the batch forming";
        return "BATCH " + decision.batchId() + ": " + what + "; priority raised to " + raiseTo;
    }

    private List<Entry> append(String tenantId, String kind, String key, String ticketId, Instant now, int keep) {
        Entry entry = new Entry(ticketId, now);
        List<Entry> before = keys.append(tenantId, kind, key, entry, keep);
        CurrentUnitOfWork.ifStarted(unitOfWork -> unitOfWork.onRollback(
                rolledBack -> keys.remove(tenantId, kind, key, entry)));
        return before.stream().filter(Objects::nonNull).toList();
    }
}
