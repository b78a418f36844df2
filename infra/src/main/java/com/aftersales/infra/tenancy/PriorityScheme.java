package com.aftersales.infra.tenancy;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * A tenant's priority scheme (SPEC §3): 3 or 4 levels, highest first, each with a code and zh-CN/en
 * names. The first level's plans need a MANAGER, the second's a SUPERVISOR; the rest may be executed
 * directly. Three presets come from the source documents; a tenant may also name its own levels.
 */
public record PriorityScheme(String preset, List<PriorityLevel> levels) {

    /** urgent 紧急 24h, normal 一般 48h, low 低 3 working days. */
    public static final PriorityScheme URGENT_NORMAL_LOW = new PriorityScheme("URGENT_NORMAL_LOW", List.of(
            new PriorityLevel("urgent", "紧急", "Urgent"), new PriorityLevel("normal", "一般", "Normal"),
            new PriorityLevel("low", "低", "Low")));
    /** P0 within 1h, P1 4h, P2 24h. */
    public static final PriorityScheme P0_P2 = new PriorityScheme("P0_P2", List.of(
            new PriorityLevel("P0", "P0 核心业务/安全", "P0 core business or safety"),
            new PriorityLevel("P1", "P1 影响正常使用", "P1 blocks normal use"), new PriorityLevel("P2", "P2 非紧急", "P2 not urgent")));
    /** P1 immediate, P2 4h, P3 8h, P4 24h. */
    public static final PriorityScheme P1_P4 = new PriorityScheme("P1_P4", List.of(
            new PriorityLevel("P1", "P1 立即处理", "P1 immediate"), new PriorityLevel("P2", "P2 主要功能故障", "P2 main function broken"),
            new PriorityLevel("P3", "P3 一般", "P3 normal"), new PriorityLevel("P4", "P4 低", "P4 low")));

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public PriorityScheme {
        levels = List.copyOf(levels == null ? List.of() : levels);
        if (levels.size() < 3 || levels.size() > 4) {
            throw invalid("A priority scheme has 3 or 4 levels");
        }
        if (levels.stream().map(PriorityLevel::code).distinct().count() != levels.size()) {
            throw invalid("Priority level codes must differ");
        }
    }

    /** A preset by name ({@code URGENT_NORMAL_LOW}, {@code P0_P2}, {@code P1_P4}); also binds configuration values and JSON strings. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static PriorityScheme valueOf(String preset) {
        String name = preset == null ? "" : preset.strip().toUpperCase(Locale.ROOT);
        return presets().filter(scheme -> scheme.preset().equals(name)).findFirst()
                .orElseThrow(() -> invalid("No priority scheme preset " + preset));
    }

    private static InvalidTenantConfigurationException invalid(String message) {
        return new InvalidTenantConfigurationException("priorityScheme", message);
    }

    public static Stream<PriorityScheme> presets() {
        return Stream.of(URGENT_NORMAL_LOW, P0_P2, P1_P4);
    }

    /** The level codes, highest first. */
    public List<String> codes() {
        return levels.stream().map(PriorityLevel::code).toList();
    }

    public boolean hasLevel(String level) {
        return codes().contains(level);
    }

    /** 0 for the highest level, 1 for the second…; -1 for none or a level the scheme lacks. */
    public int rankOf(String level) {
        return level == null ? -1 : codes().indexOf(level);
    }

    /** The two highest levels: they need a qualified lead (SPEC §4) and a plan in effect (SPEC §5). */
    public boolean isOneOfTheTopTwo(String level) {
        int rank = rankOf(level);
        return rank == 0 || rank == 1;
    }

    /** A level with its names; codes are what tickets carry. */
    public record PriorityLevel(String code, String nameZh, String nameEn) {
        public PriorityLevel {
            if (code == null || !code.matches("[A-Za-z0-9_-]{1,20}")) {
                throw invalid("A priority level code is 1-20 letters, digits, - or _");
            }
        }
    }
}
