package com.aftersales.gateway.tenant;

import com.aftersales.access.Caller;
import com.aftersales.gateway.problem.RefusalException;
import com.aftersales.infra.tenancy.Tenant;
import com.aftersales.infra.tenancy.TenantConfiguration;
import com.aftersales.infra.tenancy.TenantDirectory;
import com.aftersales.tenant.TenantCommands.ConfigureTenant;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The caller's own tenant, for its TENANT_ADMIN: the tenant comes from the token only, so no path
 * names one. A change applies to the next request on every node without a restart.
 */
@RestController
@RequestMapping("/api/v1/tenant")
public class TenantController {

    private static final Pattern VERSION = Pattern.compile("\"?(\\d{1,18})\"?");

    private final TenantChanges changes;
    private final TenantDirectory directory;

    private final ConfigurationInUse inUse;

    public TenantController(TenantChanges changes, TenantDirectory directory, ConfigurationInUse inUse) {
        this.changes = changes;
        this.directory = directory;
        this.inUse = inUse;
    }

    @Operation(summary = "Your tenant: profile and the configuration in force", description = "ETag: the tenant's version.")
    @GetMapping
    public ResponseEntity<TenantResponse> get(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller) {
        Tenant tenant = directory.find(caller.tenantId()).orElseThrow(() -> new RefusalException("TENANT_NOT_FOUND"));
        return ResponseEntity.ok().eTag(Long.toString(tenant.version())).body(TenantResponse.of(tenant));
    }

    @Operation(summary = "Replace your tenant's configuration", description = """
            Types, complaint types, priority scheme (3 or 4 levels with zh/en names, or a preset), compensation \
            cap, departments, staff, routing, REPEAT/BATCH rules, SLA policy, calendar, retention. If-Match (the \
            tenant's ETag) is required (428 IF_MATCH_REQUIRED): the whole configuration is replaced, so a change \
            made since is refused with 412 VERSION_MISMATCH instead of being overwritten. Dropping a priority level \
            or ticket type that open tickets still carry is refused (422 TENANT_CONFIGURATION_INVALID with field, \
            value and openTickets). Each \
            change is a TenantConfigured event with its actor and a new configurationVersion.""")
    @PutMapping("/configuration")
    public Mono<ResponseEntity<TenantResponse>> configure(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller,
                                                          @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                                          @RequestBody TenantConfiguration configuration) {
        return Mono.fromSupplier(() -> new ConfigureTenant(caller.tenantId(), expectedVersion(ifMatch), configuration))
                .doOnNext(command -> directory.find(caller.tenantId()).flatMap(tenant -> inUse.problem(tenant, configuration))
                        .ifPresent(refusal -> {
                            throw new RefusalException(refusal);
                        }))
                .flatMap(command -> changes.send(caller, caller.tenantId(), command))
                .map(change -> ResponseEntity.status(change.tenant().isPresent() ? HttpStatus.OK : HttpStatus.ACCEPTED)
                        .eTag(Long.toString(change.version()))
                        .body(change.tenant().map(TenantResponse::of).orElse(null)));
    }

    private static Long expectedVersion(String ifMatch) {
        if (ifMatch == null) {
            throw new RefusalException("IF_MATCH_REQUIRED");
        }
        if (ifMatch.trim().startsWith("W/")) {
            throw new RefusalException("VERSION_MISMATCH");
        }
        Matcher matcher = VERSION.matcher(ifMatch.trim());
        if (!matcher.matches()) {
            throw new RefusalException("IF_MATCH_INVALID");
        }
        return Long.parseLong(matcher.group(1));
    }
}
