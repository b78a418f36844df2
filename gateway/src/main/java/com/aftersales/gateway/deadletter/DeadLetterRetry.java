package com.aftersales.gateway.deadletter;

/** {@code processed}: letters that left the queue; a ticket whose letter fails again stays queued. */
public record DeadLetterRetry(String processingGroup, long processed, long remaining) {
}
