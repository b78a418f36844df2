package com.aftersales.infra.privacy;

/**
 * A response body that holds no personal data by construction, or holds it only for callers who
 * may read it (an export carries payloads for PII_READER only): written without masking, so that
 * hashes, proofs, signatures and keys reach the auditor byte for byte without putting their
 * generic field names ({@code root}, {@code previous}, {@code proof}) on the API-wide never-mask list.
 */
public interface NotPersonalData {
}
