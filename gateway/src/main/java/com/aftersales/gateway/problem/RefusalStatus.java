package com.aftersales.gateway.problem;

import java.util.Map;
import org.springframework.http.HttpStatus;

/** The HTTP status of each refusal code; codes not listed are business-rule refusals (422). */
final class RefusalStatus {

    private static final Map<String, HttpStatus> STATUS = Map.of(
            "TICKET_NOT_FOUND", HttpStatus.NOT_FOUND,
            "ROLE_NOT_ALLOWED", HttpStatus.FORBIDDEN,
            "TENANT_UNKNOWN", HttpStatus.FORBIDDEN,
            "TICKET_ALREADY_EXISTS", HttpStatus.CONFLICT,
            "TICKET_ALREADY_ACKNOWLEDGED", HttpStatus.CONFLICT,
            "IDEMPOTENCY_KEY_REUSED", HttpStatus.UNPROCESSABLE_ENTITY,
            "INVALID_CURSOR", HttpStatus.BAD_REQUEST,
            "IDEMPOTENCY_KEY_INVALID", HttpStatus.BAD_REQUEST);

    private RefusalStatus() {
    }

    static HttpStatus of(String code) {
        return STATUS.getOrDefault(code, HttpStatus.UNPROCESSABLE_ENTITY);
    }
}
