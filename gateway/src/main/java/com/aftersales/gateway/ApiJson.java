package com.aftersales.gateway;

import com.aftersales.infra.privacy.PersonalDataModule;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.web.codec.CodecCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.codec.json.Jackson2JsonDecoder;

/**
 * Request bodies with unknown fields are refused (a misspelt field must not vanish silently), and
 * so are bodies naming a field twice (which value counts would depend on the parser).
 * Only the HTTP decoder is strict: Axon serializes events with the shared ObjectMapper, and
 * stored events must stay readable after a field is removed. An encrypted personal field
 * (docs/privacy.md) is never opened from a request body.
 */
@Configuration
public class ApiJson {

    @Bean
    CodecCustomizer strictRequestBodies(ObjectMapper shared) {
        ObjectMapper strict = PersonalDataModule.readingRequests(shared.copy())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        strict.getFactory().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        return configurer -> configurer.defaultCodecs().jackson2JsonDecoder(new Jackson2JsonDecoder(strict));
    }
}
