package com.aftersales.infra.tenancy;

import java.time.Clock;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** Tenants, the clock, and the caller metadata every event inherits from its command. */
@AutoConfiguration
@EnableConfigurationProperties(TenantProperties.class)
public class TenancyAutoConfiguration {

    @Bean
    TenantDirectory tenantDirectory(TenantProperties properties) {
        return TenantDirectory.fedByEvents(properties);
    }

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Correlation and causation ids for the audit trail (declared because ours below replaces Axon's default). */
    @Bean
    CorrelationDataProvider messageOrigin() {
        return new MessageOriginProvider();
    }

    @Bean
    CorrelationDataProvider callerCorrelation() {
        return new SimpleCorrelationDataProvider(
                CallerMetaData.TENANT, CallerMetaData.ACTOR, CallerMetaData.ACTOR_KIND, CallerMetaData.ROLES);
    }
}
