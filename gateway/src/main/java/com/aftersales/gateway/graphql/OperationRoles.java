package com.aftersales.gateway.graphql;

import com.aftersales.access.Caller;
import com.aftersales.gateway.problem.RefusalException;
import com.aftersales.gateway.ticket.TicketTask;
import com.aftersales.gateway.ticket.TicketTasks;
import com.aftersales.infra.tenancy.Role;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLObjectType;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Who may call each operation of the schema: queries and subscriptions are declared here, each
 * mutation by its task in {@link TicketTasks} (intake, which is no task on a ticket, here). A root field without a declaration is refused
 * (ROLE_NOT_ALLOWED) for everyone, and {@code GraphQlOperationRolesTest} fails for it.
 */
@Component
public class OperationRoles extends SimplePerformantInstrumentation {

    private static final Map<String, Set<Role>> QUERIES = Map.of(
            "ticket", Role.TICKET_READERS,
            "ticketByNumber", Role.TICKET_READERS,
            "tickets", Role.TICKET_READERS);

    private static final Map<String, Set<Role>> SUBSCRIPTIONS = Map.of(
            "ticketChanged", Role.TICKET_READERS,
            "ticketsChanged", Role.TICKET_READERS);

    private static final Map<String, Set<Role>> MUTATIONS = mutations();

    /** Fields below the root that need more than the operation that reaches them, by "Type.field". */
    private static final Map<String, Set<Role>> FIELDS = Map.of(
            "Ticket.history", Role.HISTORY_READERS);

    private static Map<String, Set<Role>> mutations() {
        Map<String, Set<Role>> roles = new HashMap<>();
        roles.put("openTicket", Role.TICKET_OPENERS);
        for (TicketTask<?> task : TicketTasks.ALL) {
            roles.put(task.name(), task.roles());
        }
        return Map.copyOf(roles);
    }

    /** The roles declared for a root field of {@code operationType} (Query, Mutation, Subscription). */
    public static Optional<Set<Role>> declared(String operationType, String field) {
        Map<String, Set<Role>> declared = switch (operationType) {
            case "Query" -> QUERIES;
            case "Mutation" -> MUTATIONS;
            case "Subscription" -> SUBSCRIPTIONS;
            default -> Map.of();
        };
        return Optional.ofNullable(declared.get(field));
    }

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> fetcher, InstrumentationFieldFetchParameters parameters,
                                                InstrumentationState state) {
        DataFetchingEnvironment env = parameters.getEnvironment();
        if (!(env.getParentType() instanceof GraphQLObjectType parent) || env.getField().getName().startsWith("__")) {
            return fetcher;
        }
        Set<Role> allowed;
        if (parent.getName().equals(rootName(env, parent))) {
            allowed = declared(parent.getName(), env.getField().getName()).orElse(Set.of());
        } else if (FIELDS.containsKey(parent.getName() + "." + env.getField().getName())) {
            allowed = FIELDS.get(parent.getName() + "." + env.getField().getName());
        } else {
            return fetcher;
        }
        Caller caller = env.getGraphQlContext().get(GraphQlEntry.CALLER);
        if (caller == null || !Role.anyOf(caller.roles(), allowed)) {
            return refused -> {
                throw new RefusalException("ROLE_NOT_ALLOWED");
            };
        }
        return fetcher;
    }

    private static String rootName(DataFetchingEnvironment env, GraphQLObjectType parent) {
        var schema = env.getGraphQLSchema();
        for (GraphQLObjectType root : new GraphQLObjectType[] {schema.getQueryType(), schema.getMutationType(),
                schema.getSubscriptionType()}) {
            if (root != null && root.getName().equals(parent.getName())) {
                return root.getName();
            }
        }
        return "";
    }
}
