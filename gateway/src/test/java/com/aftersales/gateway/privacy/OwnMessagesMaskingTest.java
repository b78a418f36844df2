package com.aftersales.gateway.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftersales.infra.privacy.PersonalData;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class OwnMessagesMaskingTest {

    /** Problem titles and details are free text too: none of our own messages may be mistaken for personal data. */
    @Test
    void the_apis_own_messages_pass_unchanged() throws Exception {
        for (String bundle : new String[] {"/messages.properties", "/messages_zh_CN.properties"}) {
            Properties messages = new Properties();
            try (var in = new InputStreamReader(OwnMessagesMaskingTest.class.getResourceAsStream(bundle), StandardCharsets.UTF_8)) {
                messages.load(in);
            }
            messages.forEach((key, message) -> assertThat(PersonalData.mask("detail", (String) message))
                    .as("%s %s", bundle, key).isEqualTo(message));
        }
    }
}
