package com.aftersales.sla;

import com.aftersales.infra.tenancy.PriorityScheme;
import com.aftersales.infra.tenancy.TenantConfiguration;
import com.aftersales.infra.tenancy.TenantConfiguration.TimeLimit;
import com.aftersales.refusal.RefusalCode;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A tenant's SLA policy from its configuration's {@code sla} section: the preset (named, or the one of
 * its priority scheme) laid on the scheme's levels, then the section's targets per level and metric,
 * then its warning share. An empty section gives the scheme's preset, as before the section existed.
 */
public final class SlaPolicySettings {

    /** No target is longer than a year; a longer one is a typo, not a service level. */
    static final Duration LONGEST = Duration.ofDays(366);

    private SlaPolicySettings() {
    }

    /** The policy; a section that cannot be one is refused with {@link SlaConfigurationException}. */
    public static SlaPolicy policy(PriorityScheme scheme, TenantConfiguration.SlaPolicy section) {
        SlaPolicy policy = TenantSlaSettings.onLevels(preset(scheme, section.preset()), scheme.codes());
        if (section.preset() != null && !policy.levelNames().equals(scheme.codes())) {
            throw new SlaConfigurationException(RefusalCode.SLA_PRESET_UNKNOWN, "sla.preset", section.preset());
        }
        Map<String, Map<SlaMetric, SlaTarget>> levels = new LinkedHashMap<>();
        policy.levels().forEach((level, targets) -> {
            Map<SlaMetric, SlaTarget> copy = new EnumMap<>(SlaMetric.class);
            copy.putAll(targets);
            levels.put(level, copy);
        });
        section.levels().forEach((level, targets) -> override(levels, scheme, level, targets));
        int warning = section.warningPercent() == null ? policy.warningPercent() : section.warningPercent();
        if (warning < 1 || warning > 100) {
            throw new SlaConfigurationException(RefusalCode.SLA_WARNING_PERCENT_INVALID, "sla.warningPercent",
                    String.valueOf(warning));
        }
        return new SlaPolicy(policy.scheme(), levels, warning);
    }

    private static SlaPolicy preset(PriorityScheme scheme, String name) {
        if (name == null) {
            return switch (scheme.preset() == null ? "" : scheme.preset()) {
                case "URGENT_NORMAL_LOW" -> SlaPolicies.urgentNormalLow();
                case "P1_P4" -> SlaPolicies.p1ToP4();
                case "P0_P2" -> SlaPolicies.p0ToP2();
                default -> scheme.levels().size() == 4 ? SlaPolicies.p1ToP4() : SlaPolicies.p0ToP2();
            };
        }
        return switch (name) {
            case "URGENT_NORMAL_LOW" -> SlaPolicies.urgentNormalLow();
            case "P0_P2" -> SlaPolicies.p0ToP2();
            case "P1_P4" -> SlaPolicies.p1ToP4();
            default -> throw new SlaConfigurationException(RefusalCode.SLA_PRESET_UNKNOWN, "sla.preset", name);
        };
    }

    private static void override(Map<String, Map<SlaMetric, SlaTarget>> levels, PriorityScheme scheme, String level,
                                 Map<String, TimeLimit> targets) {
        if (!scheme.hasLevel(level)) {
            throw new SlaConfigurationException(RefusalCode.SLA_LEVEL_UNKNOWN, "sla.levels", level);
        }
        targets.forEach((name, limit) -> {
            SlaMetric metric = Arrays.stream(SlaMetric.values()).filter(m -> m.name().equals(name)).findFirst()
                    .orElseThrow(() -> new SlaConfigurationException(RefusalCode.SLA_METRIC_UNKNOWN,
                            "sla.levels." + level, name));
            levels.get(level).put(metric, target(limit, "sla.levels." + level + "." + name));
        });
    }

    static SlaTarget target(TimeLimit limit, String field) {
        if (limit == null || limit.amount() == null || limit.amount().isNegative() || limit.amount().isZero()
                || limit.amount().compareTo(LONGEST) > 0) {
            throw new SlaConfigurationException(RefusalCode.SLA_TARGET_INVALID, field, null);
        }
        try {
            return new SlaTarget(TimeBasis.valueOf(limit.basis().name()), limit.amount());
        } catch (IllegalArgumentException notWholeDays) {
            throw new SlaConfigurationException(RefusalCode.SLA_TARGET_INVALID, field, null);
        }
    }
}
