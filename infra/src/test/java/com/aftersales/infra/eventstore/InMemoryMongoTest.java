package com.aftersales.infra.eventstore;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Tests on one in-memory embedded server per test class; each test takes a fresh database. */
abstract class InMemoryMongoTest {

    static MongoFixture mongo;

    @BeforeAll
    static void startMongo() {
        mongo = MongoFixture.inMemory();
    }

    @AfterAll
    static void stopMongo() {
        mongo.close();
    }
}
