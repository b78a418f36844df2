package com.aftersales.gateway.privacy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.web.filter.reactive.ServerWebExchangeContextFilter;
import org.springframework.web.reactive.config.WebFluxConfigurer;

/**
 * SPEC §8 applied once, where response JSON is written: the server's JSON encoder masks personal
 * data for callers without PII_READER. Only the server codecs change: the shared ObjectMapper
 * (Axon's event serializer) and client codecs stay as they are.
 */
@Configuration
@Order(Ordered.LOWEST_PRECEDENCE) // after Boot's codec customizers, which set the default Jackson encoder
public class PersonalDataConfiguration implements WebFluxConfigurer {

    private final ObjectMapper json;

    public PersonalDataConfiguration(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void configureHttpMessageCodecs(ServerCodecConfigurer configurer) {
        configurer.defaultCodecs().jackson2JsonEncoder(new PersonalDataJsonEncoder(json));
    }

    /**
     * Makes the exchange, with its verified principal, visible to the encoder. Unordered, so it
     * runs after Spring Security's filter chain and sees the authenticated exchange.
     */
    @Bean
    ServerWebExchangeContextFilter exchangeInReactorContext() {
        return new ServerWebExchangeContextFilter();
    }
}
