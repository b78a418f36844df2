package com.aftersales.sla;

import com.aftersales.infra.tenancy.TenantDirectory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The SLA settings port, read from the tenant directory. */
@Configuration
public class SlaConfiguration {

    @Bean
    SlaSettings slaSettings(TenantDirectory tenants) {
        return new TenantSlaSettings(tenants);
    }
}
