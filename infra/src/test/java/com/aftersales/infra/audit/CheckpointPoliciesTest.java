package com.aftersales.infra.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftersales.infra.tenancy.TenantProperties;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A tenant's own checkpoint interval overrides the platform's, value by value. */
class CheckpointPoliciesTest {

    @Test
    void a_tenant_setting_overrides_only_what_it_sets() {
        AuditProperties.Checkpoints platform = new AuditProperties().getCheckpoints();
        TenantProperties.Tenant tenant = new TenantProperties.Tenant();
        assertThat(CheckpointPolicies.of(platform, tenant)).isEqualTo(new CheckpointWriter.Policy(1000, Duration.ofMinutes(10)));
        tenant.getCheckpoints().setEveryEvents(50);
        assertThat(CheckpointPolicies.of(platform, tenant)).isEqualTo(new CheckpointWriter.Policy(50, Duration.ofMinutes(10)));
        tenant.getCheckpoints().setEvery(Duration.ofMinutes(1));
        platform.setEveryEvents(10);
        assertThat(CheckpointPolicies.of(platform, tenant)).isEqualTo(new CheckpointWriter.Policy(50, Duration.ofMinutes(1)));
        assertThat(CheckpointPolicies.of(platform, null)).isEqualTo(new CheckpointWriter.Policy(10, Duration.ofMinutes(10)));
    }
}
