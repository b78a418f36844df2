package com.aftersales.ticket;

/** Responsibility attribution 责任归属 (SPEC §3). */
public enum Responsibility {
    INTERNAL, THIRD_PARTY, CUSTOMER
}
