package com.aftersales.sla;

/** Why a clock stops counting: the ticket waits on someone outside the tenant's staff. */
public enum PauseReason {
    WAITING_FOR_CUSTOMER,
    WAITING_FOR_PARTS,
    WAITING_FOR_THIRD_PARTY
}
