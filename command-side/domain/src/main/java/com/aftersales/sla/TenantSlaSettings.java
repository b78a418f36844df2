package com.aftersales.sla;

import com.aftersales.infra.tenancy.Tenant;
import com.aftersales.infra.tenancy.TenantConfiguration;
import com.aftersales.infra.tenancy.TenantDirectory;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The SLA settings of a tenant from its configuration (docs/sla.md): the policy from its {@code sla}
 * section ({@link SlaPolicySettings}), the calendar from its {@code calendar} section and time zone
 * ({@link CalendarSettings}). The one class that reads them; each is built once per configuration.
 */
public class TenantSlaSettings implements SlaSettings {

    /** Versions are effective from this date; every clock of a tenant before its own versions was computed with it. */
    static final LocalDate EFFECTIVE_FROM = CalendarSettings.EFFECTIVE_FROM;

    private final TenantDirectory tenants;
    private final Map<String, Built> built = new ConcurrentHashMap<>();

    public TenantSlaSettings(TenantDirectory tenants) {
        this.tenants = tenants;
    }

    @Override
    public SlaPolicy policy(String tenantId) {
        return settings(tenantId).policy();
    }

    @Override
    public WorkingCalendar calendar(String tenantId) {
        return settings(tenantId).calendar();
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

    private Built settings(String tenantId) {
        Tenant tenant = tenants.find(tenantId).orElseThrow(() -> new IllegalArgumentException("Unknown tenant " + tenantId));
        Built current = built.get(tenantId);
        if (current != null && current.zone().equals(tenant.timeZone())
                && (current.configuration() == tenant.configuration()
                || current.configuration().equals(tenant.configuration()))) {
            return current;
        }
        TenantConfiguration configuration = tenant.configuration();
        Built next = new Built(configuration, tenant.timeZone(),
                SlaPolicySettings.policy(configuration.priorityScheme(), configuration.sla()),
                CalendarSettings.calendar(tenant.timeZone(), configuration.calendar()));
        built.put(tenantId, next);
        return next;
    }

    private record Built(TenantConfiguration configuration, ZoneId zone, SlaPolicy policy, WorkingCalendar calendar) {
    }
}
