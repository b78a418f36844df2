package com.aftersales.ticket;

import com.aftersales.infra.tenancy.Role;
import com.aftersales.infra.tenancy.Tenant;
import com.aftersales.infra.tenancy.TenantConfiguration.Pick;
import com.aftersales.infra.tenancy.TenantConfiguration.RoutingRule;
import com.aftersales.infra.tenancy.TenantConfiguration.StaffMember;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Routing on classification (SPEC §4): the tenant's rule for the ticket type (else its rule for any
 * type) names the department and whether to pick a person. People are picked among the department's
 * staff who may lead (HANDLER or SUPERVISOR); for the two highest priority levels only seniors
 * (the {@code senior} flag, SENIOR or SUPERVISOR). The reason says which rule, among whom and why.
 */
@Component
public class Routing {

    record Decision(String department, String assigneeId, String reason) {
    }

    private final StaffRotation rotation;
    private final OpenTicketCounts openTickets;

    public Routing(StaffRotation rotation, OpenTicketCounts openTickets) {
        this.rotation = rotation;
        this.openTickets = openTickets;
    }

    Optional<Decision> decide(Tenant tenant, String type, String priority) {
        List<RoutingRule> rules = tenant.configuration().routing();
        Optional<RoutingRule> match = rules.stream().filter(rule -> type.equals(rule.ticketType())).findFirst()
                .or(() -> rules.stream().filter(rule -> rule.ticketType() == null).findFirst());
        return match.map(rule -> decide(tenant, rule, priority));
    }

    private Decision decide(Tenant tenant, RoutingRule rule, String priority) {
        String named = "rule " + (rule.ticketType() == null ? "any type" : rule.ticketType()) + " -> " + rule.department();
        if (rule.pick() == Pick.DEPARTMENT_ONLY) {
            return new Decision(rule.department(), null, named + ": department only");
        }
        boolean seniorsOnly = tenant.priorityScheme().isOneOfTheTopTwo(priority);
        List<StaffMember> eligible = tenant.configuration().staff().stream()
                .filter(member -> rule.department().equals(member.department()))
                .filter(member -> member.roles().contains(Role.HANDLER) || member.roles().contains(Role.SUPERVISOR))
                .filter(member -> !seniorsOnly || isSenior(member))
                .toList();
        String among = (seniorsOnly ? "seniors (priority " + priority + " is one of the top two) " : "") + "among "
                + eligible.stream().map(StaffMember::id).toList();
        if (eligible.isEmpty()) {
            return new Decision(rule.department(), null, named + ", " + rule.pick() + ": nobody eligible, "
                    + (seniorsOnly ? "no senior in the department" : "no handler in the department") + "; department only");
        }
        if (rule.pick() == Pick.ROUND_ROBIN) {
            // seniors and everyone take turns apart: a shared counter would skip people in either pool
            long turn = rotation.next(tenant.id(), rule.department() + (seniorsOnly ? "/seniors" : "/all"));
            StaffMember picked = eligible.get((int) Math.floorMod(turn, (long) eligible.size()));
            return new Decision(rule.department(), picked.id(), named + ", round robin " + among + ": turn " + turn
                    + " -> " + picked.id());
        }
        // counted once per member: the reason names the very count the pick was made on
        Map<String, Long> open = new HashMap<>();
        eligible.forEach(member -> open.put(member.id(), openTickets.openFor(tenant.id(), member.id())));
        StaffMember picked = eligible.stream().min(Comparator.comparingLong(member -> open.get(member.id()))).orElseThrow();
        return new Decision(rule.department(), picked.id(), named + ", least open tickets " + among + ": "
                + picked.id() + " with " + open.get(picked.id()) + " open");
    }

    private static boolean isSenior(StaffMember member) {
        return member.senior() || member.roles().contains(Role.SENIOR) || member.roles().contains(Role.SUPERVISOR);
    }
}
