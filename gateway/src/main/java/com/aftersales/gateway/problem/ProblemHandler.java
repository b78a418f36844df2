package com.aftersales.gateway.problem;

import com.aftersales.infra.tenancy.InvalidTenantConfigurationException;
import com.aftersales.refusal.Refusal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.InvalidPropertyException;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebInputException;

/**
 * The one place where failures become responses. Nothing internal leaks: unexpected errors are
 * logged with a reference and answered with that reference only. Problems are always written as
 * {@code application/problem+json}, whatever the request's Accept header says (RFC 9110 allows
 * it, and a client sending a malformed Accept header must still learn what went wrong).
 */
@RestControllerAdvice
public class ProblemHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    private final Problems problems;

    public ProblemHandler(Problems problems) {
        this.problems = problems;
    }

    /** The caller's language; English when Accept-Language is missing or unreadable. */
    private static Locale locale(ServerWebExchange exchange) {
        try {
            Locale locale = exchange.getLocaleContext().getLocale();
            return locale == null ? Locale.ENGLISH : locale;
        } catch (IllegalArgumentException malformedAcceptLanguage) {
            return Locale.ENGLISH;
        }
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @ExceptionHandler(WebExchangeBindException.class)
    ResponseEntity<ProblemDetail> invalid(WebExchangeBindException e, ServerWebExchange exchange) {
        Locale locale = locale(exchange);
        ProblemDetail problem = problems.problem(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", locale);
        List<Map<String, Object>> errors = e.getFieldErrors().stream().map(error -> fieldError(error, locale)).toList();
        problem.setProperty("errors", errors);
        return respond(problem);
    }

    private Map<String, Object> fieldError(FieldError error, Locale locale) {
        return Map.of("field", error.getField(), "code", String.valueOf(error.getCode()),
                "message", problems.message("validation." + error.getCode(), locale,
                        error.getDefaultMessage() == null ? "" : error.getDefaultMessage(), error.getArguments()));
    }

    @ExceptionHandler(ServerWebInputException.class)
    ResponseEntity<ProblemDetail> malformed(ServerWebInputException e, ServerWebExchange exchange) {
        if (causedBy(e, DataBufferLimitException.class)) {
            return respond(problems.problem(HttpStatus.PAYLOAD_TOO_LARGE, "PAYLOAD_TOO_LARGE", locale(exchange)));
        }
        InvalidTenantConfigurationException configuration = cause(e, InvalidTenantConfigurationException.class);
        if (configuration != null) {
            return respond(refusal(Refusal.of("TENANT_CONFIGURATION_INVALID", "field", configuration.field()), locale(exchange)));
        }
        ProblemDetail problem = problems.problem(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST", locale(exchange));
        if (e.getCause() instanceof DecodingException decoding && decoding.getCause() != null) {
            problem.setProperty("hint", decodingHint(decoding.getCause()));
        }
        return respond(problem);
    }

    /** A body larger than the codecs' in-memory limit, where it was not wrapped as an input error. */
    @ExceptionHandler(DataBufferLimitException.class)
    ResponseEntity<ProblemDetail> tooLarge(DataBufferLimitException e, ServerWebExchange exchange) {
        return respond(problems.problem(HttpStatus.PAYLOAD_TOO_LARGE, "PAYLOAD_TOO_LARGE", locale(exchange)));
    }

    /**
     * A query parameter that names no property the binder can set: {@code customer[$ne]=1},
     * {@code q[$regex]=.*}, {@code customer.name=x} (operator injection attempts, or typos).
     */
    @ExceptionHandler(InvalidPropertyException.class)
    ResponseEntity<ProblemDetail> unbindable(InvalidPropertyException e, ServerWebExchange exchange) {
        ProblemDetail problem = problems.problem(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST", locale(exchange));
        problem.setProperty("hint", e.getPropertyName());
        return respond(problem);
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        return cause(e, type) != null;
    }

    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    /** Names the JSON path of the offending value without echoing parser internals. */
    private static String decodingHint(Throwable cause) {
        if (cause instanceof com.fasterxml.jackson.databind.JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("");
        }
        return "body";
    }

    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<ProblemDetail> refused(CommandExecutionException e, ServerWebExchange exchange) {
        Object details = e.getDetails().orElse(null);
        if (details instanceof Refusal refusal) {
            return respond(refusal(refusal, locale(exchange)));
        }
        return unexpected(e, exchange);
    }

    @ExceptionHandler(RefusalException.class)
    ResponseEntity<ProblemDetail> refused(RefusalException e, ServerWebExchange exchange) {
        return respond(refusal(e.refusal(), locale(exchange)));
    }

    /** A conflict that reached here without the task retries (those answer CONCURRENT_MODIFICATION themselves). */
    @ExceptionHandler(ConcurrencyException.class)
    ProblemDetail conflict(ConcurrencyException e, ServerWebExchange exchange) {
        return refusal(Refusal.of("CONCURRENT_MODIFICATION"), locale(exchange));
    }

    @ExceptionHandler(AggregateStreamCreationException.class)
    ResponseEntity<ProblemDetail> duplicate(AggregateStreamCreationException e, ServerWebExchange exchange) {
        return respond(refusal(Refusal.of("TICKET_ALREADY_EXISTS"), locale(exchange)));
    }

    private ProblemDetail refusal(Refusal refusal, Locale locale) {
        return problems.refusal(refusal, locale);
    }

    /** Framework-level refusals: unknown path, wrong method or media type. */
    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<ProblemDetail> rejected(ResponseStatusException e, ServerWebExchange exchange) {
        HttpStatus status = HttpStatus.resolve(e.getStatusCode().value());
        if (status == null || status.is5xxServerError()) {
            return unexpected(e, exchange);
        }
        String code = switch (status) {
            case NOT_FOUND -> "NOT_FOUND";
            case METHOD_NOT_ALLOWED -> "METHOD_NOT_ALLOWED";
            case UNSUPPORTED_MEDIA_TYPE -> "UNSUPPORTED_MEDIA_TYPE";
            case NOT_ACCEPTABLE -> "NOT_ACCEPTABLE";
            case PAYLOAD_TOO_LARGE -> "PAYLOAD_TOO_LARGE";
            default -> "REQUEST_REJECTED";
        };
        return respond(problems.problem(status, code, locale(exchange)));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, ServerWebExchange exchange) {
        String reference = exchange.getRequest().getId();
        log.error("Unexpected failure, reference {}", reference, e);
        ProblemDetail problem = problems.problem(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR", locale(exchange),
                reference);
        problem.setProperty("reference", reference);
        return respond(problem);
    }
}
