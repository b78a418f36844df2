package com.aftersales.gateway.problem;

import java.util.Map;
import org.springframework.http.HttpStatus;

/** The HTTP status of each refusal code; codes not listed are business-rule refusals (422). */
final class RefusalStatus {

    private static final Map<String, HttpStatus> STATUS = Map.ofEntries(
            Map.entry("TICKET_STATE_CONFLICT", HttpStatus.CONFLICT),
            Map.entry("VERSION_MISMATCH", HttpStatus.PRECONDITION_FAILED),
            Map.entry("IF_MATCH_INVALID", HttpStatus.BAD_REQUEST),
            Map.entry("NOT_THE_ASSIGNEE", HttpStatus.FORBIDDEN),
            Map.entry("LEAD_NOT_QUALIFIED", HttpStatus.FORBIDDEN),
            Map.entry("ALREADY_A_HANDLER", HttpStatus.CONFLICT),
            Map.entry("NOT_A_HANDLER", HttpStatus.FORBIDDEN),
            Map.entry("PLAN_APPROVAL_LEVEL", HttpStatus.FORBIDDEN),
            Map.entry("FOLLOW_UP_NEEDS_SUPERVISOR", HttpStatus.FORBIDDEN),
            Map.entry("NO_PLAN_PENDING", HttpStatus.CONFLICT),
            Map.entry("PLAN_NOT_APPROVED", HttpStatus.CONFLICT),
            Map.entry("PLAN_REQUIRED", HttpStatus.CONFLICT),
            Map.entry("CONCURRENT_MODIFICATION", HttpStatus.CONFLICT),
            Map.entry("SURVEY_ALREADY_RECORDED", HttpStatus.CONFLICT),
            Map.entry("NO_FEEDBACK_TO_REVIEW", HttpStatus.CONFLICT),
            Map.entry("COMPLAINT_REVIEW_PENDING", HttpStatus.CONFLICT),
            Map.entry("SELF_APPROVAL", HttpStatus.FORBIDDEN),
            Map.entry("IF_MATCH_REQUIRED", HttpStatus.PRECONDITION_REQUIRED),
            Map.entry("COMPLAINT_TYPE_LOCKED", HttpStatus.CONFLICT),
            Map.entry("COMPLAINT_NOT_SETTLED", HttpStatus.CONFLICT),
            Map.entry("SURVEY_MISSING", HttpStatus.CONFLICT),
            Map.entry("FOLLOW_UP_OPEN", HttpStatus.CONFLICT),
            Map.entry("COMPENSATION_NOT_APPROVED", HttpStatus.CONFLICT),
            Map.entry("TICKET_NOT_FOUND", HttpStatus.NOT_FOUND),
            Map.entry("ROLE_NOT_ALLOWED", HttpStatus.FORBIDDEN),
            Map.entry("TENANT_UNKNOWN", HttpStatus.FORBIDDEN),
            Map.entry("TENANT_SUSPENDED", HttpStatus.FORBIDDEN),
            Map.entry("TENANT_NOT_FOUND", HttpStatus.NOT_FOUND),
            Map.entry("TENANT_ALREADY_EXISTS", HttpStatus.CONFLICT),
            Map.entry("TENANT_ALREADY_SUSPENDED", HttpStatus.CONFLICT),
            Map.entry("TENANT_NOT_SUSPENDED", HttpStatus.CONFLICT),
            Map.entry("ISSUER_ALREADY_TRUSTED", HttpStatus.CONFLICT),
            Map.entry("TICKET_ALREADY_EXISTS", HttpStatus.CONFLICT),
            Map.entry("TICKET_ALREADY_ACKNOWLEDGED", HttpStatus.CONFLICT),
            Map.entry("IDEMPOTENCY_KEY_REUSED", HttpStatus.UNPROCESSABLE_ENTITY),
            Map.entry("INVALID_CURSOR", HttpStatus.BAD_REQUEST),
            Map.entry("MONTH_RANGE_TOO_LONG", HttpStatus.BAD_REQUEST),
            Map.entry("PERSONAL_DATA_SEARCH_NOT_ALLOWED", HttpStatus.FORBIDDEN),
            Map.entry("IDEMPOTENCY_KEY_INVALID", HttpStatus.BAD_REQUEST),
            Map.entry("ALREADY_ON_HOLD", HttpStatus.CONFLICT),
            Map.entry("NOT_ON_HOLD", HttpStatus.CONFLICT),
            Map.entry("SUBJECT_NOT_FOUND", HttpStatus.NOT_FOUND),
            Map.entry("SUBJECT_ALREADY_ERASED", HttpStatus.CONFLICT),
            Map.entry("SUBJECT_PROBE_EMPTY", HttpStatus.BAD_REQUEST),
            Map.entry("PROJECTION_REBUILD_RUNNING", HttpStatus.CONFLICT),
            Map.entry("PROJECTION_CLAIMED_ELSEWHERE", HttpStatus.CONFLICT),
            Map.entry("PROJECTION_NOT_REBUILDABLE", HttpStatus.NOT_FOUND));

    private RefusalStatus() {
    }

    static HttpStatus of(String code) {
        return STATUS.getOrDefault(code, HttpStatus.UNPROCESSABLE_ENTITY);
    }
}
