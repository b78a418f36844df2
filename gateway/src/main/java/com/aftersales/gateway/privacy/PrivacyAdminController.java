package com.aftersales.gateway.privacy;

import com.aftersales.access.Caller;
import com.aftersales.gateway.privacy.PrivacyRequests.ErasureRequest;
import com.aftersales.gateway.privacy.PrivacyResponses.ErasureRecorded;
import com.aftersales.gateway.problem.RefusalException;
import com.aftersales.infra.tenancy.Role;
import com.aftersales.infra.tenancy.TenantDirectory;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import com.aftersales.refusal.Refusal;
import org.axonframework.commandhandling.CommandExecutionException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * An erasure request the platform carries out on a tenant's behalf (PLATFORM_ADMIN): the tenant is
 * the path's, as on every admin route; the erasure names the platform operator as its actor.
 */
@RestController
public class PrivacyAdminController {

    /** Shown in place of a withheld value in the localized message. */
    static final String WITHHELD = "…";

    private final DataSubjects subjects;
    private final TenantDirectory tenants;

    public PrivacyAdminController(DataSubjects subjects, TenantDirectory tenants) {
        this.subjects = subjects;
        this.tenants = tenants;
    }

    @Operation(summary = "Erase a customer's personal data on a tenant's behalf", description = """
            PLATFORM_ADMIN. As the tenant's own erasure request, but refusals name no ticket, date or subject \
            of the tenant (code only); 404 TENANT_NOT_FOUND.""")
    @PostMapping("/api/v1/admin/tenants/{tenantId}/erasures")
    public Mono<ErasureRecorded> erase(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller,
                                       @PathVariable String tenantId, @RequestBody ErasureRequest request) {
        if (tenants.find(tenantId).isEmpty()) {
            return Mono.error(new RefusalException("TENANT_NOT_FOUND"));
        }
        Caller onBehalf = new Caller(tenantId, caller.actorId(), caller.actorKind(), Set.of(Role.PLATFORM_ADMIN.name()));
        return subjects.erase(onBehalf, request.probe(), request.reason()).onErrorMap(this::withoutTenantData);
    }

    /**
     * The platform reads no tenant data: a refusal keeps its code, but the ticket numbers, dates and
     * subject it names are withheld (the tenant's own administrator sees them).
     */
    private Throwable withoutTenantData(Throwable error) {
        Refusal refusal = error instanceof RefusalException refused ? refused.refusal()
                : error instanceof CommandExecutionException executed
                        && executed.getDetails().orElse(null) instanceof Refusal details ? details : null;
        if (refusal == null || refusal.arguments().isEmpty()) {
            return error;
        }
        Map<String, Object> withheld = new LinkedHashMap<>();
        refusal.arguments().keySet().forEach(name -> withheld.put(name, WITHHELD));
        return new RefusalException(new Refusal(refusal.code(), withheld));
    }
}
