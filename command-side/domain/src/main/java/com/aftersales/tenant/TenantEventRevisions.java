package com.aftersales.tenant;

import com.aftersales.infra.serialization.RevisionUpcaster;
import com.aftersales.tenant.TenantEvents.TenantConfigured;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/** Upcasters of the tenant events, so that every stored revision stays readable. */
@Configuration
public class TenantEventRevisions {

    /**
     * A configuration of revision 1 has the SLA and calendar placeholders; the sections' own types read
     * them (the tenant directory's stored entries have them too), so the payload stays as stored.
     */
    @Bean
    @Order(10)
    static EventUpcaster tenantConfiguredWithSlaSections() {
        return new RevisionUpcaster(TenantConfigured.class.getName(), TenantEvents.FIRST,
                TenantEvents.CONFIGURED_WITH_SLA_SECTIONS);
    }
}
