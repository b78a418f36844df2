package com.aftersales.gateway.security;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

/**
 * Which issuers the service may trust, decided from configuration before any bean exists: it
 * refuses to start rather than trust no issuer, and never runs the development issuer (which
 * mints any tenant and role) next to a configured MongoDB, i.e. real data.
 */
final class IssuerPolicy {

    static final String MONGO_URI = "aftersales.mongo.uri";
    static final String ISSUERS = "aftersales.security.issuers";
    static final String DEVELOPMENT_ISSUER = "aftersales.security.development-issuer.enabled";
    /** Left out of the packaged jar (an optional dependency), present under spring-boot:run and in tests. */
    static final String MOCK_OAUTH2_SERVER = "no.nav.security.mock.oauth2.MockOAuth2Server";

    private IssuerPolicy() {
    }

    /** @throws IllegalStateException saying what is wrong and what to configure */
    static void check(Environment environment, ClassLoader classLoader) {
        boolean mongoConfigured = !environment.getProperty(MONGO_URI, "").isBlank();
        boolean development = environment.getProperty(DEVELOPMENT_ISSUER, Boolean.class, false);
        boolean issuersConfigured = Binder.get(environment)
                .bind(ISSUERS, Bindable.listOf(SecurityProperties.Issuer.class))
                .map(issuers -> !issuers.isEmpty())
                .orElse(false);
        if (development && mongoConfigured) {
            throw refused("the development issuer (" + DEVELOPMENT_ISSUER + "=true) mints tokens for any tenant "
                    + "and role, and " + MONGO_URI + " is configured: it is never trusted next to real data. Remove "
                    + "the opt-in and configure " + ISSUERS + ", or unset " + MONGO_URI + " to run on the embedded MongoDB");
        }
        if (development && !ClassUtils.isPresent(MOCK_OAUTH2_SERVER, classLoader)) {
            throw refused(DEVELOPMENT_ISSUER + "=true, but mock-oauth2-server is not on the classpath: the packaged "
                    + "jar leaves it out. Run the development setup with ./mvnw -pl gateway -am spring-boot:run (see "
                    + "README), or configure " + ISSUERS);
        }
        if (!development && !issuersConfigured) {
            throw refused(mongoConfigured
                    ? MONGO_URI + " is configured but no token issuer is: configure " + ISSUERS
                    : "No token issuer would be trusted: configure " + ISSUERS + ", or, for local development "
                            + "on the embedded MongoDB, set " + DEVELOPMENT_ISSUER + "=true (the README's run command does)");
        }
    }

    private static IllegalStateException refused(String reason) {
        return new IllegalStateException("Refusing to start: " + reason);
    }
}
