package com.aftersales.gateway.privacy;

import com.aftersales.infra.privacy.SubjectKeys.SubjectIdentity;

/** Request bodies of the privacy API (issue 13). The customer is named in the body, never in a URL. */
public final class PrivacyRequests {

    private PrivacyRequests() {
    }

    /** A legal hold placed or released, and why. */
    public record HoldRequest(String reason) {
    }

    /** A customer by any of customer id, phone or email. */
    public record SubjectProbe(String customerId, String phone, String email) {
        SubjectIdentity identity() {
            return new SubjectIdentity(blankToNull(customerId), blankToNull(phone), blankToNull(email));
        }

        boolean isEmpty() {
            return identity().customerId() == null && identity().phone() == null && identity().email() == null;
        }
    }

    /** A legal hold on a customer, and why. */
    public record SubjectHoldRequest(String customerId, String phone, String email, String reason) {
        SubjectProbe probe() {
            return new SubjectProbe(customerId, phone, email);
        }
    }

    /** An erasure request (PIPL art. 47, GDPR art. 17) for a customer, and its reason. */
    public record ErasureRequest(String customerId, String phone, String email, String reason) {
        SubjectProbe probe() {
            return new SubjectProbe(customerId, phone, email);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
