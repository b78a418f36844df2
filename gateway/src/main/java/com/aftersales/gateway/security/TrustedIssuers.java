package com.aftersales.gateway.security;

import com.aftersales.infra.tenancy.Tenant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtIssuerReactiveAuthenticationManagerResolver;
import org.springframework.security.oauth2.server.resource.authentication.JwtReactiveAuthenticationManager;
import reactor.core.publisher.Mono;

/**
 * One JWT decoder per trusted issuer, chosen by the token's {@code iss}: an unknown issuer is
 * refused before any key is fetched. Each decoder checks signature (allow-listed algorithms only),
 * expiry, issuer, audience and — for a tenant's own IdP — that the token is for that tenant.
 */
public final class TrustedIssuers {

    private final Map<String, ReactiveAuthenticationManager> managers = new HashMap<>();

    public TrustedIssuers(SecurityProperties properties, List<SecurityProperties.Issuer> issuers) {
        for (SecurityProperties.Issuer issuer : issuers) {
            if (managers.put(issuer.getIssuerUri(), manager(issuer, properties)) != null) {
                throw new IllegalStateException("Issuer " + issuer.getIssuerUri() + " is configured twice; "
                        + "an issuer is either shared or bound to exactly one tenant");
            }
        }
    }

    public JwtIssuerReactiveAuthenticationManagerResolver resolver() {
        return new JwtIssuerReactiveAuthenticationManagerResolver(issuer -> Mono.justOrEmpty(managers.get(issuer)));
    }

    private static ReactiveAuthenticationManager manager(SecurityProperties.Issuer issuer, SecurityProperties properties) {
        Consumer<Set<SignatureAlgorithm>> allowed =
                algorithms -> properties.getAlgorithms().forEach(name -> algorithms.add(SignatureAlgorithm.from(name)));
        NimbusReactiveJwtDecoder decoder = issuer.getJwkSetUri() == null || issuer.getJwkSetUri().isBlank()
                ? NimbusReactiveJwtDecoder.withIssuerLocation(issuer.getIssuerUri()).jwsAlgorithms(allowed).build()
                : NimbusReactiveJwtDecoder.withJwkSetUri(issuer.getJwkSetUri()).jwsAlgorithms(allowed).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(issuer.getIssuerUri()),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                        audience -> audience != null && audience.contains(properties.getAudience())),
                new JwtClaimValidator<String>(JwtClaimNames.SUB, subject -> subject != null && !subject.isBlank()),
                tenantClaim(issuer.getTenant())));
        JwtReactiveAuthenticationManager manager = new JwtReactiveAuthenticationManager(decoder);
        manager.setJwtAuthenticationConverter(jwt -> Mono.just(authentication(jwt, issuer.getTenant())));
        return manager;
    }

    private static CallerAuthentication authentication(Jwt jwt, String boundTenant) {
        var caller = TokenClaims.caller(jwt, boundTenant);
        Set<SimpleGrantedAuthority> authorities = new HashSet<>();
        caller.roles().forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
        return new CallerAuthentication(jwt, caller, authorities);
    }

    /** A bound issuer may not name another tenant; any tenant claim must be a well-formed id. */
    private static OAuth2TokenValidator<Jwt> tenantClaim(String boundTenant) {
        return jwt -> {
            String claimed = jwt.getClaimAsString(TokenClaims.TENANT);
            boolean valid = claimed == null ? true : Tenant.isValidId(claimed)
                    && (boundTenant == null || boundTenant.equals(claimed));
            return valid ? OAuth2TokenValidatorResult.success()
                    : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "tenant claim not accepted", null));
        };
    }
}
