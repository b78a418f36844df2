package com.aftersales.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftersales.infra.eventstore.MongoEventStorageEngine;
import com.aftersales.infra.mongo.EmbeddedMongo;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** With no MongoDB configured the service starts its embedded server and our event store on it. */
class EmbeddedDefaultStartupTest extends ApiTestSupport {

    @Autowired
    ApplicationContext context;

    @Test
    void runs_the_embedded_mongodb_with_our_event_store_and_token_store() {
        assertThat(context.getBean(EmbeddedMongo.class)).isNotNull();
        assertThat(context.getBean(EventStorageEngine.class)).isInstanceOf(MongoEventStorageEngine.class);
        assertThat(context.getBean(TokenStore.class)).isInstanceOf(MongoTokenStore.class);
    }
}
