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

    private RefusalCode() {
    }
}
