package com.aftersales.privacy;

import com.aftersales.infra.tenancy.Tenant;
import com.aftersales.infra.tenancy.TenantConfiguration.RetentionPolicy;
import com.aftersales.refusal.Refusal;
import com.aftersales.refusal.RefusalCode;
import com.aftersales.refusal.RefusedException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * When an archived ticket's retention ends, and when its disposal runs. A complaint ticket is a
 * request that also holds a complaint form, so it is kept for the longer of the two periods.
 */
public final class Retention {

    /** Periods are compared on this day: a year and 12 months are equal, a month is at most 31 days. */
    private static final LocalDate REFERENCE = LocalDate.of(2001, 1, 1);

    private final RetentionProperties properties;

    public Retention(RetentionProperties properties) {
        this.properties = properties;
    }

    /** Refuses a tenant's policy that keeps either record kind for less than the legal minimum (a missing period is the minimum). */
    public void checkPolicy(RetentionPolicy policy) {
        if (policy == null) {
            return;
        }
        check("retention.requests", policy.requests(), properties.requestsMinimum());
        check("retention.complaintForms", policy.complaintForms(), properties.complaintFormsMinimum());
    }

    private static void check(String field, Period configured, Period minimum) {
        if (configured != null && shorter(configured, minimum)) { // none configured: the minimum
            Map<String, Object> arguments = new LinkedHashMap<>();
            arguments.put("field", field);
            arguments.put("minimum", minimum.toString());
            throw new RefusedException(new Refusal(RefusalCode.RETENTION_BELOW_LEGAL_MINIMUM, arguments));
        }
    }

    private static boolean shorter(Period period, Period than) {
        return REFERENCE.plus(period).isBefore(REFERENCE.plus(than));
    }

    /** The end of retention of a ticket archived at {@code archivedAt}, in the tenant's calendar. */
    public Instant retentionEnd(Tenant tenant, boolean complaint, Instant archivedAt) {
        RetentionPolicy policy = tenant.configuration().retention();
        Period period = longer(policy.requests(), properties.requestsMinimum());
        if (complaint) {
            period = longer(period, longer(policy.complaintForms(), properties.complaintFormsMinimum()));
        }
        return archivedAt.atZone(tenant.timeZone()).plus(period).toInstant();
    }

    /** The first daily disposal run at or after {@code retentionEnd}, in the tenant's zone. */
    public Instant disposalRun(Tenant tenant, Instant retentionEnd) {
        ZonedDateTime end = retentionEnd.atZone(tenant.timeZone());
        ZonedDateTime run = end.toLocalDate().atTime(properties.disposalTime()).atZone(tenant.timeZone());
        return (run.isBefore(end) ? run.plusDays(1) : run).toInstant();
    }

    private static Period longer(Period a, Period b) {
        if (a == null) {
            return b;
        }
        return shorter(a, b) ? b : a;
    }
}
