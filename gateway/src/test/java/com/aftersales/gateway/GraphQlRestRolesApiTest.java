package com.aftersales.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftersales.gateway.graphql.OperationRoles;
import com.aftersales.gateway.ticket.TicketTask;
import com.aftersales.gateway.ticket.TicketTasks;
import com.aftersales.infra.tenancy.Role;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;

/**
 * The roles of a task are declared twice: in the task catalogue (GraphQL authorizes by it) and in
 * SecurityConfiguration's REST path rules. Every REST task endpoint is probed with a token of each
 * single role: the roles it admits must be exactly those the catalogue declares, so the two cannot
 * drift apart unnoticed.
 */
class GraphQlRestRolesApiTest extends GraphQlTestSupport {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    private static final List<Role> TENANT_ROLES = List.of(Role.AGENT, Role.HANDLER, Role.SENIOR, Role.SUPERVISOR,
            Role.MANAGER, Role.AUDITOR, Role.PII_READER, Role.TENANT_ADMIN);

    @Test
    void rest_path_rules_admit_exactly_the_roles_the_task_catalogue_declares() {
        List<String> endpoints = new ArrayList<>();
        mappings.getHandlerMethods().keySet().forEach(info -> info.getPatternsCondition().getPatterns().forEach(pattern -> {
            String path = pattern.getPatternString();
            info.getMethodsCondition().getMethods().forEach(method -> {
                if (path.startsWith("/api/v1/tickets/{") && path.length() > "/api/v1/tickets/{ticketId}".length()
                        && (method.name().equals("POST") || method.name().equals("PUT"))) {
                    endpoints.add(method.name() + " " + path);
                }
            });
        }));
        assertThat(endpoints).as("one REST endpoint per task").hasSize(TicketTasks.ALL.size());

        Set<Set<Role>> restRules = new HashSet<>();
        for (String endpoint : endpoints) {
            restRules.add(admitted(endpoint.split(" ")[0], endpoint.split(" ")[1]
                    .replaceAll("\\{[^}]+}", UUID.randomUUID().toString())));
        }
        Set<Set<Role>> catalogue = new HashSet<>();
        for (TicketTask<?> task : TicketTasks.ALL) {
            catalogue.add(EnumSet.copyOf(task.roles()));
        }
        assertThat(restRules).as("the roles REST admits to task endpoints vs the catalogue's").isEqualTo(catalogue);
        assertThat(admitted("POST", "/api/v1/tickets")).as("intake")
                .isEqualTo(EnumSet.copyOf(OperationRoles.declared("Mutation", "openTicket").orElseThrow()));
    }

    /** The single roles whose tokens the security rules let through to the endpoint (no 401/403). */
    private Set<Role> admitted(String method, String path) {
        Set<Role> admitted = EnumSet.noneOf(Role.class);
        for (Role role : TENANT_ROLES) {
            String token = sign(ISSUERS, "shared", "roles-" + role.name().toLowerCase() + "-" + UUID.randomUUID(),
                    AUDIENCE, claims("acme", role.name()), 3600);
            int status = http.method(HttpMethod.valueOf(method)).uri(path).headers(h -> h.setBearerAuth(token))
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of()).exchange()
                    .returnResult(String.class).getStatus().value();
            if (status != 401 && status != 403) {
                admitted.add(role);
            }
        }
        return admitted;
    }
}
