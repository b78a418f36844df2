package com.aftersales.refusal;

import java.util.Map;

/**
 * Why a command was refused: a stable code (see {@code RefusalCode}) and the values the
 * gateway's localized message needs. Travels as {@code CommandExecutionException} details, so it
 * reaches the gateway the same way from the local command bus and from Axon Server.
 */
public record Refusal(String code, Map<String, Object> arguments) {

    public Refusal {
        // in the given order: the first is the localized message's {0}
        arguments = arguments == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(arguments));
    }

    public static Refusal of(String code) {
        return new Refusal(code, Map.of());
    }

    public static Refusal of(String code, String name, Object value) {
        return new Refusal(code, Map.of(name, value));
    }
}
