package com.aftersales.ticket;

import static com.aftersales.infra.tenancy.Role.AGENT;
import static com.aftersales.infra.tenancy.Role.HANDLER;
import static com.aftersales.infra.tenancy.Role.MANAGER;
import static com.aftersales.infra.tenancy.Role.SUPERVISOR;
import static com.aftersales.ticket.TicketStatus.ASSIGNED;
import static com.aftersales.ticket.TicketStatus.IN_PROGRESS;
import static com.aftersales.ticket.TicketStatus.REGISTERED;
import static com.aftersales.ticket.TicketStatus.RETURNED_FOR_INFORMATION;

import com.aftersales.access.Caller;
import com.aftersales.infra.tenancy.Role;
import com.aftersales.refusal.Refusal;
import com.aftersales.refusal.RefusalCode;
import com.aftersales.refusal.RefusedException;
import com.aftersales.ticket.LifecycleCommands.AcceptAssignment;
import com.aftersales.ticket.LifecycleCommands.AddCoHandler;
import com.aftersales.ticket.LifecycleCommands.AssignTicket;
import com.aftersales.ticket.LifecycleCommands.ClassifyTicket;
import com.aftersales.ticket.LifecycleCommands.MarkTicket;
import com.aftersales.ticket.LifecycleCommands.ReassignTicket;
import com.aftersales.ticket.LifecycleCommands.SendBackForInformation;
import com.aftersales.ticket.LifecycleCommands.SupplyInformation;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The ticket's state machine as data: for each command, the states it may act in, the roles that
 * may send it, and the state it leads to. The aggregate checks every command against it, and
 * docs/lifecycle.md is generated from it (a test fails when the two differ).
 */
public final class TicketLifecycle {

    /** One command's rule; {@code to} is null when the command leaves the state as it is. */
    public record Transition(Class<?> command, Set<TicketStatus> from, Set<Role> roles, TicketStatus to,
                             String meaning) {
    }

    private static final Set<TicketStatus> OPEN = EnumSet.of(REGISTERED, ASSIGNED, IN_PROGRESS, RETURNED_FOR_INFORMATION);

    public static final List<Transition> TRANSITIONS = List.of(
            new Transition(OpenTicket.class, EnumSet.noneOf(TicketStatus.class), Role.TICKET_OPENERS, REGISTERED,
                    "register a request 需求登记"),
            new Transition(AcknowledgeTicket.class, OPEN, Role.TICKET_OPENERS, null,
                    "tell the customer the number and promised response time 受理确认 (once)"),
            new Transition(ClassifyTicket.class, OPEN, EnumSet.of(AGENT, SUPERVISOR, MANAGER), null,
                    "set type, priority and responsibility 分类与优先级"),
            new Transition(MarkTicket.class, OPEN, EnumSet.of(AGENT, SUPERVISOR, MANAGER), null,
                    "set VIP / REPEAT / BATCH marks 特殊标记"),
            new Transition(AssignTicket.class, EnumSet.of(REGISTERED), EnumSet.of(AGENT, SUPERVISOR, MANAGER), ASSIGNED,
                    "route to a department and a person 责任分配"),
            new Transition(ReassignTicket.class, EnumSet.of(ASSIGNED, IN_PROGRESS, RETURNED_FOR_INFORMATION),
                    EnumSet.of(SUPERVISOR, MANAGER), ASSIGNED, "move to another department or person, with a reason"),
            new Transition(AddCoHandler.class, EnumSet.of(ASSIGNED, IN_PROGRESS), EnumSet.of(SUPERVISOR, MANAGER), null,
                    "add a handler to a task force 专项小组"),
            new Transition(AcceptAssignment.class, EnumSet.of(ASSIGNED), EnumSet.of(HANDLER, SUPERVISOR), IN_PROGRESS,
                    "the assignee confirms receipt; the two highest levels need a SENIOR or SUPERVISOR"),
            new Transition(SendBackForInformation.class, EnumSet.of(ASSIGNED, IN_PROGRESS), EnumSet.of(HANDLER, SUPERVISOR),
                    RETURNED_FOR_INFORMATION, "the assignee asks intake for missing details"),
            new Transition(SupplyInformation.class, EnumSet.of(RETURNED_FOR_INFORMATION), EnumSet.of(AGENT, SUPERVISOR, MANAGER),
                    ASSIGNED, "intake supplies the details; back to the assignee"));

    private TicketLifecycle() {
    }

    public static Transition of(Class<?> command) {
        return TRANSITIONS.stream().filter(t -> t.command().equals(command)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No lifecycle rule for " + command.getSimpleName()));
    }

    /** Refuses the command unless the caller's roles and the ticket's state allow it. */
    static void check(Class<?> command, TicketStatus status, Caller caller) {
        Transition transition = of(command);
        caller.requireAnyOf(transition.roles());
        if (!transition.from().contains(status)) {
            throw new RefusedException(new Refusal(RefusalCode.TICKET_STATE_CONFLICT,
                    java.util.Map.of("ticketStatus", status.name())));
        }
    }
}
