package com.aftersales.gateway.graphql;

import java.util.List;
import java.util.Map;

/** Arguments that fail the same bean validation as the REST bodies: VALIDATION_FAILED with the field errors. */
final class InvalidInputException extends RuntimeException {

    private final String code;
    private final transient List<Map<String, Object>> errors;

    InvalidInputException(String code, List<Map<String, Object>> errors) {
        super(code, null, false, false);
        this.code = code;
        this.errors = errors;
    }

    String code() {
        return code;
    }

    List<Map<String, Object>> errors() {
        return errors;
    }
}
