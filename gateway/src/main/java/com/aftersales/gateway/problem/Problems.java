package com.aftersales.gateway.problem;

import com.aftersales.refusal.Refusal;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * Builds RFC 9457 problem details: a stable {@code code}, a type URI derived from it, and a title
 * and detail in the caller's language ({@code messages*.properties}, English or zh-CN).
 */
@Component
public class Problems {

    public static final String TYPE_PREFIX = "urn:aftersales:problem:";
    private static final Set<String> STANDARD_MEMBERS =
            Set.of("type", "title", "status", "detail", "instance", "code", "errors");

    private final MessageSource messages;

    public Problems(MessageSource messages) {
        this.messages = messages;
    }

    public ProblemDetail problem(HttpStatus status, String code, Locale locale, Object... arguments) {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setType(URI.create(TYPE_PREFIX + code.toLowerCase(Locale.ROOT).replace('_', '-')));
        problem.setTitle(message("problem." + code + ".title", locale, status.getReasonPhrase()));
        problem.setDetail(messages.getMessage("problem." + code + ".detail", arguments, null, locale));
        problem.setProperty("code", code);
        return problem;
    }

    /** A refusal's problem: status by code, its arguments in the detail and as extra members. */
    public ProblemDetail refusal(Refusal refusal, Locale locale) {
        Object[] arguments = refusal.arguments().values().stream()
                .map(value -> value instanceof List<?> list ? String.join(", ", list.stream().map(String::valueOf).toList()) : value)
                .toArray();
        ProblemDetail problem = problem(RefusalStatus.of(refusal.code()), refusal.code(), locale, arguments);
        refusal.arguments().forEach((name, value) -> {
            if (!STANDARD_MEMBERS.contains(name)) {
                problem.setProperty(name, value);
            }
        });
        return problem;
    }

    public String message(String key, Locale locale, String fallback, Object... arguments) {
        return messages.getMessage(key, arguments, fallback, locale);
    }
}
