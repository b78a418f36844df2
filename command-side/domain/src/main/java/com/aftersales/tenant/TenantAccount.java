package com.aftersales.tenant;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

import com.aftersales.infra.tenancy.CallerMetaData;
import com.aftersales.infra.tenancy.PriorityScheme;
import com.aftersales.infra.tenancy.Role;
import com.aftersales.infra.tenancy.Tenant;
import com.aftersales.infra.tenancy.TenantConfiguration;
import com.aftersales.refusal.Refusal;
import com.aftersales.refusal.RefusalCode;
import com.aftersales.refusal.RefusedException;
import com.aftersales.tenant.TenantCommands.BindIdentityProvider;
import com.aftersales.tenant.TenantCommands.ConfigureTenant;
import com.aftersales.tenant.TenantCommands.ReactivateTenant;
import com.aftersales.tenant.TenantCommands.RegisterTenant;
import com.aftersales.tenant.TenantCommands.SuspendTenant;
import com.aftersales.tenant.TenantEvents.IdentityProviderBound;
import com.aftersales.tenant.TenantEvents.TenantConfigured;
import com.aftersales.tenant.TenantEvents.TenantReactivated;
import com.aftersales.tenant.TenantEvents.TenantRegistered;
import com.aftersales.tenant.TenantEvents.TenantSuspended;
import com.aftersales.privacy.Retention;
import java.time.Clock;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A subscribed client company (SPEC §1): its profile, identity provider, status and configuration.
 * PLATFORM_ADMIN onboards, binds, suspends and reactivates; only the tenant's own TENANT_ADMIN
 * configures it. Every accepted command answers the tenant's version after it.
 */
@Aggregate
public class TenantAccount {

    @AggregateIdentifier
    private String tenantId;
    private boolean suspended;
    private long configurationVersion;
    /** The calendar section in force: its versions in force or that were must stay (clocks name them). */
    private TenantConfiguration.BusinessCalendar calendar = TenantConfiguration.BusinessCalendar.DEFAULT;

    protected TenantAccount() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    public Long handle(RegisterTenant command, MetaData metaData, Clock clock, Retention retention) {
        String actor = platformAdmin(metaData);
        if (!Tenant.isValidId(command.tenantId())) {
            throw new RefusedException(RefusalCode.TENANT_ID_INVALID);
        }
        if (command.profile() == null || command.profile().problem() != null) {
            throw new RefusedException(Refusal.of(RefusalCode.TENANT_PROFILE_INVALID, "field",
                    command.profile() == null ? "profile" : command.profile().problem()));
        }
        TenantConfiguration configuration = command.configuration() != null ? command.configuration()
                : TenantConfiguration.defaults(PriorityScheme.URGENT_NORMAL_LOW);
        TenantConfigurationRules.check(configuration);
        TenantConfigurationRules.checkCalendarChange(calendar, configuration.calendar(), clock.instant());
        retention.checkPolicy(configuration.retention());
        apply(new TenantRegistered(command.tenantId(), command.profile(), actor, clock.instant()));
        apply(new TenantConfigured(command.tenantId(), 1, configuration, actor, clock.instant()));
        return getVersion();
    }

    @CommandHandler
    public Long handle(BindIdentityProvider command, MetaData metaData, Clock clock) {
        String actor = platformAdmin(metaData);
        if (command.provider() != null && command.provider().problem() != null) {
            throw new RefusedException(Refusal.of(RefusalCode.IDENTITY_PROVIDER_INVALID, "field",
                    command.provider().problem()));
        }
        apply(new IdentityProviderBound(tenantId, command.provider(), actor, clock.instant()));
        return getVersion();
    }

    @CommandHandler
    public Long handle(SuspendTenant command, MetaData metaData, Clock clock) {
        String actor = platformAdmin(metaData);
        if (suspended) {
            throw new RefusedException(RefusalCode.TENANT_ALREADY_SUSPENDED);
        }
        if (command.reason() == null || command.reason().isBlank()) {
            throw new RefusedException(RefusalCode.REASON_REQUIRED);
        }
        apply(new TenantSuspended(tenantId, command.reason(), actor, clock.instant()));
        return getVersion();
    }

    @CommandHandler
    public Long handle(ReactivateTenant command, MetaData metaData, Clock clock) {
        String actor = platformAdmin(metaData);
        if (!suspended) {
            throw new RefusedException(RefusalCode.TENANT_NOT_SUSPENDED);
        }
        apply(new TenantReactivated(tenantId, actor, clock.instant()));
        return getVersion();
    }

    /** Tenant first (another tenant is a missing one), then role, status, version, and the configuration itself. */
    @CommandHandler
    public Long handle(ConfigureTenant command, MetaData metaData, Clock clock, Retention retention) {
        if (!tenantId.equals(metaData.get(CallerMetaData.TENANT))) {
            throw new RefusedException(RefusalCode.TENANT_NOT_FOUND);
        }
        String actor = actor(metaData, Role.TENANT_ADMIN);
        if (suspended) {
            throw new RefusedException(RefusalCode.TENANT_SUSPENDED);
        }
        if (command.expectedVersion() != null && command.expectedVersion() != getVersion()) {
            throw new RefusedException(Refusal.of(RefusalCode.VERSION_MISMATCH, "current", getVersion()));
        }
        if (command.configuration() == null) {
            throw new RefusedException(Refusal.of(RefusalCode.TENANT_CONFIGURATION_INVALID, "field", "configuration"));
        }
        TenantConfigurationRules.check(command.configuration());
        TenantConfigurationRules.checkCalendarChange(calendar, command.configuration().calendar(), clock.instant());
        retention.checkPolicy(command.configuration().retention());
        apply(new TenantConfigured(tenantId, configurationVersion + 1, command.configuration(), actor, clock.instant()));
        return getVersion();
    }

    private static String platformAdmin(MetaData metaData) {
        return actor(metaData, Role.PLATFORM_ADMIN);
    }

    private static String actor(MetaData metaData, Role required) {
        Object actor = metaData.get(CallerMetaData.ACTOR);
        Set<String> roles = CallerMetaData.roles(metaData.get(CallerMetaData.ROLES));
        if (!(actor instanceof String id) || id.isBlank() || !roles.contains(required.name())) {
            throw new RefusedException(Refusal.of(RefusalCode.ROLE_NOT_ALLOWED, "allowed", java.util.List.of(required.name())));
        }
        return id;
    }

    @EventSourcingHandler
    void on(TenantRegistered event) {
        tenantId = event.tenantId();
    }

    @EventSourcingHandler
    void on(TenantConfigured event) {
        configurationVersion = event.configurationVersion();
        calendar = event.configuration().calendar();
    }

    @EventSourcingHandler
    void on(TenantSuspended event) {
        suspended = true;
    }

    @EventSourcingHandler
    void on(TenantReactivated event) {
        suspended = false;
    }
}
