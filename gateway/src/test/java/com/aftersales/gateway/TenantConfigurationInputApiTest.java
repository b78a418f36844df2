package com.aftersales.gateway;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/**
 * Configuration input a type refuses while being read is answered as the configuration problem it is,
 * naming the field, and an onboarding request that says two things is refused rather than half-read.
 */
class TenantConfigurationInputApiTest extends ApiTestSupport {

    static final String PLATFORM = token(null, "PLATFORM_ADMIN");

    private static Map<String, Object> levels(int count) {
        List<Map<String, String>> levels = new java.util.ArrayList<>();
        for (int i = 1; i <= count; i++) {
            levels.add(Map.of("code", "L" + i, "nameZh", "级" + i, "nameEn", "Level " + i));
        }
        return Map.of("levels", levels);
    }

    private static Map<String, Object> configuration(Object priorityScheme) {
        Map<String, Object> configuration = new LinkedHashMap<>();
        configuration.put("ticketTypes", List.of("repair", "complaint"));
        configuration.put("complaintTypes", List.of("complaint"));
        configuration.put("priorityScheme", priorityScheme);
        return configuration;
    }

    @Test
    void a_priority_scheme_of_two_or_five_levels_is_a_configuration_problem_naming_the_field() {
        http.post().uri("/api/v1/admin/tenants").headers(h -> h.setBearerAuth(PLATFORM))
                .bodyValue(Map.of("id", "cfg-input", "nameEn", "Config Input")).exchange().expectStatus().isCreated();
        String admin = token("cfg-input", "TENANT_ADMIN");
        for (Object scheme : List.of(levels(2), levels(5), "P9_P9")) {
            http.put().uri("/api/v1/tenant/configuration").headers(h -> {
                        h.setBearerAuth(admin);
                        h.setIfMatch("\"1\"");
                    }).bodyValue(configuration(scheme)).exchange()
                    .expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY)
                    .expectBody().jsonPath("$.code").isEqualTo("TENANT_CONFIGURATION_INVALID")
                    .jsonPath("$.field").isEqualTo("priorityScheme");
        }
        http.post().uri("/api/v1/admin/tenants").headers(h -> h.setBearerAuth(PLATFORM))
                .bodyValue(Map.of("id", "cfg-input-2", "nameEn", "Config Input", "configuration", configuration(levels(5))))
                .exchange().expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY)
                .expectBody().jsonPath("$.code").isEqualTo("TENANT_CONFIGURATION_INVALID")
                .jsonPath("$.field").isEqualTo("priorityScheme");
    }

    @Test
    void onboarding_with_both_a_preset_and_a_whole_configuration_is_refused() {
        http.post().uri("/api/v1/admin/tenants").headers(h -> h.setBearerAuth(PLATFORM))
                .bodyValue(Map.of("id", "cfg-both", "nameEn", "Both", "priorityPreset", "P0_P2",
                        "configuration", configuration("URGENT_NORMAL_LOW")))
                .exchange().expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY)
                .expectBody().jsonPath("$.code").isEqualTo("TENANT_CONFIGURATION_INVALID")
                .jsonPath("$.field").isEqualTo("priorityPreset");
        http.get().uri("/api/v1/admin/tenants/cfg-both").headers(h -> h.setBearerAuth(PLATFORM)).exchange()
                .expectStatus().isNotFound();
    }
}
