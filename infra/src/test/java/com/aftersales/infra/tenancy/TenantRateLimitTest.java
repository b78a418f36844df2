package com.aftersales.infra.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** A tenant's rate limit: its own settings, each unset one taken from the platform default. */
class TenantRateLimitTest {

    private static TenantDirectory bind(Map<String, String> properties) {
        var binder = new Binder(new MapConfigurationPropertySource(properties));
        return new TenantDirectory(binder.bindOrCreate("aftersales", TenantProperties.class));
    }

    @Test
    void a_tenant_without_settings_gets_the_built_in_default() {
        Tenant acme = bind(Map.of("aftersales.tenants.acme.name", "ACME")).find("acme").orElseThrow();

        assertThat(acme.rateLimit()).isEqualTo(new RateLimit(6000, 1200, 300, Duration.ofMinutes(1)));
    }

    @Test
    void tenant_settings_override_the_platform_default_one_by_one() {
        TenantDirectory tenants = bind(Map.of(
                "aftersales.rate-limits.client-burst", "50",
                "aftersales.rate-limits.period", "30s",
                "aftersales.tenants.acme.name", "ACME",
                "aftersales.tenants.tiny.rate-limit.requests", "5",
                "aftersales.tenants.tiny.rate-limit.client-requests", "2"));

        assertThat(tenants.find("acme").orElseThrow().rateLimit())
                .isEqualTo(new RateLimit(6000, 1200, 50, Duration.ofSeconds(30)));
        assertThat(tenants.find("tiny").orElseThrow().rateLimit())
                .isEqualTo(new RateLimit(5, 2, 50, Duration.ofSeconds(30)));
    }

    @Test
    void a_limit_that_allows_nothing_is_refused_at_startup() {
        assertThatThrownBy(() -> bind(Map.of("aftersales.tenants.tiny.rate-limit.requests", "0")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
