package com.aftersales.ticket;

/**
 * The turn of round-robin routing per tenant and pool: each call answers the next number. A pool is a
 * department and who is eligible in it ({@code technical/seniors}, {@code technical/all}).
 */
public interface StaffRotation {

    long next(String tenantId, String pool);
}
