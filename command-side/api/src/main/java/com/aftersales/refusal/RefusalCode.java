package com.aftersales.refusal;

/** The stable codes of refusals a user can hit. Messages for each live in the gateway's bundles. */
public final class RefusalCode {

    public static final String TICKET_NOT_FOUND = "TICKET_NOT_FOUND";
    public static final String TICKET_ALREADY_EXISTS = "TICKET_ALREADY_EXISTS";
    public static final String ROLE_NOT_ALLOWED = "ROLE_NOT_ALLOWED";
    public static final String TENANT_UNKNOWN = "TENANT_UNKNOWN";
    public static final String TICKET_TYPE_UNKNOWN = "TICKET_TYPE_UNKNOWN";
    public static final String PRIORITY_UNKNOWN = "PRIORITY_UNKNOWN";
    public static final String REGISTRATION_INCOMPLETE = "REGISTRATION_INCOMPLETE";
    public static final String TICKET_ALREADY_ACKNOWLEDGED = "TICKET_ALREADY_ACKNOWLEDGED";
    public static final String ACKNOWLEDGEMENT_INCOMPLETE = "ACKNOWLEDGEMENT_INCOMPLETE";
    public static final String TICKET_STATE_CONFLICT = "TICKET_STATE_CONFLICT";
    public static final String NOT_THE_ASSIGNEE = "NOT_THE_ASSIGNEE";
    public static final String LEAD_NOT_QUALIFIED = "LEAD_NOT_QUALIFIED";
    public static final String ASSIGNMENT_INCOMPLETE = "ASSIGNMENT_INCOMPLETE";
    public static final String REASON_REQUIRED = "REASON_REQUIRED";
    public static final String ALREADY_A_HANDLER = "ALREADY_A_HANDLER";
    public static final String VERSION_MISMATCH = "VERSION_MISMATCH";
    public static final String NOT_A_HANDLER = "NOT_A_HANDLER";
    public static final String PLAN_INCOMPLETE = "PLAN_INCOMPLETE";
    public static final String NO_PLAN_PENDING = "NO_PLAN_PENDING";
    public static final String PLAN_APPROVAL_LEVEL = "PLAN_APPROVAL_LEVEL";
    public static final String PLAN_NOT_APPROVED = "PLAN_NOT_APPROVED";
    public static final String SURVEY_INVALID = "SURVEY_INVALID";
    public static final String SURVEY_ALREADY_RECORDED = "SURVEY_ALREADY_RECORDED";
    public static final String FOLLOW_UP_NEEDS_SUPERVISOR = "FOLLOW_UP_NEEDS_SUPERVISOR";
    public static final String NOT_A_COMPLAINT = "NOT_A_COMPLAINT";
    public static final String FEEDBACK_INCOMPLETE = "FEEDBACK_INCOMPLETE";
    public static final String NO_FEEDBACK_TO_REVIEW = "NO_FEEDBACK_TO_REVIEW";
    public static final String COMPLAINT_REVIEW_PENDING = "COMPLAINT_REVIEW_PENDING";
    public static final String PRIORITY_REQUIRED = "PRIORITY_REQUIRED";
    public static final String SELF_APPROVAL = "SELF_APPROVAL";
    public static final String COMPLAINT_TYPE_LOCKED = "COMPLAINT_TYPE_LOCKED";
    public static final String COMPLAINT_NOT_SETTLED = "COMPLAINT_NOT_SETTLED";
    public static final String SURVEY_MISSING = "SURVEY_MISSING";
    public static final String FOLLOW_UP_OPEN = "FOLLOW_UP_OPEN";
    public static final String COMPENSATION_NOT_APPROVED = "COMPENSATION_NOT_APPROVED";
    public static final String PLAN_REQUIRED = "PLAN_REQUIRED";

    public static final String TENANT_SUSPENDED = "TENANT_SUSPENDED";
    public static final String TENANT_NOT_FOUND = "TENANT_NOT_FOUND";
    public static final String TENANT_ALREADY_EXISTS = "TENANT_ALREADY_EXISTS";
    public static final String TENANT_ID_INVALID = "TENANT_ID_INVALID";
    public static final String TENANT_PROFILE_INVALID = "TENANT_PROFILE_INVALID";
    public static final String TENANT_CONFIGURATION_INVALID = "TENANT_CONFIGURATION_INVALID";
    // the SLA policy and calendar sections of a tenant configuration (docs/sla.md)
    public static final String SLA_PRESET_UNKNOWN = "SLA_PRESET_UNKNOWN";
    public static final String SLA_LEVEL_UNKNOWN = "SLA_LEVEL_UNKNOWN";
    public static final String SLA_METRIC_UNKNOWN = "SLA_METRIC_UNKNOWN";
    public static final String SLA_TARGET_INVALID = "SLA_TARGET_INVALID";
    public static final String SLA_WARNING_PERCENT_INVALID = "SLA_WARNING_PERCENT_INVALID";
    public static final String CALENDAR_PRESET_UNKNOWN = "CALENDAR_PRESET_UNKNOWN";
    public static final String CALENDAR_VERSION_INVALID = "CALENDAR_VERSION_INVALID";
    public static final String CALENDAR_VERSIONS_OUT_OF_ORDER = "CALENDAR_VERSIONS_OUT_OF_ORDER";
    public static final String CALENDAR_VERSION_BACKDATED = "CALENDAR_VERSION_BACKDATED";
    public static final String CALENDAR_HISTORY_CHANGED = "CALENDAR_HISTORY_CHANGED";
    public static final String IDENTITY_PROVIDER_INVALID = "IDENTITY_PROVIDER_INVALID";
    public static final String TENANT_ALREADY_SUSPENDED = "TENANT_ALREADY_SUSPENDED";
    public static final String TENANT_NOT_SUSPENDED = "TENANT_NOT_SUSPENDED";

    /** Issue 13: retention, legal hold, erasure. */
    public static final String RETENTION_BELOW_LEGAL_MINIMUM = "RETENTION_BELOW_LEGAL_MINIMUM";
    public static final String ALREADY_ON_HOLD = "ALREADY_ON_HOLD";
    public static final String NOT_ON_HOLD = "NOT_ON_HOLD";
    public static final String SUBJECT_NOT_FOUND = "SUBJECT_NOT_FOUND";
    public static final String SUBJECT_ALREADY_ERASED = "SUBJECT_ALREADY_ERASED";
    public static final String ERASURE_WITHIN_RETENTION = "ERASURE_WITHIN_RETENTION";
    public static final String ERASURE_TICKET_NOT_ARCHIVED = "ERASURE_TICKET_NOT_ARCHIVED";
    public static final String ERASURE_ON_HOLD = "ERASURE_ON_HOLD";

    private RefusalCode() {
    }
}
