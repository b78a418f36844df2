package com.aftersales.sla;

import com.aftersales.infra.tenancy.PriorityScheme;
import com.aftersales.infra.tenancy.Tenant;
import com.aftersales.infra.tenancy.TenantDirectory;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The SLA settings of a tenant as the tenant directory has them today: the preset of its priority
 * scheme, and the official Chinese calendar for a tenant in China's time zone, otherwise Monday to
 * Friday 09:00–18:00 in its zone. The one class to change when the tenant configuration carries
 * its own SLA policy and calendar (issue 11).
 */
public class TenantSlaSettings implements SlaSettings {

    /** Versions are effective from this date; every clock of a tenant so far was computed with it. */
    static final LocalDate EFFECTIVE_FROM = LocalDate.of(2024, 1, 1);
    private static final Set<String> CHINA = Set.of("Asia/Shanghai", "Asia/Chongqing", "Asia/Harbin",
            "Asia/Urumqi", "PRC");

    private final TenantDirectory tenants;
    private final Map<String, WorkingCalendar> calendars = new ConcurrentHashMap<>();

    public TenantSlaSettings(TenantDirectory tenants) {
        this.tenants = tenants;
    }

    @Override
    public SlaPolicy policy(String tenantId) {
        PriorityScheme scheme = tenant(tenantId).priorityScheme();
        SlaPolicy preset = switch (scheme.preset() == null ? "" : scheme.preset()) {
            case "URGENT_NORMAL_LOW" -> SlaPolicies.urgentNormalLow();
            case "P1_P4" -> SlaPolicies.p1ToP4();
            case "P0_P2" -> SlaPolicies.p0ToP2();
            default -> scheme.levels().size() == 4 ? SlaPolicies.p1ToP4() : SlaPolicies.p0ToP2();
        };
        return onLevels(preset, scheme.levels().stream().map(PriorityScheme.PriorityLevel::code).toList());
    }

    /** A custom scheme takes the targets of the preset with as many levels, highest first, by position. */
    static SlaPolicy onLevels(SlaPolicy preset, List<String> codes) {
        List<String> presetLevels = preset.levelNames();
        if (presetLevels.equals(codes) || presetLevels.size() != codes.size()) {
            return preset;
        }
        Map<String, Map<SlaMetric, SlaTarget>> levels = new LinkedHashMap<>();
        for (int i = 0; i < codes.size(); i++) {
            levels.put(codes.get(i), preset.levels().get(presetLevels.get(i)));
        }
        return new SlaPolicy(preset.scheme(), levels, preset.warningPercent());
    }

    @Override
    public WorkingCalendar calendar(String tenantId) {
        ZoneId zone = tenant(tenantId).timeZone();
        return calendars.computeIfAbsent(zone.getId(), id -> WorkingCalendar.of(CHINA.contains(id)
                ? ChineseOfficialCalendar.preset("cn-1", EFFECTIVE_FROM)
                : CalendarVersion.builder("weekdays-1", EFFECTIVE_FROM, zone).weekdays("09:00-18:00").build()));
    }

    private Tenant tenant(String tenantId) {
        return tenants.find(tenantId).orElseThrow(() -> new IllegalArgumentException("Unknown tenant " + tenantId));
    }
}
