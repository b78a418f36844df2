package com.aftersales.infra.tenancy;

/**
 * A tenant configuration value that its own type refuses while being built (a priority scheme of 2 or
 * 5 levels, say), naming the configuration field; the API answers it as TENANT_CONFIGURATION_INVALID
 * with that field rather than as an unreadable body.
 */
public class InvalidTenantConfigurationException extends IllegalArgumentException {

    private final String field;

    public InvalidTenantConfigurationException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
