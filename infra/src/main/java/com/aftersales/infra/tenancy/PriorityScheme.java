package com.aftersales.infra.tenancy;

import java.util.List;

/**
 * The priority scheme presets of SPEC §3, highest level first. The first level's plans need a
 * MANAGER, the second's a SUPERVISOR; the rest may be executed directly.
 */
public enum PriorityScheme {

    /** urgent 紧急 24h, normal 一般 48h, low 低 3 working days. */
    URGENT_NORMAL_LOW(List.of("urgent", "normal", "low")),
    /** P0 within 1h, P1 4h, P2 24h. */
    P0_P2(List.of("P0", "P1", "P2")),
    /** P1 immediate, P2 4h, P3 8h, P4 24h. */
    P1_P4(List.of("P1", "P2", "P3", "P4"));

    private final List<String> levels;

    PriorityScheme(List<String> levels) {
        this.levels = levels;
    }

    public List<String> levels() {
        return levels;
    }

    public boolean hasLevel(String level) {
        return levels.contains(level);
    }

    /** 0 for the highest level, 1 for the second…; -1 for none or a level the scheme lacks. */
    public int rankOf(String level) {
        return level == null ? -1 : levels.indexOf(level);
    }

    /** The two highest levels: they need a qualified lead (SPEC §4) and a plan in effect (SPEC §5). */
    public boolean isOneOfTheTopTwo(String level) {
        int rank = rankOf(level);
        return rank == 0 || rank == 1;
    }
}
