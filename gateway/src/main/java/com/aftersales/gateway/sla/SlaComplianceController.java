package com.aftersales.gateway.sla;

import com.aftersales.access.Caller;
import com.aftersales.gateway.problem.RefusalException;
import com.aftersales.infra.tenancy.Tenant;
import com.aftersales.infra.tenancy.TenantDirectory;
import com.aftersales.sla.compliance.SlaComplianceQueries.FindSlaCompliance;
import com.aftersales.sla.compliance.SlaComplianceQueries.SlaCompliance;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import java.lang.reflect.Method;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import org.axonframework.queryhandling.QueryGateway;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.support.WebExchangeBindException;
import reactor.core.publisher.Mono;

/** SLA compliance counts of the caller's tenant (docs/sla.md, "Compliance"). */
@RestController
public class SlaComplianceController {

    private final QueryGateway queries;
    private final TenantDirectory tenants;
    private final Clock clock;

    public SlaComplianceController(QueryGateway queries, TenantDirectory tenants, Clock clock) {
        this.queries = queries;
        this.tenants = tenants;
        this.clock = clock;
    }

    @Operation(summary = "SLA compliance 服务时限达成: clocks met, breached and still running per month, priority and metric",
            description = """
            SUPERVISOR, MANAGER, AUDITOR, TENANT_ADMIN. A clock counts in the month it started (the tenant's \
            time zone), at the level it counts against now: met (fulfilled by its due time), breached (a breach \
            recorded, or fulfilled late), running (neither yet). `month`, or `from`..`to` (at most 24 months); \
            a month, priority and metric without clocks has no row. From the compliance projection, which \
            follows the event stream (a fact is counted within moments).""")
    @ApiResponse(responseCode = "200", description = "The rows, by month, priority and metric")
    @ApiResponse(responseCode = "400", description = "VALIDATION_FAILED (month, from, to: yyyy-MM, to not before from, from not after the current month), MONTH_RANGE_TOO_LONG",
            content = @Content(mediaType = "application/problem+json"))
    @GetMapping("/api/v1/sla/compliance")
    public Mono<SlaCompliance> compliance(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller,
                                          @ParameterObject @Valid @ModelAttribute ComplianceParams params) {
        YearMonth current = YearMonth.now(clock.withZone(zone(caller.tenantId())));
        YearMonth first = params.first(current);
        YearMonth last = params.last(current);
        if (first.isAfter(last)) {
            return Mono.error(reversed(params));
        }
        if (ChronoUnit.MONTHS.between(first, last) >= FindSlaCompliance.MAX_MONTHS) {
            return Mono.error(new RefusalException("MONTH_RANGE_TOO_LONG"));
        }
        FindSlaCompliance query = new FindSlaCompliance(caller.tenantId(), first, last);
        return Mono.fromFuture(() -> queries.query(query, SlaCompliance.class));
    }

    /** The same VALIDATION_FAILED a reversed range given in full gets from {@link ComplianceParams#isOrdered()}. */
    private static WebExchangeBindException reversed(ComplianceParams params) {
        BeanPropertyBindingResult result = new BeanPropertyBindingResult(params, "complianceParams");
        result.addError(new FieldError("complianceParams", "ordered", false, false, new String[] {"RangeOrdered"},
                null, "to must be after from"));
        try {
            Method method = SlaComplianceController.class.getMethod("compliance", Caller.class, ComplianceParams.class);
            return new WebExchangeBindException(new MethodParameter(method, 1), result);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The tenant's zone decides the current month. A token of a tenant not known is refused before
     * it gets here; should the directory still lack it, the question is refused, not answered in UTC.
     */
    private ZoneId zone(String tenantId) {
        return tenants.find(tenantId).map(Tenant::timeZone).orElseThrow(() -> new RefusalException("TENANT_NOT_FOUND"));
    }
}
