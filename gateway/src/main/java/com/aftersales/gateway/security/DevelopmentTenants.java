package com.aftersales.gateway.security;

import com.aftersales.infra.tenancy.CallerMetaData;
import com.aftersales.infra.tenancy.PriorityScheme;
import com.aftersales.infra.tenancy.Role;
import com.aftersales.infra.tenancy.TenantDirectory;
import com.aftersales.infra.tenancy.TenantEntry;
import com.aftersales.infra.tenancy.TenantProperties;
import com.aftersales.tenant.TenantCommands.RegisterTenant;
import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;

/**
 * The development issuer's two demo tenants (SPEC §12), registered through the same
 * {@link RegisterTenant} the admin API sends, by the actor {@value #ACTOR}: an appliance maker on
 * urgent/normal/low and a SaaS vendor on P0-P2 with its own ticket prefix. Only beside the
 * development issuer, so they never become events of a real deployment; a tenant registered already
 * (a later start) is a creation conflict and left as it is.
 */
public final class DevelopmentTenants implements ApplicationRunner, Ordered {

    public static final String ACTOR = "development-issuer";
    private static final Logger log = LoggerFactory.getLogger(DevelopmentTenants.class);

    private final CommandGateway commands;
    private final TenantDirectory directory;

    public DevelopmentTenants(CommandGateway commands, TenantDirectory directory) {
        this.commands = commands;
        this.directory = directory;
    }

    static Map<String, TenantProperties.Tenant> demoTenants() {
        TenantProperties.Tenant acme = new TenantProperties.Tenant();
        acme.setName("ACME Appliances");
        acme.setTimeZone(ZoneId.of("Asia/Shanghai"));
        acme.setSerialDigits(3);
        acme.setPriorityScheme(PriorityScheme.URGENT_NORMAL_LOW);
        TenantProperties.Tenant nimbus = new TenantProperties.Tenant();
        nimbus.setName("Nimbus Cloud Software");
        nimbus.setTimeZone(ZoneId.of("Asia/Shanghai"));
        nimbus.setTicketPrefix("SR");
        nimbus.setSerialDigits(4);
        nimbus.setPriorityScheme(PriorityScheme.P0_P2);
        nimbus.setTicketTypes(List.of("product-fault", "service-error", "inquiry-suggestion", "complaint", "other"));
        nimbus.setComplaintTypes(List.of("complaint"));
        Map<String, TenantProperties.Tenant> tenants = new LinkedHashMap<>();
        tenants.put("acme", acme);
        tenants.put("nimbus", nimbus);
        return tenants;
    }

    @Override
    public int getOrder() {
        return 1; // after the migration of configured tenants
    }

    @Override
    public void run(ApplicationArguments args) {
        demoTenants().forEach(this::register);
        awaitDirectory(Duration.ofSeconds(30));
    }

    private void register(String id, TenantProperties.Tenant settings) {
        TenantEntry entry = TenantEntry.configured(id, settings);
        var command = GenericCommandMessage.asCommandMessage(new RegisterTenant(id, entry.profile(), entry.configuration()))
                .andMetaData(CallerMetaData.of(null, ACTOR, "system", List.of(Role.PLATFORM_ADMIN.name())));
        try {
            commands.sendAndWait(command);
            log.info("Demo tenant {} registered for the development issuer", id);
        } catch (AggregateStreamCreationException alreadyRegistered) {
            log.debug("Demo tenant {} is registered already", id);
        }
    }

    private void awaitDirectory(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!demoTenants().keySet().stream().allMatch(id -> directory.find(id).isPresent())) {
            if (System.nanoTime() > deadline) {
                log.warn("The tenant directory does not show the demo tenants yet; they are refused until it does");
                return;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
    }
}
