package com.aftersales.gateway.graphql;

import com.aftersales.gateway.problem.Problems;
import com.aftersales.gateway.problem.RefusalException;
import com.aftersales.refusal.Refusal;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.execution.SubscriptionExceptionResolver;
import org.springframework.graphql.execution.SubscriptionExceptionResolverAdapter;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * The GraphQL side of the problem handler: a refusal becomes an error whose {@code extensions}
 * carry the same problem as REST would answer ({@code code}, {@code status}, {@code type},
 * {@code title} and {@code detail} in the caller's language, the refusal's arguments). Anything
 * unexpected is logged and answered with a reference only.
 */
@Component
public class GraphQlErrors extends DataFetcherExceptionResolverAdapter {

    private static final Logger log = LoggerFactory.getLogger(GraphQlErrors.class);

    private final Problems problems;

    public GraphQlErrors(Problems problems) {
        this.problems = problems;
    }

    Problems problems() {
        return problems;
    }

    @Override
    protected GraphQLError resolveToSingleError(Throwable failure, DataFetchingEnvironment env) {
        return resolve(failure, env.getLocale() == null ? Locale.ENGLISH : env.getLocale(), env);
    }

    /**
     * Failures of a subscription's stream (no field environment, so no path): in the subscriber's
     * language when the stream wrapped the failure {@link InLanguage}, else English.
     */
    @Bean
    static SubscriptionExceptionResolver subscriptionErrors(GraphQlErrors errors) {
        return new SubscriptionExceptionResolverAdapter() {
            @Override
            protected GraphQLError resolveToSingleError(Throwable failure) {
                if (failure instanceof InLanguage inLanguage) {
                    return errors.resolve(inLanguage.getCause(), inLanguage.locale, null);
                }
                return errors.resolve(failure, Locale.ENGLISH, null);
            }
        };
    }

    /** A subscription's failure with the language its subscriber asked for. */
    static final class InLanguage extends RuntimeException {

        private final transient Locale locale;

        InLanguage(Throwable failure, Locale locale) {
            super(failure.getMessage(), failure, false, false);
            this.locale = locale;
        }
    }

    GraphQLError resolve(Throwable failure, Locale locale, DataFetchingEnvironment env) {
        Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        Refusal refusal = refusalOf(cause);
        if (refusal != null) {
            return error(problems.refusal(refusal, locale), env);
        }
        if (cause instanceof InvalidInputException invalid) {
            ProblemDetail problem = problems.problem(HttpStatus.BAD_REQUEST, invalid.code(), locale);
            if (!invalid.errors().isEmpty()) {
                problem.setProperty("errors", invalid.errors());
            }
            return error(problem, env);
        }
        String reference = UUID.randomUUID().toString();
        log.error("Unexpected GraphQL failure, reference {}", reference, cause);
        ProblemDetail problem = problems.problem(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR", locale, reference);
        problem.setProperty("reference", reference);
        return error(problem, env);
    }

    private static Refusal refusalOf(Throwable cause) {
        if (cause instanceof RefusalException refused) {
            return refused.refusal();
        }
        if (cause instanceof CommandExecutionException refused && refused.getDetails().orElse(null) instanceof Refusal refusal) {
            return refusal;
        }
        if (cause instanceof AggregateStreamCreationException) {
            return Refusal.of("TICKET_ALREADY_EXISTS");
        }
        if (cause instanceof ConcurrencyException) {
            return Refusal.of("CONCURRENT_MODIFICATION");
        }
        return null;
    }

    /** {@code env} null: refused before execution (no field to point at). */
    GraphQLError error(ProblemDetail problem, DataFetchingEnvironment env) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("code", problem.getProperties().get("code"));
        extensions.put("status", problem.getStatus());
        extensions.put("type", String.valueOf(problem.getType()));
        extensions.put("title", problem.getTitle());
        if (problem.getDetail() != null) {
            extensions.put("detail", problem.getDetail());
        }
        problem.getProperties().forEach(extensions::putIfAbsent);
        extensions.put("classification", classification(problem.getStatus()).name());
        GraphqlErrorBuilder<?> builder = env == null ? GraphqlErrorBuilder.newError() : GraphqlErrorBuilder.newError(env);
        return builder.message(problem.getDetail() != null ? problem.getDetail() : problem.getTitle())
                .errorType(classification(problem.getStatus())).extensions(extensions).build();
    }

    private static ErrorType classification(int status) {
        return switch (status) {
            case 400, 412, 428 -> ErrorType.BAD_REQUEST;
            case 401 -> ErrorType.UNAUTHORIZED;
            case 403 -> ErrorType.FORBIDDEN;
            case 404 -> ErrorType.NOT_FOUND;
            case 500 -> ErrorType.INTERNAL_ERROR;
            default -> ErrorType.BAD_REQUEST;
        };
    }
}
