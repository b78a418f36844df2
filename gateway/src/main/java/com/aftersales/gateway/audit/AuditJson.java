package com.aftersales.gateway.audit;

import com.aftersales.infra.privacy.NotPersonalData;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Map;

/** An audit export line or the JWKS: evidence written byte for byte, never masked (see {@link NotPersonalData}). */
public record AuditJson(@JsonValue Map<String, Object> value) implements NotPersonalData {
}
