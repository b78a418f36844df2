package com.aftersales.infra.audit;

import com.aftersales.infra.tenancy.TenantProperties;

/** A tenant's checkpoint interval: its own setting where it has one, else the platform's. */
final class CheckpointPolicies {

    /** A checkpoint document holds its leaves: at most ~55,000 (a 16 MB document), less one round. */
    static final int MAX_EVENTS = 50_000;

    private CheckpointPolicies() {
    }

    static CheckpointWriter.Policy of(AuditProperties.Checkpoints platform, TenantProperties.Tenant tenant) {
        TenantProperties.CheckpointSettings own = tenant == null ? null : tenant.getCheckpoints();
        int events = own != null && own.getEveryEvents() != null ? own.getEveryEvents() : platform.getEveryEvents();
        var every = own != null && own.getEvery() != null ? own.getEvery() : platform.getEvery();
        return new CheckpointWriter.Policy(Math.max(1, Math.min(MAX_EVENTS, events)), every);
    }
}
