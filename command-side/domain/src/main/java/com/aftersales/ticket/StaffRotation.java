package com.aftersales.ticket;

/** The turn of round-robin routing per tenant and department: each call answers the next number. */
public interface StaffRotation {

    long next(String tenantId, String department);
}
