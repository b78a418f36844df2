package com.aftersales.privacy;

import java.time.LocalTime;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Platform-wide retention rules (SPEC §8): no tenant may keep archived records for less than the
 * legal minimum; the disposal of a ticket past retention runs at {@code disposalTime} of the day,
 * in the tenant's time zone (the daily disposal run).
 *
 * @param requestsMinimum       legal minimum for requests, 3 years after archiving by default
 * @param complaintFormsMinimum legal minimum for complaint forms, 2 years after archiving by default
 * @param disposalTime          the time of day disposals run, 02:00 by default
 */
@ConfigurationProperties(prefix = "aftersales.retention")
public record RetentionProperties(Period requestsMinimum, Period complaintFormsMinimum, LocalTime disposalTime) {

    public RetentionProperties {
        requestsMinimum = requestsMinimum == null ? Period.ofYears(3) : requestsMinimum;
        complaintFormsMinimum = complaintFormsMinimum == null ? Period.ofYears(2) : complaintFormsMinimum;
        disposalTime = disposalTime == null ? LocalTime.of(2, 0) : disposalTime;
    }

    public static RetentionProperties defaults() {
        return new RetentionProperties(null, null, null);
    }
}
