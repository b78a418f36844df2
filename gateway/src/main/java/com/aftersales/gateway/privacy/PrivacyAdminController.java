package com.aftersales.gateway.privacy;

import com.aftersales.access.Caller;
import com.aftersales.gateway.privacy.PrivacyRequests.ErasureRequest;
import com.aftersales.gateway.privacy.PrivacyResponses.ErasureRecorded;
import com.aftersales.gateway.problem.RefusalException;
import com.aftersales.infra.tenancy.Role;
import com.aftersales.infra.tenancy.TenantDirectory;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.util.Set;
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

    private final DataSubjects subjects;
    private final TenantDirectory tenants;

    public PrivacyAdminController(DataSubjects subjects, TenantDirectory tenants) {
        this.subjects = subjects;
        this.tenants = tenants;
    }

    @Operation(summary = "Erase a customer's personal data on a tenant's behalf", description = """
            PLATFORM_ADMIN. As the tenant's own erasure request; 404 TENANT_NOT_FOUND.""")
    @PostMapping("/api/v1/admin/tenants/{tenantId}/erasures")
    public Mono<ErasureRecorded> erase(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller,
                                       @PathVariable String tenantId, @RequestBody ErasureRequest request) {
        if (tenants.find(tenantId).isEmpty()) {
            return Mono.error(new RefusalException("TENANT_NOT_FOUND"));
        }
        Caller onBehalf = new Caller(tenantId, caller.actorId(), caller.actorKind(), Set.of(Role.PLATFORM_ADMIN.name()));
        return subjects.erase(onBehalf, request.probe(), request.reason());
    }
}
