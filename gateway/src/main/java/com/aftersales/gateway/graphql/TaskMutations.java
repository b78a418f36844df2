package com.aftersales.gateway.graphql;

import com.aftersales.access.Caller;
import com.aftersales.gateway.problem.RefusalException;
import com.aftersales.gateway.ticket.TicketActions;
import com.aftersales.gateway.ticket.TicketTask;
import com.aftersales.gateway.ticket.TicketTasks;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Component;

/**
 * One mutation per task of {@link TicketTasks}, named as the task: {@code (id, expectedVersion, input)}
 * bound to the task's body with REST's validation, run by {@link TicketActions} (the expected
 * version is GraphQL's If-Match; decisions require it), answered with the ticket after the task.
 * When the view has not caught up in time, only {@code id} and {@code version} are answered.
 */
@Component
public class TaskMutations implements RuntimeWiringConfigurer {

    private final TicketActions actions;
    private final GraphQlInputs inputs;
    private final TicketGraphQl tickets;

    public TaskMutations(TicketActions actions, GraphQlInputs inputs, TicketGraphQl tickets) {
        this.actions = actions;
        this.inputs = inputs;
        this.tickets = tickets;
    }

    @Override
    public void configure(RuntimeWiring.Builder wiring) {
        wiring.scalar(GraphQlScalars.LONG).scalar(GraphQlScalars.JSON);
        wiring.type("Mutation", type -> {
            TicketTasks.ALL.forEach(task -> type.dataFetcher(task.name(), fetcher(task)));
            return type;
        });
    }

    private <B> DataFetcher<CompletableFuture<Object>> fetcher(TicketTask<B> task) {
        return env -> {
            Caller caller = env.getGraphQlContext().get(GraphQlEntry.CALLER);
            String ticketId = env.getArgument("id");
            Number expected = env.getArgument("expectedVersion");
            if (expected != null && expected.longValue() < 0) { // REST's If-Match takes digits only
                return CompletableFuture.failedFuture(new RefusalException("IF_MATCH_INVALID"));
            }
            B body = body(task, env);
            return actions.run(task, caller, ticketId, expected == null ? null : expected.longValue(), body)
                    .map(outcome -> outcome.view().map(view -> tickets.node(view, caller))
                            .orElseGet(() -> pending(ticketId, outcome.version())))
                    .toFuture();
        };
    }

    private <B> B body(TicketTask<B> task, DataFetchingEnvironment env) {
        if (task.body() == TicketTask.NoBody.class) {
            return task.body().cast(TicketTask.NoBody.INSTANCE);
        }
        return inputs.bind(env.getArgument("input"), task.body(), env.getLocale());
    }

    private static Object pending(String ticketId, long version) {
        Map<String, Object> ticket = new LinkedHashMap<>();
        ticket.put("id", ticketId);
        ticket.put("version", version);
        return ticket;
    }
}
