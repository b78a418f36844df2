package com.aftersales.gateway.security;

import com.aftersales.infra.tenancy.IdentityProvider;
import com.aftersales.infra.tenancy.Tenant;
import com.aftersales.infra.tenancy.TenantDirectory;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JoseHeaderNames;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtIssuerReactiveAuthenticationManagerResolver;
import org.springframework.security.oauth2.server.resource.authentication.JwtReactiveAuthenticationManager;
import reactor.core.publisher.Mono;

/**
 * One JWT decoder per trusted issuer, chosen by the token's {@code iss}: an unknown issuer is
 * refused before any key is fetched. Each decoder checks signature (allow-listed algorithms only,
 * so neither {@code none} nor an HMAC "signed" with public key material passes), the JOSE
 * {@code typ} ({@code at+jwt} of RFC 9068, {@code JWT}, or none), a required {@code exp} and any
 * {@code nbf} within the configured clock skew, issuer, audience, subject and — for a tenant's own
 * IdP — that the token is for that tenant. Issuers come from configuration and from the tenant
 * directory: a tenant's own IdP bound through the admin API is trusted for that tenant only, with
 * its audience and claim mapping, from the moment the directory shows the binding.
 */
public final class TrustedIssuers {

    private final Map<String, ReactiveAuthenticationManager> managers = new HashMap<>();
    private final SecurityProperties properties;
    private final TenantDirectory tenants;
    /** Managers of tenants' own identity providers, by issuer, rebuilt when the binding changes. */
    private final Map<String, BoundManager> bound = new ConcurrentHashMap<>();
    /** Tenants bound to their own IdP by configuration ({@code aftersales.security.issuers[].tenant}). */
    private final Set<String> configuredOwners = new HashSet<>();

    public TrustedIssuers(SecurityProperties properties, List<SecurityProperties.Issuer> issuers, TenantDirectory tenants) {
        this.properties = properties;
        this.tenants = tenants;
        for (SecurityProperties.Issuer issuer : issuers) {
            if (managers.put(issuer.getIssuerUri(), manager(issuer, properties, properties.getAudience(), ClaimMapping.STANDARD)) != null) {
                throw new IllegalStateException("Issuer " + issuer.getIssuerUri() + " is configured twice; "
                        + "an issuer is either shared or bound to exactly one tenant");
            }
            if (issuer.getTenant() != null) {
                configuredOwners.add(issuer.getTenant());
            }
        }
    }

    public JwtIssuerReactiveAuthenticationManagerResolver resolver() {
        return new JwtIssuerReactiveAuthenticationManagerResolver(issuer -> Mono.justOrEmpty(managers.get(issuer))
                .switchIfEmpty(Mono.fromSupplier(() -> boundManager(issuer))));
    }

    /** Whether tokens of {@code issuerUri} are trusted by configuration (so no tenant may bind it). */
    public boolean isConfigured(String issuerUri) {
        return managers.containsKey(issuerUri);
    }

    /**
     * The manager of the one tenant that bound {@code issuer} as its own identity provider (none when
     * no tenant or several did): tokens of a provider bound after the start are trusted without one.
     */
    private ReactiveAuthenticationManager boundManager(String issuer) {
        List<Tenant> owners = tenants.boundTo(issuer);
        if (owners.size() != 1) {
            return null;
        }
        Tenant owner = owners.get(0);
        IdentityProvider provider = owner.identityProvider();
        BoundManager current = bound.get(issuer);
        if (current != null && current.tenant().equals(owner.id()) && current.provider().equals(provider)) {
            return current.manager();
        }
        SecurityProperties.Issuer settings = new SecurityProperties.Issuer();
        settings.setIssuerUri(provider.issuerUri());
        settings.setJwkSetUri(provider.jwkSetUri());
        settings.setTenant(owner.id());
        ReactiveAuthenticationManager manager = manager(settings, properties, provider.audience(),
                new ClaimMapping(provider.rolesClaim(), provider.roleMapping()));
        bound.put(issuer, new BoundManager(owner.id(), provider, manager));
        return manager;
    }

