package com.aftersales.sla;

/**
 * Where a ticket reads its tenant's SLA policy and working calendar: the one port between the SLA
 * clocks and the tenant's configuration.
 */
public interface SlaSettings {

    SlaPolicy policy(String tenantId);

    WorkingCalendar calendar(String tenantId);
}
