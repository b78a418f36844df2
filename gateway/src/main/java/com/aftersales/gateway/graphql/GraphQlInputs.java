package com.aftersales.gateway.graphql;

import com.aftersales.gateway.problem.Problems;
import com.aftersales.infra.privacy.PersonalDataModule;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Turns GraphQL arguments into the same records the REST API binds, with the same bean
 * validation: an argument the record cannot hold is MALFORMED_REQUEST, a constraint broken is
 * VALIDATION_FAILED with one error per field.
 */
@Component
public class GraphQlInputs {

    private final ObjectMapper json;
    private final Validator validator;
    private final Problems problems;

    public GraphQlInputs(ObjectMapper json, Validator validator, Problems problems) {
        this.json = PersonalDataModule.readingRequests(json.copy()); // never opens an envelope a caller sends
        this.validator = validator;
        this.problems = problems;
    }

    public <T> T bind(Map<String, Object> arguments, Class<T> type, Locale locale) {
        T value;
        try {
            value = json.convertValue(arguments == null ? Map.of() : arguments, type);
        } catch (IllegalArgumentException unreadable) {
            throw new InvalidInputException("MALFORMED_REQUEST", List.of());
        }
        var violations = validator.validate(value);
        if (!violations.isEmpty()) {
            throw new InvalidInputException("VALIDATION_FAILED", violations.stream()
                    .sorted(Comparator.comparing(violation -> violation.getPropertyPath().toString()))
                    .map(violation -> error(violation, locale)).toList());
        }
        return value;
    }

    private Map<String, Object> error(ConstraintViolation<?> violation, Locale locale) {
        String code = violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("field", violation.getPropertyPath().toString());
        error.put("code", code);
        error.put("message", problems.message("validation." + code, locale, violation.getMessage()));
        return error;
    }
}
