package com.aftersales.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.mock.env.MockEnvironment;

/**
 * Which issuers may be trusted is decided before any bean is created: the service refuses to
 * start rather than trust no issuer, or the development issuer next to a real MongoDB.
 */
class IssuerStartupTest {

    private static final String PRODUCTION_MONGO = "aftersales.mongo.uri=mongodb://db-1,db-2,db-3/?replicaSet=rs0";
    private static final String REAL_ISSUER = "aftersales.security.issuers[0].issuer-uri=https://idp.example.com/realms/aftersales";
    private static final String OPT_IN = "aftersales.security.development-issuer.enabled=true";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(SecurityConfiguration.class)
            .withPropertyValues("aftersales.security.development-issuer.port=0");

    private static Throwable mostSpecificCause(Throwable failure) {
        return NestedExceptionUtils.getMostSpecificCause(failure);
    }

    @Test
    void a_configured_mongodb_without_issuers_is_refused() {
        runner.withPropertyValues(PRODUCTION_MONGO).run(context -> {
            assertThat(context).hasFailed();
            assertThat(mostSpecificCause(context.getStartupFailure()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("aftersales.mongo.uri is configured")
                    .hasMessageContaining("aftersales.security.issuers");
        });
    }

    @Test
    void no_issuer_at_all_is_refused() {
        runner.run(context -> {
            assertThat(context).hasFailed();
            assertThat(mostSpecificCause(context.getStartupFailure()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("No token issuer would be trusted")
                    .hasMessageContaining("aftersales.security.development-issuer.enabled=true");
        });
    }

    @Test
    void the_development_issuer_is_refused_next_to_a_configured_mongodb() {
        runner.withPropertyValues(PRODUCTION_MONGO, OPT_IN).run(context -> {
            assertThat(context).hasFailed();
            assertThat(mostSpecificCause(context.getStartupFailure()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("development issuer")
                    .hasMessageContaining("aftersales.mongo.uri");
        });
        runner.withPropertyValues(PRODUCTION_MONGO, OPT_IN, REAL_ISSUER).run(context -> {
            assertThat(context).hasFailed();
            assertThat(mostSpecificCause(context.getStartupFailure())).hasMessageContaining("development issuer");
        });
    }

    @Test
    void the_opt_in_without_mock_oauth2_server_on_the_classpath_is_refused() {
        runner.withPropertyValues(OPT_IN).withClassLoader(new FilteredClassLoader(MockOAuth2Server.class)).run(context -> {
            assertThat(context).hasFailed();
            assertThat(mostSpecificCause(context.getStartupFailure()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("mock-oauth2-server");
        });
    }

    private static void check(String... properties) {
        MockEnvironment environment = new MockEnvironment();
        for (String property : properties) {
            String[] pair = property.split("=", 2);
            environment.setProperty(pair[0], pair[1]);
        }
        IssuerPolicy.check(environment, IssuerStartupTest.class.getClassLoader());
    }

    @Test
    void configured_issuers_or_the_opt_in_on_the_embedded_mongodb_are_allowed() {
        assertThatNoException().isThrownBy(() -> check(PRODUCTION_MONGO, REAL_ISSUER));
        assertThatNoException().isThrownBy(() -> check(REAL_ISSUER));
        assertThatNoException().isThrownBy(() -> check(OPT_IN));
        assertThatNoException().isThrownBy(() -> check(OPT_IN, REAL_ISSUER));
        assertThatNoException().isThrownBy(() -> check("aftersales.mongo.uri= ", OPT_IN));
    }
}
