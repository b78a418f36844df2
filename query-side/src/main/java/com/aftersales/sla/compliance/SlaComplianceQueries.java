package com.aftersales.sla.compliance;

import java.time.YearMonth;
import java.util.List;

/** SLA compliance counts per tenant, month, priority level and metric (docs/sla.md, "Compliance"). */
public final class SlaComplianceQueries {

    private SlaComplianceQueries() {
    }

    /** The tenant's counts for the months {@code from} .. {@code to} (inclusive). */
    public record FindSlaCompliance(String tenantId, YearMonth from, YearMonth to) {

        /** The longest range one question may ask for. */
        public static final int MAX_MONTHS = 24;
    }

    /**
     * The clocks started in {@code month} (the tenant's time zone) at {@code priority} (the level they
     * count against now) for {@code metric}: {@code met}, {@code breached} and still {@code running}.
     */
    public record ComplianceRow(String month, String priority, String metric, long met, long breached, long running) {

        public long total() {
            return met + breached + running;
        }
    }

    /** Rows in month, priority and metric order; a combination without clocks has no row. */
    public record SlaCompliance(String from, String to, List<ComplianceRow> rows) {
    }
}
