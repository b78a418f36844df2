package com.aftersales.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftersales.refusal.RefusalCode;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Every refusal code a user can hit has a title and a detail in English and in zh-CN. */
class ProblemMessagesTest {

    @Test
    void every_refusal_code_has_english_and_chinese_messages() throws Exception {
        List<String> codes = new ArrayList<>();
        for (var field : RefusalCode.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                codes.add((String) field.get(null));
            }
        }
        assertThat(codes).isNotEmpty();
        codes.addAll(GATEWAY_CODES);
        for (String bundle : List.of("messages.properties", "messages_zh.properties", "messages_zh_CN.properties")) {
            Properties messages = load(bundle);
            for (String code : codes) {
                assertThat(messages).as("%s in %s", code, bundle)
                        .containsKey("problem." + code + ".title")
                        .containsKey("problem." + code + ".detail");
            }
        }
    }

    /** Codes the gateway answers itself, for requests it cannot or will not hand to the command side. */
    static final List<String> GATEWAY_CODES = List.of("VALIDATION_FAILED", "MALFORMED_REQUEST", "PAYLOAD_TOO_LARGE",
            "URI_TOO_LONG", "HEADERS_TOO_LARGE", "UNAUTHENTICATED", "NOT_FOUND", "METHOD_NOT_ALLOWED",
            "UNSUPPORTED_MEDIA_TYPE", "NOT_ACCEPTABLE", "REQUEST_REJECTED", "INTERNAL_ERROR", "IDEMPOTENCY_KEY_REUSED",
            "IDEMPOTENCY_KEY_INVALID", "INVALID_CURSOR", "IF_MATCH_INVALID", "IF_MATCH_REQUIRED", "RATE_LIMITED",
            "CONCURRENT_MODIFICATION", "PROCESSING_GROUP_UNKNOWN", "PERSONAL_DATA_SEARCH_NOT_ALLOWED",
            "ISSUER_ALREADY_TRUSTED");

    @Test
    void every_problem_has_a_title_and_a_detail_in_both_languages() throws Exception {
        Properties english = load("messages.properties");
        Properties chinese = load("messages_zh_CN.properties");
        assertThat(chinese.stringPropertyNames()).as("the same keys in both languages")
                .containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
        for (String key : english.stringPropertyNames()) {
            if (key.startsWith("problem.") && key.endsWith(".title")) {
                assertThat(english).containsKey(key.replace(".title", ".detail"));
            }
        }
        for (String code : GATEWAY_CODES) {
            assertThat(english).as(code).containsKey("problem." + code + ".title").containsKey("problem." + code + ".detail");
        }
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = ProblemMessagesTest.class.getResourceAsStream("/" + name)) {
            properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
