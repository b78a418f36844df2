package com.aftersales.sla;

import static com.aftersales.sla.SlaMetric.COMPLAINT_FEEDBACK;
import static com.aftersales.sla.SlaMetric.COMPLAINT_SECOND_RESULT;
import static com.aftersales.sla.SlaMetric.CUSTOMER_UPDATE;
import static com.aftersales.sla.SlaMetric.ESCALATION;
import static com.aftersales.sla.SlaMetric.FIRST_RESPONSE;
import static com.aftersales.sla.SlaMetric.SECOND_HANDLING;

import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The presets of SPEC §3 (response times of the three priority schemes) with the rules every
 * scheme shares: customer updates every 24 h, every 12 h for the two highest levels (§5); a second
 * handling's result within 3 working days (§6); a complaint's feedback form within 24 h and its
 * second result within 3 working days (§7); what its handler has not solved 24 h after accepting it
 * is escalated (§5). "Within N h" is calendar time; resolution has no
 * figure in the SPEC, so the presets set none (a tenant adds it).
 */
public final class SlaPolicies {

    /**
     * SPEC says "immediate" for the top level of the four-level scheme without a figure; a clock
     * needs one, so the preset counts 15 minutes (a tenant may change it).
     */
    public static final Duration IMMEDIATE = Duration.ofMinutes(15);

    private SlaPolicies() {
    }

    /** urgent 紧急 24 h, normal 一般 48 h, low 低 3 working days. */
    public static SlaPolicy urgentNormalLow() {
        return scheme("urgent-normal-low", List.of("urgent", "normal", "low"), List.of(
                SlaTarget.calendarHours(24), SlaTarget.calendarHours(48), SlaTarget.workingDays(3)));
    }

    /** P0 start handling within 1 h, P1 4 h, P2 24 h. */
    public static SlaPolicy p0ToP2() {
        return scheme("P0-P2", List.of("P0", "P1", "P2"), List.of(
                SlaTarget.calendarHours(1), SlaTarget.calendarHours(4), SlaTarget.calendarHours(24)));
    }

    /** P1 immediately, P2 4 h, P3 8 h, P4 24 h. */
    public static SlaPolicy p1ToP4() {
        return scheme("P1-P4", List.of("P1", "P2", "P3", "P4"), List.of(
                SlaTarget.calendar(IMMEDIATE), SlaTarget.calendarHours(4), SlaTarget.calendarHours(8),
                SlaTarget.calendarHours(24)));
    }

    public static List<SlaPolicy> all() {
        return List.of(urgentNormalLow(), p0ToP2(), p1ToP4());
    }

    private static SlaPolicy scheme(String name, List<String> levels, List<SlaTarget> firstResponse) {
        Map<String, Map<SlaMetric, SlaTarget>> targets = new LinkedHashMap<>();
        for (int i = 0; i < levels.size(); i++) {
            Map<SlaMetric, SlaTarget> level = new EnumMap<>(SlaMetric.class);
            level.put(FIRST_RESPONSE, firstResponse.get(i));
            level.put(CUSTOMER_UPDATE, SlaTarget.calendarHours(i < 2 ? 12 : 24));
            level.put(SECOND_HANDLING, SlaTarget.workingDays(3));
            level.put(COMPLAINT_FEEDBACK, SlaTarget.calendarHours(24));
            level.put(COMPLAINT_SECOND_RESULT, SlaTarget.workingDays(3));
            level.put(ESCALATION, SlaTarget.calendarHours(24));
            targets.put(levels.get(i), level);
        }
        return new SlaPolicy(name, targets, SlaPolicy.DEFAULT_WARNING_PERCENT);
    }
}
