package com.aftersales.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aftersales.infra.tenancy.PriorityScheme;
import com.aftersales.infra.tenancy.Tenant;
import com.aftersales.infra.tenancy.TenantConfiguration;
import com.aftersales.infra.tenancy.TenantConfiguration.RetentionPolicy;
import com.aftersales.infra.tenancy.TenantProfile;
import com.aftersales.refusal.RefusedException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class RetentionTest {

    final Retention retention = new Retention(RetentionProperties.defaults());

    static Tenant tenant(RetentionPolicy policy) {
        TenantConfiguration defaults = TenantConfiguration.defaults(PriorityScheme.URGENT_NORMAL_LOW);
        TenantConfiguration configuration = new TenantConfiguration(defaults.ticketTypes(), defaults.complaintTypes(),
                null, 30, null, null, null, null, null, null, policy);
        return new Tenant("acme", 1, new TenantProfile("艾克米", "Acme", ZoneId.of("Asia/Shanghai"), "AC", 4),
                configuration, 1, null, false, null);
    }

    @Test
    void requests_are_kept_3_years_and_complaints_the_longer_of_both_periods() {
        Instant archived = Instant.parse("2024-02-29T10:00:00Z");
        assertThat(retention.retentionEnd(tenant(null), false, archived)).isEqualTo("2027-02-28T10:00:00Z");
        Tenant longForms = tenant(new RetentionPolicy(Period.ofYears(3), Period.ofYears(5)));
        assertThat(retention.retentionEnd(longForms, true, archived)).isEqualTo("2029-02-28T10:00:00Z");
        assertThat(retention.retentionEnd(longForms, false, archived)).isEqualTo("2027-02-28T10:00:00Z");
        assertThat(retention.retentionEnd(tenant(null), true, archived)).isEqualTo("2027-02-28T10:00:00Z");
    }

    @Test
    void disposal_runs_at_the_next_daily_run_in_the_tenant_zone() {
        // 10:00 UTC is 18:00 in Shanghai: the next 02:00 there is 18:00 UTC the same day
        assertThat(retention.disposalRun(tenant(null), Instant.parse("2027-02-28T10:00:00Z")))
                .isEqualTo("2027-02-28T18:00:00Z");
        // exactly at the run time: that run
        assertThat(retention.disposalRun(tenant(null), Instant.parse("2027-02-27T18:00:00Z")))
                .isEqualTo("2027-02-27T18:00:00Z");
        Retention atFive = new Retention(new RetentionProperties(null, null, LocalTime.of(5, 0)));
        assertThat(atFive.disposalRun(tenant(null), Instant.parse("2027-02-27T18:00:01Z")))
                .isEqualTo("2027-02-27T21:00:00Z");
    }

    @Test
    void a_policy_below_the_legal_minimum_is_refused_and_the_minimum_is_configurable() {
        assertThatThrownBy(() -> retention.checkPolicy(new RetentionPolicy(Period.ofMonths(35), Period.ofYears(2))))
                .isInstanceOf(RefusedException.class).hasMessage("RETENTION_BELOW_LEGAL_MINIMUM");
        assertThatThrownBy(() -> retention.checkPolicy(new RetentionPolicy(Period.ofYears(3), Period.ofDays(700))))
                .isInstanceOf(RefusedException.class).hasMessage("RETENTION_BELOW_LEGAL_MINIMUM");
        retention.checkPolicy(new RetentionPolicy(Period.ofMonths(36), null));
        retention.checkPolicy(new RetentionPolicy(Period.ofYears(10), Period.ofYears(10)));
        Retention stricter = new Retention(new RetentionProperties(Period.ofYears(5), null, null));
        assertThatThrownBy(() -> stricter.checkPolicy(new RetentionPolicy(Period.ofYears(4), null)))
                .isInstanceOf(RefusedException.class).hasMessage("RETENTION_BELOW_LEGAL_MINIMUM");
    }
}
