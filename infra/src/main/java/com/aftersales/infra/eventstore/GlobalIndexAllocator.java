package com.aftersales.infra.eventstore;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.bson.Document;

/**
 * Hands out the global index of commits from one counter document.
 * <p>
 * The counter is incremented with {@code findOneAndUpdate} returning the document BEFORE the
 * update: on mongo-java-server only that form is atomic under concurrent callers (returning the
 * document AFTER gave duplicates), and on MongoDB both are.
 */
final class GlobalIndexAllocator {

    private static final String COUNTER_ID = "events";
    private static final String NEXT = "next";

    private final MongoCollection<Document> counters;

    GlobalIndexAllocator(MongoCollection<Document> counters) {
        this.counters = counters;
        createCounter();
    }

    private void createCounter() {
        try {
            counters.insertOne(new Document("_id", COUNTER_ID).append(NEXT, 0L));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    /** Reserves {@code count} consecutive indexes and returns the first. */
    long allocate(int count) {
        Document before = counters.findOneAndUpdate(
                Filters.eq("_id", COUNTER_ID),
                Updates.inc(NEXT, (long) count),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.BEFORE));
        if (before == null) {
            throw new IllegalStateException("The global index counter is missing");
        }
        return before.getLong(NEXT);
    }

    /** The highest index handed out so far, or -1. */
    long highestAllocated() {
        Document counter = counters.find(Filters.eq("_id", COUNTER_ID)).first();
        return counter == null ? -1 : counter.getLong(NEXT) - 1;
    }
}
