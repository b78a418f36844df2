package com.aftersales.tenant;

import com.aftersales.infra.tenancy.TenantConfiguration;
import com.aftersales.infra.tenancy.TenantConfiguration.BatchRule;
import com.aftersales.infra.tenancy.TenantConfiguration.BusinessCalendar;
import com.aftersales.infra.tenancy.TenantConfiguration.Department;
import com.aftersales.infra.tenancy.TenantConfiguration.RepeatRule;
import com.aftersales.infra.tenancy.TenantConfiguration.RoutingRule;
import com.aftersales.infra.tenancy.TenantConfiguration.StaffMember;
import com.aftersales.refusal.Refusal;
import com.aftersales.refusal.RefusalCode;
import com.aftersales.refusal.RefusedException;
import com.aftersales.sla.CalendarSettings;
import com.aftersales.sla.SlaConfigurationException;
import com.aftersales.sla.SlaPolicySettings;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** What a tenant configuration must satisfy; a refusal names the first field that does not. */
final class TenantConfigurationRules {

    private static final String CODE = "[a-z0-9][a-z0-9-]{0,39}";
    private static final Duration LONGEST_WINDOW = Duration.ofDays(366);

    private TenantConfigurationRules() {
    }

    static void check(TenantConfiguration configuration) {
        String field = problem(configuration);
        if (field != null) {
            throw new RefusedException(Refusal.of(RefusalCode.TENANT_CONFIGURATION_INVALID, "field", field));
        }
        refuseSla(() -> {
            SlaPolicySettings.policy(configuration.priorityScheme(), configuration.sla());
            CalendarSettings.calendar(ZoneOffset.UTC, configuration.calendar());
        });
    }

    /** A calendar change keeps every version in force or that was; new versions start today or later. */
    static void checkCalendarChange(BusinessCalendar previous, BusinessCalendar next, Instant now) {
        refuseSla(() -> CalendarSettings.checkChange(previous, next, now));
    }

    private static void refuseSla(Runnable check) {
        try {
            check.run();
        } catch (SlaConfigurationException e) {
            Map<String, Object> arguments = new LinkedHashMap<>();
            arguments.put("field", e.field());
            if (e.value() != null) {
                arguments.put("value", e.value());
            }
            throw new RefusedException(new Refusal(e.code(), arguments));
        }
    }

    static String problem(TenantConfiguration c) {
        if (c.ticketTypes().isEmpty() || !codes(c.ticketTypes())) {
            return "ticketTypes";
        }
        if (!c.ticketTypes().containsAll(c.complaintTypes()) || !unique(c.complaintTypes())) {
            return "complaintTypes";
        }
        if (c.compensationCapPercent() < 0 || c.compensationCapPercent() > 100) {
            return "compensationCapPercent";
        }
        List<String> departments = c.departments().stream().map(Department::code).toList();
        if (!codes(departments)) {
            return "departments";
        }
        if (!staff(c.staff(), departments)) {
            return "staff";
        }
        if (!routing(c.routing(), c.ticketTypes(), departments)) {
            return "routing";
        }
        return marksProblem(c);
    }

    private static String marksProblem(TenantConfiguration c) {
        RepeatRule repeat = c.marks().repeat();
        if (repeat != null && !window(repeat.window())) {
            return "marks.repeat";
        }
        BatchRule batch = c.marks().batch();
        if (batch != null && (!window(batch.window()) || batch.threshold() < 2
                || (batch.raiseTo() != null && !c.priorityScheme().hasLevel(batch.raiseTo())))) {
            return "marks.batch";
        }
        return null;
    }

    private static boolean staff(List<StaffMember> staff, List<String> departments) {
        return unique(staff.stream().map(StaffMember::id).toList()) && staff.stream().allMatch(member ->
                member.id() != null && !member.id().isBlank() && member.id().length() <= 200
                        && departments.contains(member.department()));
    }

    private static boolean routing(List<RoutingRule> rules, List<String> types, List<String> departments) {
        return rules.stream().allMatch(rule -> (rule.ticketType() == null || types.contains(rule.ticketType()))
                && departments.contains(rule.department()))
                && unique(rules.stream().map(rule -> String.valueOf(rule.ticketType())).toList());
    }

    private static boolean window(Duration window) {
        return window != null && !window.isNegative() && !window.isZero() && window.compareTo(LONGEST_WINDOW) <= 0;
    }

    private static boolean codes(List<String> values) {
        return values.stream().allMatch(value -> value != null && value.matches(CODE)) && unique(values);
    }

    private static boolean unique(Collection<String> values) {
        Set<String> seen = new HashSet<>(values);
        return seen.size() == values.size();
    }
}
