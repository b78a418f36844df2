package com.aftersales.gateway.graphql;

import graphql.ErrorType;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Errors graphql-java raises itself, outside any resolver (a document that does not parse, passes
 * the parser's token limit, fails validation or whose variables cannot be coerced), carry no code
 * and only English text. They are answered like every refusal: code GRAPHQL_INVALID_DOCUMENT,
 * title and detail in the caller's language; graphql-java's own message stays as {@code reason}
 * (it names the offending field or token, never internals).
 */
@Component
public class DocumentErrors implements WebGraphQlInterceptor {

    private static final Set<ErrorType> DOCUMENT = Set.of(ErrorType.InvalidSyntax, ErrorType.ValidationError,
            ErrorType.OperationNotSupported);

    private final GraphQlErrors errors;

    public DocumentErrors(GraphQlErrors errors) {
        this.errors = errors;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        Locale locale = request.getLocale() == null ? Locale.ENGLISH : request.getLocale();
        return chain.next(request).map(response -> {
            List<GraphQLError> original = response.getExecutionResult().getErrors();
            if (original.stream().noneMatch(DocumentErrors::uncoded)) {
                return response;
            }
            List<GraphQLError> coded = original.stream()
                    .map(error -> uncoded(error) ? coded(error, locale) : error).toList();
            return response.transform(builder -> builder.errors(coded));
        });
    }

    private static boolean uncoded(GraphQLError error) {
        return error.getErrorType() instanceof ErrorType type && DOCUMENT.contains(type)
                && (error.getExtensions() == null || !error.getExtensions().containsKey("code"));
    }

    private GraphQLError coded(GraphQLError error, Locale locale) {
        var problem = errors.problems().problem(HttpStatus.BAD_REQUEST, "GRAPHQL_INVALID_DOCUMENT", locale);
        problem.setProperty("reason", error.getMessage());
        GraphQLError answer = errors.error(problem, null);
        Map<String, Object> extensions = new LinkedHashMap<>(answer.getExtensions());
        return GraphqlErrorBuilder.newError().message(answer.getMessage()).locations(error.getLocations())
                .errorType(answer.getErrorType()).extensions(extensions).build();
    }
}
