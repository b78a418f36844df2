package com.aftersales.infra.serialization;

import org.axonframework.serialization.RevisionResolver;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/** Revisions for everything Axon serializes: {@code @Revision} for events, the state's shape for snapshots. */
@AutoConfiguration(before = AxonAutoConfiguration.class)
public class SerializationAutoConfiguration {

    @Bean
    RevisionResolver revisionResolver() {
        return new StateShapeRevisionResolver();
    }
}
