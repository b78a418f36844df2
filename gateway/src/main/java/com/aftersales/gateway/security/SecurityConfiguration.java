package com.aftersales.gateway.security;

import com.aftersales.gateway.problem.ProblemWriter;
import com.aftersales.gateway.problem.Problems;
import com.aftersales.infra.tenancy.Role;
import com.aftersales.infra.tenancy.TenantDirectory;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;

/**
 * One filter chain: every API call needs a valid bearer token from a trusted issuer, and each
 * route names the roles that may use it. Health and info stay open for probes; metrics name
 * tenants and their volumes, so scrapers need a PLATFORM_ADMIN token.
 */
@Configuration
@EnableConfigurationProperties(SecurityProperties.class)
public class SecurityConfiguration {

    @Bean
    SecurityWebFilterChain api(ServerHttpSecurity http, TrustedIssuers issuers, CallerAccess access,
                               Problems problems, ProblemWriter writer) {
        ProblemResponses responses = new ProblemResponses(problems, writer, access);
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .pathMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**",
                                "/webjars/swagger-ui/**").permitAll()
                        .pathMatchers(HttpMethod.GET, "/api/v1/audit/jwks.json").permitAll()
                        // GraphQL (docs/graphql.md): the schema is public like the OpenAPI document;
                        // GraphiQL exists only with the development issuer; GET /graphql is the
                        // graphql-ws handshake, authenticated by the token in connection_init; each
                        // operation checks its own roles (OperationRoles)
                        .pathMatchers(HttpMethod.GET, "/graphql/schema", "/graphiql", "/graphiql/**").permitAll()
                        .pathMatchers(HttpMethod.GET, "/graphql").permitAll()
                        .pathMatchers(HttpMethod.POST, "/graphql").access(access.anyOf(Role.TICKET_READERS))
                        .pathMatchers("/actuator", "/actuator/prometheus", "/actuator/metrics/**").access(access.platform())
                        .pathMatchers("/api/v1/admin/**").access(access.platform())
                        // SPEC §8 (docs/privacy.md): holds and erasures are the tenant administrator's, an
                        // auditor reads holds and retention, an access request exports personal data
                        .pathMatchers(HttpMethod.GET, "/api/v1/privacy/tickets/*/retention")
                        .access(access.anyOf(EnumSet.of(Role.TENANT_ADMIN, Role.AUDITOR)))
                        .pathMatchers(HttpMethod.POST, "/api/v1/privacy/subjects/lookup")
                        .access(access.anyOf(EnumSet.of(Role.TENANT_ADMIN, Role.AUDITOR)))
                        .pathMatchers(HttpMethod.POST, "/api/v1/privacy/access-requests")
                        .access(access.anyOf(EnumSet.of(Role.PII_READER)))
                        .pathMatchers(HttpMethod.POST, "/api/v1/privacy/tickets/*/hold", "/api/v1/privacy/tickets/*/hold/release",
                                "/api/v1/privacy/subjects/hold", "/api/v1/privacy/subjects/hold/release",
                                "/api/v1/privacy/erasures")
                        .access(access.anyOf(EnumSet.of(Role.TENANT_ADMIN)))
                        .pathMatchers("/api/v1/tenant", "/api/v1/tenant/**").access(access.anyOf(EnumSet.of(Role.TENANT_ADMIN)))
                        .pathMatchers(HttpMethod.POST, "/api/v1/tickets").access(access.anyOf(Role.TICKET_OPENERS))
                        .pathMatchers(HttpMethod.GET, "/api/v1/tickets", "/api/v1/tickets/*")
                        .access(access.anyOf(Role.TICKET_READERS))
                        .pathMatchers(HttpMethod.GET, "/api/v1/tickets/*/timeline").access(access.anyOf(Role.TICKET_READERS))
                        .pathMatchers(HttpMethod.GET, "/api/v1/tickets/*/sla").access(access.anyOf(Role.TICKET_READERS))
                        .pathMatchers(HttpMethod.GET, "/api/v1/sla/compliance").access(access.anyOf(EnumSet.of(Role.SUPERVISOR, Role.MANAGER, Role.AUDITOR, Role.TENANT_ADMIN)))
                        .pathMatchers(HttpMethod.GET, "/api/v1/tickets/*/history/access").access(access.anyOf(EnumSet.of(Role.TENANT_ADMIN)))
                        .pathMatchers(HttpMethod.GET, "/api/v1/tickets/*/history", "/api/v1/tickets/*/history/**",
                                "/api/v1/audit/export").access(access.anyOf(Role.HISTORY_READERS))
                        .pathMatchers(HttpMethod.POST, "/api/v1/tickets/*/*", "/api/v1/tickets/*/plan/*",
                                "/api/v1/tickets/*/complaint-feedback/review")
                        .access(access.anyOf(Role.TICKET_WORKERS))
                        .pathMatchers(HttpMethod.PUT, "/api/v1/tickets/*/*").access(access.anyOf(Role.TICKET_WORKERS))
                        .anyExchange().denyAll())
                .oauth2ResourceServer(server -> server
                        .authenticationManagerResolver(issuers.resolver())
                        .authenticationEntryPoint(responses.unauthenticated())
                        .accessDeniedHandler(responses.forbidden()))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(responses.unauthenticated())
                        .accessDeniedHandler(responses.forbidden()))
                .build();
    }

    /**
     * Requests the firewall refuses ({@code ..}, encoded slashes, NUL in the path) answer 400 with a
     * problem detail like every other error, instead of an empty body.
     */
    @Bean
    ServerExchangeRejectedHandler rejectedExchanges(Problems problems, ProblemWriter writer) {
        return (exchange, rejected) -> writer.write(exchange,
                problems.problem(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST", ProblemWriter.locale(exchange)));
    }

    @Bean
    CallerAccess callerAccess(TenantDirectory tenants) {
        return new CallerAccess(tenants);
    }

    @Bean
    TrustedIssuers trustedIssuers(SecurityProperties properties, ObjectProvider<DevelopmentIssuer> developmentIssuer,
                                  TenantDirectory tenants) {
        List<SecurityProperties.Issuer> issuers = new ArrayList<>(properties.getIssuers());
        developmentIssuer.ifAvailable(issuer -> {
            SecurityProperties.Issuer trusted = new SecurityProperties.Issuer();
            trusted.setIssuerUri(issuer.issuerUri());
            trusted.setJwkSetUri(issuer.jwkSetUri());
            issuers.add(trusted);
        });
        return new TrustedIssuers(properties, issuers, tenants);
    }

    /** Refuses to start, before any bean is created, unless the issuers to trust are safely configured. */
    @Bean
    static BeanFactoryPostProcessor issuerPolicy(Environment environment) {
        return beanFactory -> IssuerPolicy.check(environment, beanFactory.getBeanClassLoader());
    }

    /**
     * The development issuer: an explicit opt-in, only on the embedded MongoDB (IssuerPolicy), and
     * only where mock-oauth2-server is on the classpath (not in the packaged jar).
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = IssuerPolicy.DEVELOPMENT_ISSUER, havingValue = "true")
    @ConditionalOnClass(name = IssuerPolicy.MOCK_OAUTH2_SERVER)
    static class DevelopmentIssuerConfiguration {

        @Bean(destroyMethod = "close")
        DevelopmentIssuer developmentIssuer(SecurityProperties properties) {
            return new DevelopmentIssuer(properties);
        }

        /** Its demo tenants: only here, so that no real deployment stores them. */
        @Bean
        DevelopmentTenants developmentTenants(CommandGateway commands, TenantDirectory tenants) {
            return new DevelopmentTenants(commands, tenants);
        }
    }
}
