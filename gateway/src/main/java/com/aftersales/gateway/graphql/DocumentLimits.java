package com.aftersales.gateway.graphql;

import graphql.ExecutionResult;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.Field;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.normalized.ExecutableNormalizedField;
import graphql.normalized.ExecutableNormalizedOperation;
import graphql.normalized.ExecutableNormalizedOperationFactory;
import graphql.normalized.ExecutableNormalizedOperationFactory.Options;
import graphql.schema.FieldCoordinates;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Refuses an operation before any field is fetched when it is too deep ({@code max-depth}), selects
 * too many fields ({@code max-complexity}), sends too many mutations ({@code max-root-mutations})
 * or asks for a history where it would cost a read per ticket of a list ({@code Ticket.history} only
 * on {@code ticket}/{@code ticketByNumber}, at most {@code max-history-tickets} times).
 *
 * <p>Fields are counted as they would execute: graphql-java's {@link ExecutableNormalizedOperationFactory}
 * expands every fragment spread and alias (a fragment spread twenty times costs twenty times) and
 * stops as soon as a limit is passed, so a fragment bomb is not expanded to its end. Written
 * occurrences are counted too (a field repeated in one selection merges into one execution, but
 * still has to be read). Answers QUERY_TOO_DEEP / QUERY_TOO_COMPLEX / TOO_MANY_MUTATIONS /
 * HISTORY_OF_ONE_TICKET_ONLY problems in the caller's language.
 */
@Component
public class DocumentLimits extends SimplePerformantInstrumentation {

    private static final FieldCoordinates HISTORY = FieldCoordinates.coordinates("Ticket", "history");
    private static final Set<String> ONE_TICKET = Set.of("ticket", "ticketByNumber");

    private final GraphQlProperties properties;
    private final GraphQlErrors errors;

    public DocumentLimits(GraphQlProperties properties, GraphQlErrors errors) {
        this.properties = properties;
        this.errors = errors;
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
        ExecutionContext execution = parameters.getExecutionContext();
        Locale locale = execution.getLocale() == null ? Locale.ENGLISH : execution.getLocale();
        int written = written(execution.getOperationDefinition().getSelectionSet())
                + execution.getFragmentsByName().values().stream().mapToInt(fragment -> written(fragment.getSelectionSet())).sum();
        if (written > properties.getMaxComplexity()) {
            throw refused("QUERY_TOO_COMPLEX", locale, properties.getMaxComplexity());
        }
        ExecutableNormalizedOperation operation = normalized(execution, locale);
        if (operation.getOperation() == OperationDefinition.Operation.MUTATION
                && operation.getTopLevelFields().size() > properties.getMaxRootMutations()) {
            throw refused("TOO_MANY_MUTATIONS", locale, properties.getMaxRootMutations());
        }
        List<ExecutableNormalizedField> histories = operation.getCoordinatesToNormalizedFields().get(HISTORY);
        if (histories.size() > properties.getMaxHistoryTickets() || !histories.stream().allMatch(this::ofOneTicket)) {
            throw refused("HISTORY_OF_ONE_TICKET_ONLY", locale, properties.getMaxHistoryTickets());
        }
        return super.beginExecuteOperation(parameters, state);
    }

    private ExecutableNormalizedOperation normalized(ExecutionContext execution, Locale locale) {
        Options options = Options.defaultOptions().maxChildrenDepth(properties.getMaxDepth())
                .maxFieldsCount(properties.getMaxComplexity()).locale(locale)
                .graphQLContext(execution.getGraphQLContext());
        try {
            return ExecutableNormalizedOperationFactory.createExecutableNormalizedOperation(execution.getGraphQLSchema(),
                    execution.getOperationDefinition(), execution.getFragmentsByName(), execution.getCoercedVariables(),
                    options);
        } catch (AbortExecutionException tooMuch) {
            // graphql-java's own messages: "Maximum query depth exceeded…" / "Maximum field count exceeded…"
            boolean deep = String.valueOf(tooMuch.getMessage()).contains("depth");
            throw deep ? refused("QUERY_TOO_DEEP", locale, properties.getMaxDepth())
                    : refused("QUERY_TOO_COMPLEX", locale, properties.getMaxComplexity());
        }
    }

    /** A history directly under a query for one ticket (not under a list, a mutation or a subscription). */
    private boolean ofOneTicket(ExecutableNormalizedField history) {
        ExecutableNormalizedField parent = history.getParent();
        return parent != null && parent.getParent() == null && ONE_TICKET.contains(parent.getName())
                && parent.getObjectTypeNames().contains("Query");
    }

    /** Fields as written, each occurrence once, fragment spreads not expanded (their definitions count once). */
    private static int written(SelectionSet selections) {
        if (selections == null) {
            return 0;
        }
        int fields = 0;
        for (Selection<?> selection : selections.getSelections()) {
            if (selection instanceof Field field) {
                fields += 1 + written(field.getSelectionSet());
            } else if (selection instanceof InlineFragment inline) {
                fields += written(inline.getSelectionSet());
            }
        }
        return fields;
    }

    private AbortExecutionException refused(String code, Locale locale, int limit) {
        var problem = errors.problems().problem(HttpStatus.BAD_REQUEST, code, locale, limit);
        problem.setProperty("limit", limit);
        return new AbortExecutionException(List.of(errors.error(problem, null)));
    }
}
