package com.aftersales.infra.tenancy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Set;

/**
 * What a TENANT_ADMIN configures (SPEC §1, §3, §4): ticket and complaint types, the priority
 * scheme, the compensation cap, departments, staff, routing and the REPEAT/BATCH mark rules, and
 * the sections later capabilities fill (SLA policy, calendar, retention).
 */
public record TenantConfiguration(List<String> ticketTypes, List<String> complaintTypes, PriorityScheme priorityScheme,
                                  int compensationCapPercent, List<Department> departments, List<StaffMember> staff,
                                  List<RoutingRule> routing, MarkRules marks, SlaPolicy sla, BusinessCalendar calendar,
                                  RetentionPolicy retention) {

    public TenantConfiguration {
        ticketTypes = copy(ticketTypes);
        complaintTypes = copy(complaintTypes);
        priorityScheme = priorityScheme == null ? PriorityScheme.URGENT_NORMAL_LOW : priorityScheme;
        departments = copy(departments);
        staff = copy(staff);
        routing = copy(routing);
        marks = marks == null ? MarkRules.NONE : marks;
        sla = sla == null ? new SlaPolicy(List.of()) : sla;
        calendar = calendar == null ? BusinessCalendar.MONDAY_TO_FRIDAY : calendar;
        retention = retention == null ? RetentionPolicy.LEGAL_MINIMUM : retention;
    }

    /** The presets of the source documents: the first list of types, complaints, a 30 % cap. */
    public static TenantConfiguration defaults(PriorityScheme scheme) {
        return new TenantConfiguration(List.of("repair", "inquiry", "complaint", "return-exchange", "other"),
                List.of("complaint"), scheme, 30, List.of(), List.of(), List.of(), null, null, null, null);
    }

    private static <T> List<T> copy(List<T> values) {
        return values == null ? List.of() : List.copyOf(values);
    }

    /** A department 部门, e.g. {@code technical} 技术部. */
    public record Department(String code, String nameZh, String nameEn) {
    }

    /** A member of staff: the token subject they sign in as, their department, roles and seniority. */
    public record StaffMember(String id, String name, String department, Set<Role> roles, boolean senior) {
        public StaffMember {
            roles = roles == null ? Set.of() : Set.copyOf(roles);
        }
    }

    /** How a routing rule picks a person, if at all. */
    public enum Pick { DEPARTMENT_ONLY, ROUND_ROBIN, LEAST_OPEN_TICKETS }

    /** Tickets of {@code ticketType} (any type when null) go to {@code department}; {@code pick} says whether to a person too. */
    public record RoutingRule(String ticketType, String department, Pick pick) {
        public RoutingRule {
            pick = pick == null ? Pick.DEPARTMENT_ONLY : pick;
        }
    }

    /** REPEAT and BATCH (SPEC §3); a rule left null is off. */
    public record MarkRules(RepeatRule repeat, BatchRule batch) {
        public static final MarkRules NONE = new MarkRules(null, null);
    }

    /** Same customer, same product again within {@code window}. */
    public record RepeatRule(Duration window) {
    }

    /** {@code threshold} tickets of one model and fault within {@code window}; they are raised to {@code raiseTo}. */
    public record BatchRule(Duration window, int threshold, String raiseTo) {
    }

    /** Response and resolution targets per priority level (issue 12 fills and enforces them). */
    public record SlaPolicy(List<SlaTarget> targets) {
        public SlaPolicy {
            targets = copy(targets);
        }
    }

    public record SlaTarget(String priority, Duration respondWithin, Duration resolveWithin) {
    }

    /** Working days and holidays (issue 12 computes working time with it). */
    public record BusinessCalendar(Set<DayOfWeek> workingDays, List<LocalDate> holidays) {
        public static final BusinessCalendar MONDAY_TO_FRIDAY = new BusinessCalendar(Set.of(DayOfWeek.MONDAY,
                DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY), List.of());

        public BusinessCalendar {
            workingDays = workingDays == null ? Set.of() : Set.copyOf(workingDays);
            holidays = copy(holidays);
        }
    }

    /** How long archived records are kept (SPEC §8; issue 13 enforces it, never below the legal minimum). */
    public record RetentionPolicy(Period requests, Period complaintForms) {
        public static final RetentionPolicy LEGAL_MINIMUM = new RetentionPolicy(Period.ofYears(3), Period.ofYears(2));
    }
}
