package com.aftersales.gateway.deadletter;

/** A processing group without a dead-letter queue. */
class UnknownProcessingGroupException extends RuntimeException {

    UnknownProcessingGroupException() {
        super("PROCESSING_GROUP_UNKNOWN", null, false, false);
    }
}
