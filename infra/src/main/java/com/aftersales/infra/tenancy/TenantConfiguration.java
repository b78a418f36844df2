package com.aftersales.infra.tenancy;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        sla = sla == null ? SlaPolicy.PRESET : sla;
        calendar = calendar == null ? BusinessCalendar.DEFAULT : calendar;
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

    /**
     * SLA targets (docs/sla.md): those of a preset ({@code URGENT_NORMAL_LOW}, {@code P0_P2}, {@code P1_P4};
     * by default the preset of the priority scheme), changed per level code and metric name
     * ({@code FIRST_RESPONSE}, {@code CUSTOMER_UPDATE}, {@code RESOLUTION}, {@code SECOND_HANDLING},
     * {@code COMPLAINT_FEEDBACK}, {@code COMPLAINT_SECOND_RESULT}, {@code ESCALATION}) by {@code levels}, and
     * the share of a target after which a clock warns (default 80 %). Empty: the scheme's preset.
     */
    public record SlaPolicy(String preset, Integer warningPercent, Map<String, Map<String, TimeLimit>> levels) {
        public static final SlaPolicy PRESET = new SlaPolicy(null, null, null);

        public SlaPolicy {
            Map<String, Map<String, TimeLimit>> copy = new LinkedHashMap<>();
            if (levels != null) {
                levels.forEach((level, targets) -> copy.put(level, targets == null ? Map.of()
                        : Collections.unmodifiableMap(new LinkedHashMap<>(targets))));
            }
            levels = Collections.unmodifiableMap(copy);
        }

        /**
         * Also reads the placeholder of configuration revision 1, {@code {"targets": [{priority,
         * respondWithin, resolveWithin}]}}: its figures become calendar-time FIRST_RESPONSE and RESOLUTION
         * targets of their level (none that is not positive or is over 366 days, which a target may not be).
         */
        @JsonCreator
        public static SlaPolicy read(@JsonProperty("preset") String preset,
                                     @JsonProperty("warningPercent") Integer warningPercent,
                                     @JsonProperty("levels") Map<String, Map<String, TimeLimit>> levels,
                                     @JsonProperty("targets") List<LegacySlaTarget> targets) {
            Map<String, Map<String, TimeLimit>> all = new LinkedHashMap<>();
            for (LegacySlaTarget legacy : targets == null ? List.<LegacySlaTarget>of() : targets) {
                Map<String, TimeLimit> level = all.computeIfAbsent(legacy.priority(), code -> new LinkedHashMap<>());
                legacy.limit(legacy.respondWithin()).ifPresent(limit -> level.put("FIRST_RESPONSE", limit));
                legacy.limit(legacy.resolveWithin()).ifPresent(limit -> level.put("RESOLUTION", limit));
            }
            if (levels != null) {
                levels.forEach((level, limits) -> all.computeIfAbsent(level, code -> new LinkedHashMap<>())
                        .putAll(limits == null ? Map.of() : limits));
            }
            all.values().removeIf(Map::isEmpty);
            return new SlaPolicy(preset, warningPercent, all);
        }

        @JsonIgnore
        public boolean isEmpty() {
            return preset == null && warningPercent == null && levels.isEmpty();
        }
    }

    /** A time limit: {@code amount} in calendar time (default), working time, or whole working days ({@code P3D}). */
    public record TimeLimit(Basis basis, Duration amount) {
        public enum Basis { CALENDAR, WORKING_TIME, WORKING_DAYS }

        public TimeLimit {
            basis = basis == null ? Basis.CALENDAR : basis;
        }
    }

    /** The SLA placeholder of configuration revision 1 (read only). */
    public record LegacySlaTarget(String priority, Duration respondWithin, Duration resolveWithin) {
        java.util.Optional<TimeLimit> limit(Duration amount) {
            boolean usable = amount != null && !amount.isNegative() && !amount.isZero()
                    && amount.compareTo(Duration.ofDays(366)) <= 0 && priority != null;
            return usable ? java.util.Optional.of(new TimeLimit(TimeLimit.Basis.CALENDAR, amount)) : java.util.Optional.empty();
        }
    }

    /**
     * The working calendar's versions after the one every tenant starts with (docs/sla.md): each in
     * force from its date until the next one's. Empty: the starting version only ({@code cn-1}, the
     * Chinese official calendar, in China's time zone; otherwise {@code weekdays-1}, Monday to Friday
     * 09:00-18:00 in the tenant's zone). A version in force, or that was, never changes: a change is a
     * new version. The {@code workingDays} and {@code holidays} of configuration revision 1 were never
     * applied and are ignored.
     */
    @JsonIgnoreProperties({"workingDays", "holidays"})
    public record BusinessCalendar(List<CalendarVersionSetting> versions) {
        public static final BusinessCalendar DEFAULT = new BusinessCalendar(List.of());

        public BusinessCalendar {
            versions = copy(versions);
        }
    }

    /**
     * One calendar version: {@code preset} {@code cn-official} (Asia/Shanghai, the State Council's
     * holidays and make-up days of {@code officialYears}, default 2025 and 2026) or {@code timeZone}
     * with its own days; {@code workingHours} per weekday ({@code "09:00-12:00"}; Monday to Friday
     * 09:00-12:00 and 13:30-18:00 for the preset unless given), the hours of a make-up working day
     * (Monday's unless given), {@code holidays} and {@code makeUpWorkingDays} 调休.
     */
    public record CalendarVersionSetting(String id, LocalDate effectiveFrom, String preset, String timeZone,
                                         Map<DayOfWeek, List<String>> workingHours, List<String> makeUpHours,
                                         List<LocalDate> holidays, List<LocalDate> makeUpWorkingDays,
                                         List<Integer> officialYears) {
        public CalendarVersionSetting {
            workingHours = workingHours == null || workingHours.isEmpty() ? Map.of()
                    : Collections.unmodifiableMap(new java.util.EnumMap<>(workingHours));
            holidays = copy(holidays);
            makeUpWorkingDays = copy(makeUpWorkingDays);
            officialYears = copy(officialYears);
            makeUpHours = makeUpHours == null ? null : List.copyOf(makeUpHours);
        }
    }

    /** How long archived records are kept (SPEC §8; issue 13 enforces it, never below the legal minimum). */
    public record RetentionPolicy(Period requests, Period complaintForms) {
        public static final RetentionPolicy LEGAL_MINIMUM = new RetentionPolicy(Period.ofYears(3), Period.ofYears(2));
    }
}
