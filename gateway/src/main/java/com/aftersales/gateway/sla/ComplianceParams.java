package com.aftersales.gateway.sla;

import com.aftersales.gateway.audit.RangeOrdered;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Pattern;
import java.time.YearMonth;

/** Query parameters of {@code GET /api/v1/sla/compliance}: one month, or a range of at most 24. */
public record ComplianceParams(
        @Schema(description = "One month, yyyy-MM, in the tenant's time zone; default: the current month", example = "2026-11")
        @Pattern(regexp = MONTH) String month,
        @Schema(description = "First month of a range, yyyy-MM; default: month, else to") @Pattern(regexp = MONTH) String from,
        @Schema(description = "Last month of a range, yyyy-MM, inclusive; default: month, else the current month")
        @Pattern(regexp = MONTH) String to) {

    static final String MONTH = "\\d{4}-(0[1-9]|1[0-2])";

    /** The last month asked for. */
    YearMonth last(YearMonth current) {
        return parse(to, parse(month, current));
    }

    YearMonth first(YearMonth current) {
        return parse(from, parse(month, last(current)));
    }

    /**
     * The order of a range given in full. A range that ends in the current month (no {@code to}, no
     * {@code month}) is checked by the controller, which knows the tenant's current month.
     */
    @RangeOrdered
    @Schema(hidden = true)
    public boolean isOrdered() {
        if (!valid()) {
            return true;
        }
        YearMonth end = parse(to, parse(month, null));
        return end == null || !parse(from, parse(month, end)).isAfter(end);
    }

    private boolean valid() {
        return matches(month) && matches(from) && matches(to);
    }

    private static boolean matches(String value) {
        return value == null || value.matches(MONTH);
    }

    private static YearMonth parse(String value, YearMonth otherwise) {
        return value == null ? otherwise : YearMonth.parse(value);
    }
}
