package com.aftersales.gateway.problem;

import java.net.URI;
import java.util.Locale;
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

    public String message(String key, Locale locale, String fallback, Object... arguments) {
        return messages.getMessage(key, arguments, fallback, locale);
    }
}
