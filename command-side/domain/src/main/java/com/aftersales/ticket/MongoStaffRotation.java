package com.aftersales.ticket;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * Round-robin turns in a counter document per tenant and pool ({@code _id} "tenant/department/seniors" or
 * "tenant/department/all"),
 * taken with one atomic increment that answers the value before it (the form both MongoDB servers
 * support), so concurrent classifications on any node take different turns.
 */
@Component
public class MongoStaffRotation implements StaffRotation {

    private final MongoCollection<Document> turns;

    public MongoStaffRotation(MongoDatabase database) {
        this.turns = database.getCollection("routing_turns");
    }

    @Override
    public long next(String tenantId, String pool) {
        Document before = turns.findOneAndUpdate(Filters.eq("_id", tenantId + "/" + pool), Updates.inc("next", 1L),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.BEFORE));
        return before == null ? 0 : before.get("next", Number.class).longValue();
    }
}
