package com.aftersales.infra.tenancy;

import java.time.ZoneId;

/**
 * Who a tenant is and how its ticket numbers look: names in zh-CN and English, the time zone of
 * its dates, and the number's prefix and serial digits (e.g. {@code SR} and 4: SR202310270001).
 */
public record TenantProfile(String nameZh, String nameEn, ZoneId timeZone, String ticketPrefix, int serialDigits) {

    public TenantProfile {
        ticketPrefix = ticketPrefix == null ? "" : ticketPrefix;
        timeZone = timeZone == null ? ZoneId.of("Asia/Shanghai") : timeZone;
    }

    /** What is wrong with it, or null. */
    public String problem() {
        if (isBlank(nameZh) && isBlank(nameEn)) {
            return "name";
        }
        if (!ticketPrefix.matches("[A-Z]{0,6}")) {
            return "ticketPrefix";
        }
        if (serialDigits < 3 || serialDigits > 6) {
            return "serialDigits";
        }
        return null;
    }

    static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
