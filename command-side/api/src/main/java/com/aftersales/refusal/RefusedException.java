package com.aftersales.refusal;

/** Thrown by command handlers when a business rule refuses the command. Changes nothing. */
public class RefusedException extends RuntimeException {

    private final Refusal refusal;

    public RefusedException(Refusal refusal) {
        super(refusal.code());
        this.refusal = refusal;
    }

    public RefusedException(String code) {
        this(Refusal.of(code));
    }

    public Refusal refusal() {
        return refusal;
    }

    public String code() {
        return refusal.code();
    }
}
