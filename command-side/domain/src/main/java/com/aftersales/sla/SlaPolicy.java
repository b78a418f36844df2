package com.aftersales.sla;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A tenant's SLA targets per priority level and metric, and the share of a target after which a
 * clock warns. A metric without a target for a level runs no clock. {@code levels} is ordered from
 * the highest level down.
 */
public record SlaPolicy(String scheme, Map<String, Map<SlaMetric, SlaTarget>> levels, int warningPercent) {

    public static final int DEFAULT_WARNING_PERCENT = 80;

    public SlaPolicy {
        Objects.requireNonNull(scheme, "scheme");
        if (warningPercent < 1 || warningPercent > 100) {
            throw new IllegalArgumentException("The warning share is 1 to 100 %: " + warningPercent);
        }
        Map<String, Map<SlaMetric, SlaTarget>> copy = new LinkedHashMap<>();
        levels.forEach((level, targets) -> copy.put(level, Map.copyOf(new EnumMap<>(targets))));
        levels = java.util.Collections.unmodifiableMap(copy);
    }

    public Optional<SlaTarget> target(String level, SlaMetric metric) {
        return Optional.ofNullable(levels.get(level)).map(targets -> targets.get(metric));
    }

    public List<String> levelNames() {
        return List.copyOf(levels.keySet());
    }

    public boolean hasLevel(String level) {
        return levels.containsKey(level);
    }

    public SlaPolicy withWarningPercent(int percent) {
        return new SlaPolicy(scheme, levels, percent);
    }
}
