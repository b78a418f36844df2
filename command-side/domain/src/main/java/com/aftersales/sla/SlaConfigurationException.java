package com.aftersales.sla;

/**
 * A tenant's SLA policy or calendar section that cannot become a policy or calendar: a stable code
 * ({@code RefusalCode}), the configuration field, and the offending value when there is one.
 */
public class SlaConfigurationException extends IllegalArgumentException {

    private final String code;
    private final String field;
    private final String value;

    public SlaConfigurationException(String code, String field, String value) {
        super(code + " at " + field + (value == null ? "" : ": " + value));
        this.code = code;
        this.field = field;
        this.value = value;
    }

    public String code() {
        return code;
    }

    public String field() {
        return field;
    }

    public String value() {
        return value;
    }
}
