package com.aftersales.gateway.problem;

import com.aftersales.refusal.Refusal;

/** A refusal decided in the gateway itself (e.g. an unknown ticket on read, a reused idempotency key). */
public class RefusalException extends RuntimeException {

    private final transient Refusal refusal;

    public RefusalException(String code) {
        super(code, null, false, false);
        this.refusal = Refusal.of(code);
    }

    public RefusalException(Refusal refusal) {
        super(refusal.code(), null, false, false);
        this.refusal = refusal;
    }

    public Refusal refusal() {
        return refusal;
    }
}
