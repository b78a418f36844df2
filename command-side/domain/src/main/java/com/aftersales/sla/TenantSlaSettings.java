package com.aftersales.sla;

import com.aftersales.infra.tenancy.Tenant;
import com.aftersales.infra.tenancy.TenantDirectory;
import java.time.LocalDate;
import java.time.ZoneId;
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
        return switch (tenant(tenantId).priorityScheme()) {
            case URGENT_NORMAL_LOW -> SlaPolicies.urgentNormalLow();
            case P0_P2 -> SlaPolicies.p0ToP2();
            case P1_P4 -> SlaPolicies.p1ToP4();
        };
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