    private record BoundManager(String tenant, IdentityProvider provider, ReactiveAuthenticationManager manager) {
    }

    private ReactiveAuthenticationManager manager(SecurityProperties.Issuer issuer, SecurityProperties properties,
                                                  String audience, ClaimMapping mapping) {
        Consumer<Set<SignatureAlgorithm>> allowed =
                algorithms -> properties.getAlgorithms().forEach(name -> algorithms.add(SignatureAlgorithm.from(name)));
        // Nimbus's own typ check accepts only JWT or none; typ is checked by tokenType() instead
        NimbusReactiveJwtDecoder decoder = (issuer.getJwkSetUri() == null || issuer.getJwkSetUri().isBlank()
                ? NimbusReactiveJwtDecoder.withIssuerLocation(issuer.getIssuerUri())
                : NimbusReactiveJwtDecoder.withJwkSetUri(issuer.getJwkSetUri()))
                .jwsAlgorithms(allowed).validateType(false).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                tokenType(),
                new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull),
                new JwtTimestampValidator(properties.getClockSkew()),
                new JwtIssuerValidator(issuer.getIssuerUri()),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                        audiences -> audiences != null && audiences.contains(audience)),
                new JwtClaimValidator<String>(JwtClaimNames.SUB, subject -> subject != null && !subject.isBlank()),
                tenantClaim(issuer.getTenant())));
        JwtReactiveAuthenticationManager manager = new JwtReactiveAuthenticationManager(decoder);
        manager.setJwtAuthenticationConverter(jwt -> Mono.just(authentication(jwt, issuer.getTenant(), mapping)));
        return manager;
    }

    private static CallerAuthentication authentication(Jwt jwt, String boundTenant, ClaimMapping mapping) {
        var caller = TokenClaims.caller(jwt, boundTenant, mapping);
        Set<SimpleGrantedAuthority> authorities = new HashSet<>();
        caller.roles().forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
        return new CallerAuthentication(jwt, caller, authorities);
    }

    /** Whether the tenant's tokens come from its own IdP, bound by configuration or through the admin API. */
    private boolean hasOwnProvider(String tenantId) {
        return configuredOwners.contains(tenantId)
                || tenants != null && tenants.find(tenantId).map(tenant -> tenant.identityProvider() != null).orElse(false);
    }

    /**
     * The JOSE {@code typ}: an access token of RFC 9068 ({@code at+jwt}), a plain {@code JWT}, or
     * none. Anything else (an ID token profile, a DPoP proof, a security event…) is not an access
     * token for this API. Media types compare case-insensitively, with or without
     * {@code application/} (RFC 7515 §4.1.9).
     */
    private static OAuth2TokenValidator<Jwt> tokenType() {
        return jwt -> {
            Object type = jwt.getHeaders().get(JoseHeaderNames.TYP);
            String name = type instanceof String text ? text.toLowerCase(Locale.ROOT) : null;
            if (name != null && name.startsWith("application/")) {
                name = name.substring("application/".length());
            }
            boolean valid = type == null || "at+jwt".equals(name) || "jwt".equals(name);
            return valid ? OAuth2TokenValidatorResult.success()
                    : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "token type not accepted", null));
        };
    }

    /**
     * A bound issuer may not name another tenant; any tenant claim must be a well-formed id; a shared
     * issuer may not name a tenant that has its own identity provider (configured or bound through the admin API).
     */
    private OAuth2TokenValidator<Jwt> tenantClaim(String boundTenant) {
        return jwt -> {
            String claimed = jwt.getClaimAsString(TokenClaims.TENANT);
            boolean valid = claimed == null ? true : Tenant.isValidId(claimed)
                    && (boundTenant == null ? !hasOwnProvider(claimed) : boundTenant.equals(claimed));
            return valid ? OAuth2TokenValidatorResult.success()
                    : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "tenant claim not accepted", null));
        };
    }
}
