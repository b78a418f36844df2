package com.aftersales.gateway.graphql;

import graphql.ExecutionResult;
import graphql.analysis.QueryTraverser;
import graphql.analysis.QueryVisitorFieldEnvironment;
import graphql.analysis.QueryVisitorStub;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Refuses an operation before any field is fetched when it selects fields nested deeper than
 * {@code aftersales.graphql.max-depth} or more fields than {@code max-complexity} (each occurrence
 * counts, so a thousand aliases of one field cost a thousand). The same traversal as graphql-java's
 * MaxQueryDepth/ComplexityInstrumentation, answering QUERY_TOO_DEEP / QUERY_TOO_COMPLEX problems in
 * the caller's language instead of their fixed English text.
 */
@Component
public class DocumentLimits extends SimplePerformantInstrumentation {

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
        int[] fields = {0};
        int[] depth = {0};
        QueryTraverser.newQueryTraverser().schema(execution.getGraphQLSchema()).document(execution.getDocument())
                .operationName(execution.getExecutionInput().getOperationName())
                .coercedVariables(execution.getCoercedVariables()).build()
                .visitPreOrder(new QueryVisitorStub() {
                    @Override
                    public void visitField(QueryVisitorFieldEnvironment field) {
                        if (field.isTypeNameIntrospectionField()) {
                            return;
                        }
                        fields[0]++;
                        int level = 1;
                        for (var parent = field.getParentEnvironment(); parent != null; parent = parent.getParentEnvironment()) {
                            level++;
                        }
                        depth[0] = Math.max(depth[0], level);
                    }
                });
        Locale locale = execution.getLocale() == null ? Locale.ENGLISH : execution.getLocale();
        if (depth[0] > properties.getMaxDepth()) {
            throw refused("QUERY_TOO_DEEP", locale, properties.getMaxDepth());
        }
        if (fields[0] > properties.getMaxComplexity()) {
            throw refused("QUERY_TOO_COMPLEX", locale, properties.getMaxComplexity());
        }
        return super.beginExecuteOperation(parameters, state);
    }

    private AbortExecutionException refused(String code, Locale locale, int limit) {
        var problem = errors.problems().problem(HttpStatus.BAD_REQUEST, code, locale, limit);
        problem.setProperty("limit", limit);
        return new AbortExecutionException(List.of(errors.error(problem, null)));
    }
}
