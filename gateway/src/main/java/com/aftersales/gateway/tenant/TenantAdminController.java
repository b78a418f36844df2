package com.aftersales.gateway.tenant;

import com.aftersales.access.Caller;
import com.aftersales.gateway.problem.RefusalException;
import com.aftersales.gateway.security.TrustedIssuers;
import com.aftersales.gateway.tenant.TenantRequests.BindIdentityProviderRequest;
import com.aftersales.gateway.tenant.TenantRequests.RegisterTenantRequest;
import com.aftersales.gateway.tenant.TenantRequests.SuspendTenantRequest;
import com.aftersales.infra.tenancy.IdentityProvider;
import com.aftersales.infra.tenancy.Tenant;
import com.aftersales.infra.tenancy.TenantDirectory;
import com.aftersales.tenant.TenantCommands.BindIdentityProvider;
import com.aftersales.tenant.TenantCommands.ReactivateTenant;
import com.aftersales.tenant.TenantCommands.RegisterTenant;
import com.aftersales.tenant.TenantCommands.SuspendTenant;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.net.URI;
import java.util.Comparator;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Tenant onboarding for platform operators (PLATFORM_ADMIN): register, bind an identity provider,
 * suspend and reactivate. Answers show who a tenant is and its status, never its tickets.
 */
@RestController
@RequestMapping("/api/v1/admin/tenants")
public class TenantAdminController {

    private final TenantChanges changes;
    private final TenantDirectory directory;
    private final TrustedIssuers issuers;
    private final IssuerClaims claims;

    public TenantAdminController(TenantChanges changes, TenantDirectory directory, TrustedIssuers issuers,
                                 IssuerClaims claims) {
        this.changes = changes;
        this.directory = directory;
        this.issuers = issuers;
        this.claims = claims;
    }

    @Operation(summary = "Every tenant: profile, status and identity provider")
    @GetMapping
    public List<PlatformTenantResponse> list() {
        return directory.all().stream().sorted(Comparator.comparing(Tenant::id)).map(PlatformTenantResponse::of).toList();
    }

    @Operation(summary = "One tenant")
    @GetMapping("/{tenantId}")
    public ResponseEntity<PlatformTenantResponse> get(@PathVariable String tenantId) {
        Tenant tenant = existing(tenantId);
        return ResponseEntity.ok().eTag(Long.toString(tenant.version())).body(PlatformTenantResponse.of(tenant));
    }

    @Operation(summary = "Onboard a tenant", description = "201 with Location; 409 TENANT_ALREADY_EXISTS for a taken id.")
    @PostMapping
    public Mono<ResponseEntity<PlatformTenantResponse>> register(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller,
                                                                 @RequestBody RegisterTenantRequest request) {
        return Mono.fromSupplier(() -> new RegisterTenant(request.id(), request.profile(), request.startingConfiguration()))
                .flatMap(command -> changes.send(caller, request.id(), command))
                .map(change -> answer(change, HttpStatus.CREATED)
                        .location(URI.create("/api/v1/admin/tenants/" + request.id()))
                        .body(change.tenant().map(PlatformTenantResponse::of).orElse(null)));
    }

    @Operation(summary = "Bind the tenant's own identity provider", description = """
            Tokens of issuerUri with the audience become this tenant's only; roles are read from rolesClaim \
            (a dotted path allowed) and translated by roleMapping. 409 ISSUER_ALREADY_TRUSTED for the shared \
            issuer or another tenant's.""")
    @PutMapping("/{tenantId}/identity-provider")
    public Mono<ResponseEntity<PlatformTenantResponse>> bind(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller,
                                                             @PathVariable String tenantId,
                                                             @RequestBody BindIdentityProviderRequest request) {
        String previous = boundIssuer(existing(tenantId));
        IdentityProvider provider = request.provider();
        String issuer = provider.issuerUri();
        boolean taken = issuer != null && (issuers.isConfigured(issuer)
                || directory.boundTo(issuer).stream().anyMatch(other -> !other.id().equals(tenantId)));
        if (taken) {
            return Mono.error(new RefusalException("ISSUER_ALREADY_TRUSTED"));
        }
        if (issuer == null) { // refused by the aggregate as IDENTITY_PROVIDER_INVALID
            return perform(caller, tenantId, new BindIdentityProvider(tenantId, provider));
        }
        boolean rebinding = issuer.equals(previous);
        // the claim decides between two nodes binding one issuer at once; a failed bind gives it back
        return claims.claim(issuer, tenantId)
                .flatMap(held -> held ? perform(caller, tenantId, new BindIdentityProvider(tenantId, provider))
                        : Mono.error(new RefusalException("ISSUER_ALREADY_TRUSTED")))
                .onErrorResume(e -> (rebinding || e instanceof RefusalException refusal
                        && "ISSUER_ALREADY_TRUSTED".equals(refusal.refusal().code()))
                        ? Mono.error(e) : claims.release(issuer, tenantId).then(Mono.error(e)))
                .flatMap(answer -> rebinding ? Mono.just(answer) : claims.release(previous, tenantId).thenReturn(answer));
    }

    private static String boundIssuer(Tenant tenant) {
        return tenant.identityProvider() == null ? null : tenant.identityProvider().issuerUri();
    }

    @Operation(summary = "Go back to the shared identity provider")
    @DeleteMapping("/{tenantId}/identity-provider")
    public Mono<ResponseEntity<PlatformTenantResponse>> unbind(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller,
                                                               @PathVariable String tenantId) {
        String previous = boundIssuer(existing(tenantId));
        return perform(caller, tenantId, new BindIdentityProvider(tenantId, null))
                .flatMap(answer -> claims.release(previous, tenantId).thenReturn(answer));
    }

    @Operation(summary = "Suspend a tenant", description = "Its calls answer 403 TENANT_SUSPENDED; its data stays intact.")
    @PostMapping("/{tenantId}/suspension")
    public Mono<ResponseEntity<PlatformTenantResponse>> suspend(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller,
                                                                @PathVariable String tenantId,
                                                                @RequestBody SuspendTenantRequest request) {
        existing(tenantId);
        return perform(caller, tenantId, new SuspendTenant(tenantId, request.reason()));
    }

    @Operation(summary = "Reactivate a suspended tenant")
    @DeleteMapping("/{tenantId}/suspension")
    public Mono<ResponseEntity<PlatformTenantResponse>> reactivate(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller,
                                                                   @PathVariable String tenantId) {
        existing(tenantId);
        return perform(caller, tenantId, new ReactivateTenant(tenantId));
    }

    private Mono<ResponseEntity<PlatformTenantResponse>> perform(Caller caller, String tenantId, Object command) {
        return changes.send(caller, tenantId, command).map(change -> answer(change, HttpStatus.OK)
                .body(change.tenant().map(PlatformTenantResponse::of).orElse(null)));
    }

    /** The tenant as it is after the change, or 202 with the new version if the directory did not catch up in time. */
    private static ResponseEntity.BodyBuilder answer(TenantChanges.Change change, HttpStatus status) {
        return ResponseEntity.status(change.tenant().isPresent() ? status : HttpStatus.ACCEPTED)
                .eTag(Long.toString(change.version()));
    }

    private Tenant existing(String tenantId) {
        return directory.find(tenantId).orElseThrow(() -> new RefusalException("TENANT_NOT_FOUND"));
    }
}
